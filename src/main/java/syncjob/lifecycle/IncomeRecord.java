package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One income record (a row of {@code GET /fapi/v1/income}). {@code income} is signed as
 * Binance reports it (COMMISSION and paid funding are negative). {@code tranId} is text
 * because it is unique only per income type and its values exceed what callers should
 * assume fits a long; {@code symbol} and {@code tradeId} are empty strings when absent.
 */
public record IncomeRecord(String symbol, String incomeType, BigDecimal income, String asset, Instant time,
		String tranId, String tradeId, String info) {

	public IncomeRecord {
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(incomeType, "incomeType");
		Objects.requireNonNull(income, "income");
		Objects.requireNonNull(asset, "asset");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(tranId, "tranId");
		tradeId = tradeId == null ? "" : tradeId;
		info = info == null ? "" : info;
	}

	public boolean is(String type) {
		return incomeType.equals(type);
	}
}
