package syncjob.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import syncjob.binance.ServedCandles;
import syncjob.binance.ServedCloses;
import syncjob.binance.ServedOrders;
import syncjob.binance.SymbolFills;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.SymbolGrouping;

/**
 * One symbol as read: its fills and the orders its rows need from Binance, its income (funding
 * and the trade income that proves the fills complete), the fills settled and grouped with that
 * income ({@code grouped}, which holds the fills and income the processor is given), where
 * Binance's income begins when that matters, when the positions the fills end at were read, and
 * the klines its detail columns are valued with ({@code candles} empty when {@code sync.excursions} is off, {@code feePrices} when
 * {@code sync.value-other-fees} is).
 */
record FetchedSymbol(SymbolFills fills, SymbolGrouping grouped, ServedOrders orders, boolean ordersFetched,
		Optional<Instant> incomeServedFrom, String quoteAsset, Instant now, Optional<ServedCandles> candles,
		Optional<ServedCloses> feePrices) {

	/** The symbol's income: its staged funding and trade income, with the trade income before {@code from}. */
	List<IncomeRecord> income() {
		return grouped.income();
	}

	/** Requests sent for the symbol (retries included). */
	int calls() {
		return fills.calls() + orders.calls() + candles.map(ServedCandles::calls).orElse(0)
				+ feePrices.map(ServedCloses::calls).orElse(0);
	}

	/** Their weight. */
	int weight() {
		return fills.weight() + orders.weight() + candles.map(ServedCandles::weight).orElse(0)
				+ feePrices.map(ServedCloses::weight).orElse(0);
	}

}
