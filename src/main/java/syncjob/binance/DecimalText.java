package syncjob.binance;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

/**
 * Reads Binance's decimals (JSON strings such as {@code "-0.01234500"}, or numbers) exactly.
 * Jackson's own BigDecimal deserializer first checks every string against a regular
 * expression: a few percent of a large sync's CPU, for a check {@link BigDecimal} makes anyway.
 */
final class DecimalText extends JsonDeserializer<BigDecimal> {

	@Override
	public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
			return parser.getDecimalValue();
		}
		if (token != JsonToken.VALUE_STRING) {
			return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
		}
		// parsed where the parser holds the characters: a String and a copy of its characters per
		// decimal were a large share of what reading a million fills allocated
		char[] chars = parser.getTextCharacters();
		int start = parser.getTextOffset();
		int end = start + parser.getTextLength();
		while (start < end && chars[start] <= ' ') {
			start++;
		}
		while (end > start && chars[end - 1] <= ' ') {
			end--;
		}
		if (start == end) {
			return null;
		}
		try {
			return new BigDecimal(chars, start, end - start);
		}
		catch (NumberFormatException ex) {
			return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, new String(chars, start, end - start),
					"not a decimal number");
		}
	}

}
