package syncjob.binance;

import java.util.List;

import syncjob.lifecycle.IncomeRecord;

/** Every income record of a span, ascending by time, once per (incomeType, tranId); with what it cost. */
public record IncomeHistory(List<IncomeRecord> records, int calls, int weight) {

	public IncomeHistory {
		records = List.copyOf(records);
	}
}
