package syncjob.binance;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

/**
 * Reads a JSON number or string as its exact text: {@code tranId} reaches 8e18 and must never
 * pass through a long or a double on its way to the journal.
 */
final class ExactText extends JsonDeserializer<String> {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
			return parser.getText();
		}
		return (String) context.handleUnexpectedToken(String.class, parser);
	}
}
