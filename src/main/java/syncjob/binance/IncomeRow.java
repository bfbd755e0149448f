package syncjob.binance;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import syncjob.lifecycle.IncomeRecord;

/**
 * A row of {@code GET /fapi/v1/income}. Income types stay text (unknown ones are data);
 * {@code tranId}, {@code tradeId} and {@code info} are kept as their exact JSON text
 * ({@link ExactText}). Read by {@link Reader}: a large sync reads millions of them.
 */
@JsonDeserialize(using = IncomeRow.Reader.class)
record IncomeRow(String symbol, String incomeType, BigDecimal income, String asset, Long time, String tranId,
		String tradeId, String info) {

	IncomeRecord toRecord() {
		return new IncomeRecord(symbol == null ? "" : symbol, RowFields.require(incomeType, "incomeType"),
				RowFields.require(income, "income"), RowFields.require(asset, "asset"), RowFields.instant(RowFields.require(time, "time")),
				RowFields.require(tranId, "tranId"), tradeId, info);
	}

	/** Reads the row's fields from the tokens ({@link RowTokens}); fields it does not name are skipped. */
	static final class Reader extends JsonDeserializer<IncomeRow> {

		/** The order Binance serves the fields in, learned: see {@link FieldOrder}. */
		private static final FieldOrder ORDER = new FieldOrder();

		@Override
		public IncomeRow deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (!RowTokens.atObject(parser)) {
				return (IncomeRow) context.handleUnexpectedToken(IncomeRow.class, parser);
			}
			String symbol = null;
			String incomeType = null;
			BigDecimal income = null;
			String asset = null;
			Long time = null;
			String tranId = null;
			String tradeId = null;
			String info = null;
			for (String field = ORDER.first(parser); field != null; field = ORDER.next(parser, field)) {
				parser.nextToken();
				try {
					switch (field) {
						case "symbol" -> symbol = RowTokens.text(parser, context);
						case "incomeType" -> incomeType = RowTokens.text(parser, context);
						case "income" -> income = RowTokens.decimal(parser, context);
						case "asset" -> asset = RowTokens.text(parser, context);
						case "time" -> time = RowTokens.whole(parser, context);
						case "tranId" -> tranId = RowTokens.exact(parser, context);
						case "tradeId" -> tradeId = RowTokens.exact(parser, context);
						case "info" -> info = RowTokens.exact(parser, context);
						default -> parser.skipChildren();
					}
				}
				catch (JacksonException ex) {
					throw RowTokens.failed(ex, IncomeRow.class, field);
				}
			}
			return new IncomeRow(symbol, incomeType, income, asset, time, tranId, tradeId, info);
		}

	}

}
