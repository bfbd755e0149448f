package syncjob.job;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.infrastructure.item.ItemReader;

import syncjob.binance.BinanceClient;
import syncjob.binance.ServedCandles;
import syncjob.binance.ServedCloses;
import syncjob.binance.ServedOrders;
import syncjob.binance.SymbolFills;
import syncjob.binance.SymbolRequest;
import syncjob.journal.IncomeStaging;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.SymbolNeeds;
import syncjob.lifecycle.SymbolPipeline;

/**
 * Reads one partition's symbols, one item per symbol: fills (with the lookback before
 * {@code from}), the orders and klines the window's rows need, and the symbol's staged income
 * (its funding, and the trade income every fill since {@code from} must match). Nothing but
 * closed klines is cached across executions: a re-run partition fetches again, and a completed
 * one is never read again.
 */
class SymbolHistoryReader implements ItemReader<FetchedSymbol> {

	private static final Logger log = LoggerFactory.getLogger(SymbolHistoryReader.class);

	private final Deque<String> pending;

	private final SyncWindow window;

	private final BinanceClient client;

	private final Supplier<ExchangeSnapshot.Taken> snapshot;

	private final IncomeStaging staging;

	private final IncomeHorizon horizon;

	private final Optional<Instant> incomeServedFrom;

	private final boolean includeOrders;

	private final boolean excursions;

	private final boolean valueOtherFees;

	private final CurrentExecution current;

	SymbolHistoryReader(List<String> symbols, SyncWindow window, BinanceClient client,
			Supplier<ExchangeSnapshot.Taken> snapshot,
			IncomeStaging staging, IncomeHorizon horizon, Optional<Instant> incomeServedFrom, SyncSettings settings,
			CurrentExecution current) {
		this.current = current;
		this.pending = new ArrayDeque<>(symbols);
		this.window = window;
		this.client = client;
		this.snapshot = snapshot;
		this.staging = staging;
		this.horizon = horizon;
		this.incomeServedFrom = incomeServedFrom;
		this.includeOrders = settings.includeOrders();
		this.excursions = settings.excursions();
		this.valueOtherFees = settings.valueOtherFees();
	}

	@Override
	public FetchedSymbol read() throws JobInterruptedException {
		String symbol = this.pending.poll();
		if (symbol == null) {
			return null;
		}
		if (this.current.stopRequested()) {
			throw new JobInterruptedException("stop requested before fetching " + symbol);
		}
		ExchangeSnapshot.Taken taken = this.snapshot.get();
		String account = this.window.account();
		Instant now = taken.at();
		List<IncomeRecord> seed = this.staging.firstTrade(account, symbol, this.window.from(), this.window.to());
		SymbolFills fills = this.client.fills(new SymbolRequest(symbol, this.window.from(), this.window.to(), now,
				taken.positionsOf(symbol), seed));
		List<IncomeRecord> income = new ArrayList<>(fills.incomeBeforeFrom());
		income.addAll(this.staging.funding(account, symbol, this.window.from(), this.window.to()));
		income.addAll(this.staging.tradeIncome(account, symbol, this.window.from(), now));
		Optional<Instant> servedFrom = this.incomeServedFrom
			.or(() -> this.horizon.servedFrom(fills.completeFrom(), now));
		String quoteAsset = taken.quoteAsset(symbol);
		// grouping the fills costs time on a large symbol: only when something is fetched for the rows
		SymbolNeeds needs = this.includeOrders || this.excursions || this.valueOtherFees
				? SymbolPipeline.needs(symbol, quoteAsset, fills.fills(), fills.startPositions(), income,
						this.window.from(), this.window.to())
				: new SymbolNeeds(Map.of(), List.of(), new TreeSet<>());
		ServedOrders orders = this.includeOrders ? this.client.orders(symbol, needs.orders(), now)
				: ServedOrders.none();
		Optional<ServedCandles> candles = this.excursions
				? Optional.of(this.client.candles(symbol, needs.candleRanges())) : Optional.empty();
		Optional<ServedCloses> feePrices = this.valueOtherFees
				? Optional.of(this.client.minuteCloses(needs.feeMinutes())) : Optional.empty();
		FetchedSymbol fetched = new FetchedSymbol(fills, orders, this.includeOrders, income, servedFrom, quoteAsset,
				now, candles, feePrices);
		fills.notes().forEach((note) -> log.debug("{}: {}", symbol, note));
		orders.notes().forEach((note) -> log.debug("{}: {}", symbol, note));
		candles.ifPresent((served) -> served.notes().forEach((note) -> log.debug("{}: {}", symbol, note)));
		feePrices.ifPresent((served) -> served.notes().forEach((note) -> log.debug("{}: {}", symbol, note)));
		log.debug("{}: {} fills, {} orders ({} not served), {} candle ranges, {} fee minutes, {} calls, weight {}",
				symbol, fills.fills().size(), orders.byId().size(), orders.notServed().size(),
				needs.candleRanges().size(), needs.feeMinutes().size(), fetched.calls(), fetched.weight());
		return fetched;
	}

}
