package syncjob.job;

import java.util.List;

import syncjob.binance.SymbolHistory;
import syncjob.lifecycle.IncomeRecord;

/** One symbol as read: its fills, orders and lookback from Binance, and its staged window income. */
record FetchedSymbol(SymbolHistory history, List<IncomeRecord> windowIncome, String quoteAsset) {

	FetchedSymbol {
		windowIncome = List.copyOf(windowIncome);
	}

}
