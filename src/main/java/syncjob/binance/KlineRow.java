package syncjob.binance;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import syncjob.lifecycle.Candle;

/**
 * A row of {@code GET /fapi/v1/klines}: a JSON array {@code [openTime, open, high, low, close,
 * volume, closeTime, ...]}, times as epoch ms, decimals as strings. The fields after the close
 * time are skipped, so rows Binance lengthens later still read.
 */
@JsonDeserialize(using = KlineRow.Reader.class)
record KlineRow(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long closeTime) {

	Candle toCandle() {
		return new Candle(Instant.ofEpochMilli(openTime), open, high, low, close);
	}

	/** Reads the array element by element, decimals exactly (never through a double). */
	static final class Reader extends JsonDeserializer<KlineRow> {

		@Override
		public KlineRow deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (parser.currentToken() != JsonToken.START_ARRAY) {
				return (KlineRow) context.handleUnexpectedToken(KlineRow.class, parser);
			}
			long openTime = millis(parser, context, "openTime");
			BigDecimal open = decimal(parser, context, "open");
			BigDecimal high = decimal(parser, context, "high");
			BigDecimal low = decimal(parser, context, "low");
			BigDecimal close = decimal(parser, context, "close");
			decimal(parser, context, "volume");
			long closeTime = millis(parser, context, "closeTime");
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				if (parser.currentToken() == null) {
					return (KlineRow) context.handleUnexpectedToken(KlineRow.class, parser);
				}
				parser.skipChildren();
			}
			return new KlineRow(openTime, open, high, low, close, closeTime);
		}

		private static long millis(JsonParser parser, DeserializationContext context, String field)
				throws IOException {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.VALUE_NUMBER_INT) {
				return parser.getLongValue();
			}
			if (token == JsonToken.VALUE_STRING) {
				try {
					return Long.parseLong(parser.getText().trim());
				}
				catch (NumberFormatException ex) {
					// reported below
				}
			}
			throw context.weirdStringException(String.valueOf(parser.getText()), Long.class,
					"kline field '" + field + "' is not epoch milliseconds");
		}

		private static BigDecimal decimal(JsonParser parser, DeserializationContext context, String field)
				throws IOException {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
				return parser.getDecimalValue();
			}
			if (token == JsonToken.VALUE_STRING) {
				try {
					BigDecimal value = DecimalText.parse(parser);
					if (value != null) {
						return value;
					}
				}
				catch (NumberFormatException ex) {
					// reported below
				}
			}
			throw context.weirdStringException(String.valueOf(parser.getText()), BigDecimal.class,
					"kline field '" + field + "' is not a decimal");
		}

	}

}
