package syncjob.job;

import java.util.List;

import syncjob.binance.SymbolHistory;
import syncjob.lifecycle.IncomeRecord;

/** One symbol as read: its fills, orders and lookback from Binance, and its staged window funding. */
record FetchedSymbol(SymbolHistory history, List<IncomeRecord> windowFunding, String quoteAsset) {

	FetchedSymbol {
		windowFunding = List.copyOf(windowFunding);
	}

}
