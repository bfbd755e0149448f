package syncjob.binance;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Field values of the hand-written readers of the rows a large sync reads by the million (fills,
 * orders, income). Jackson builds a record through its creator-property machinery, a buffer and a
 * reflective constructor call per row: a large share of a large sync's CPU. These readers take
 * each field's value from the current token, as Jackson's own deserializer for the field's type
 * takes it when the token is the one Binance serves (a string for a String, an integer for a Long,
 * ...); for any other token they hand the value to that very deserializer, so that an odd value
 * reads, or fails, as it did. A JSON null is null, as for a record component.
 */
final class RowTokens {

	private static final DecimalText DECIMALS = new DecimalText();

	private static final ExactText EXACT = new ExactText();

	private RowTokens() {
	}

	/** Whether the parser is at a row's object (its start, or its first field). */
	static boolean atObject(JsonParser parser) {
		JsonToken token = parser.currentToken();
		return token == JsonToken.START_OBJECT || token == JsonToken.FIELD_NAME;
	}

	/** The failure of a field, with the row and field in its path as Jackson names them. */
	static JsonMappingException failed(JacksonException failure, Class<?> row, String field) {
		return JsonMappingException.wrapWithPath(failure, row, field);
	}

	static String text(JsonParser parser, DeserializationContext context) throws IOException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_STRING) {
			return parser.getText();
		}
		return token == JsonToken.VALUE_NULL ? null : context.readValue(parser, String.class);
	}

	static Long whole(JsonParser parser, DeserializationContext context) throws IOException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return parser.getLongValue();
		}
		return token == JsonToken.VALUE_NULL ? null : context.readValue(parser, Long.class);
	}

	static Boolean bool(JsonParser parser, DeserializationContext context) throws IOException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_TRUE) {
			return Boolean.TRUE;
		}
		if (token == JsonToken.VALUE_FALSE) {
			return Boolean.FALSE;
		}
		return token == JsonToken.VALUE_NULL ? null : context.readValue(parser, Boolean.class);
	}

	/** Exactly, as {@link DecimalText} reads every decimal of the client's responses. */
	static BigDecimal decimal(JsonParser parser, DeserializationContext context) throws IOException {
		return parser.currentToken() == JsonToken.VALUE_NULL ? null : DECIMALS.deserialize(parser, context);
	}

	/** A number or string as its exact text ({@link ExactText}). */
	static String exact(JsonParser parser, DeserializationContext context) throws IOException {
		return parser.currentToken() == JsonToken.VALUE_NULL ? null : EXACT.deserialize(parser, context);
	}

	/** The constant a string names exactly; anything else is read as Jackson reads the enum. */
	static <E extends Enum<E>> E constant(JsonParser parser, DeserializationContext context, Class<E> type,
			E[] constants) throws IOException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_STRING) {
			String name = parser.getText();
			for (E constant : constants) {
				if (constant.name().equals(name)) {
					return constant;
				}
			}
		}
		return token == JsonToken.VALUE_NULL ? null : context.readValue(parser, type);
	}

}
