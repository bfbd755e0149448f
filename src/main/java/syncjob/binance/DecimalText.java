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
		try {
			return parse(parser);
		}
		catch (NumberFormatException ex) {
			return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, parser.getText().trim(),
					"not a decimal number");
		}
	}

	/**
	 * The parser's string token as a decimal, blanks around it ignored, as
	 * {@code new BigDecimal(text.trim())} reads it; null when it is blank. Parsed where the
	 * parser holds the characters: a String and a copy of its characters per decimal were a large
	 * share of what reading a million fills allocated.
	 * @throws NumberFormatException when the text is no decimal
	 */
	static BigDecimal parse(JsonParser parser) throws IOException {
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
		BigDecimal plain = plain(chars, start, end);
		return plain != null ? plain : new BigDecimal(chars, start, end - start);
	}

	/**
	 * What Binance serves nearly always: a sign, at most 18 digits and a point, read into a long
	 * and a scale, the value and scale {@link BigDecimal}'s own parsing gives; its general
	 * parsing was the largest single share of reading a million fills. Null for anything else
	 * (an exponent, more digits, no digit, a stray character), which BigDecimal then reads or
	 * refuses as before.
	 */
	private static BigDecimal plain(char[] chars, int start, int end) {
		int i = start;
		boolean negative = false;
		if (i < end && (chars[i] == '-' || chars[i] == '+')) {
			negative = chars[i] == '-';
			i++;
		}
		long unscaled = 0;
		int digits = 0;
		int scale = -1;
		for (; i < end; i++) {
			char c = chars[i];
			if (c >= '0' && c <= '9') {
				if (++digits > 18) {
					return null;
				}
				unscaled = unscaled * 10 + (c - '0');
				if (scale >= 0) {
					scale++;
				}
			}
			else if (c == '.' && scale < 0) {
				scale = 0;
			}
			else {
				return null;
			}
		}
		if (digits == 0) {
			return null;
		}
		return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
	}

}
