package syncjob.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import syncjob.binance.ServedOrders;
import syncjob.binance.SymbolFills;
import syncjob.lifecycle.IncomeRecord;

/**
 * One symbol as read: its fills and the orders its rows need from Binance, its income (funding
 * and the trade income that proves the fills complete), where Binance's income begins when that
 * matters, and when the positions the fills end at were read.
 */
record FetchedSymbol(SymbolFills fills, ServedOrders orders, boolean ordersFetched, List<IncomeRecord> income,
		Optional<Instant> incomeServedFrom, String quoteAsset, Instant now) {

	FetchedSymbol {
		income = List.copyOf(income);
	}

}
