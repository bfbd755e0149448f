package syncjob.binance;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import syncjob.lifecycle.IncomeRecord;

/**
 * A row of {@code GET /fapi/v1/income}. Income types stay text (unknown ones are data);
 * {@code tranId} and {@code tradeId} are kept as their exact JSON text.
 */
record IncomeRow(String symbol, String incomeType, BigDecimal income, String asset, Long time,
		@JsonDeserialize(using = ExactText.class) String tranId,
		@JsonDeserialize(using = ExactText.class) String tradeId,
		@JsonDeserialize(using = ExactText.class) String info) {

	IncomeRecord toRecord() {
		return new IncomeRecord(symbol == null ? "" : symbol, Rows.require(incomeType, "incomeType"),
				Rows.require(income, "income"), Rows.require(asset, "asset"), Rows.instant(Rows.require(time, "time")),
				Rows.require(tranId, "tranId"), tradeId, info);
	}
}
