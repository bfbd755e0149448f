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
		return new IncomeRecord(symbol == null ? "" : symbol, RowFields.require(incomeType, "incomeType"),
				RowFields.require(income, "income"), RowFields.require(asset, "asset"), RowFields.instant(RowFields.require(time, "time")),
				RowFields.require(tranId, "tranId"), tradeId, info);
	}
}
