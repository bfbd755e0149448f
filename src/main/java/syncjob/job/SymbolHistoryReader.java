package syncjob.job;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.infrastructure.item.ItemReader;

import syncjob.binance.BinanceClient;
import syncjob.binance.ServedCandles;
import syncjob.binance.ServedCloses;
import syncjob.binance.ServedKlines;
import syncjob.binance.ServedOrders;
import syncjob.binance.SymbolFills;
import syncjob.binance.SymbolRequest;
import syncjob.journal.IncomeStaging;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.SymbolGrouping;
import syncjob.lifecycle.SymbolNeeds;
import syncjob.lifecycle.SymbolPipeline;

/**
 * Reads one partition's symbols, one item per symbol: fills (with the lookback before
 * {@code from}), the orders and klines the window's rows need, and the symbol's staged income
 * (its funding, and the trade income every fill since {@code from} must match). Nothing but
 * closed klines is cached across executions: a re-run partition fetches again, and a completed
 * one is never read again.
 * <p>
 * The partition's symbols are fetched at once on {@code fetchers}, so that a batch takes as long
 * as its slowest symbol rather than the sum of all four, and a symbol's orders are asked while
 * its klines are; the weight budget and the client's connection limit bound them all. The staged income is read first, on the partition's thread and
 * inside its chunk transaction; only the exchange (and its klines cache, which keeps its own
 * short transactions) is asked from the other threads. Items are handed on in the batch's order.
 */
class SymbolHistoryReader implements ItemReader<FetchedSymbol> {

	private static final Logger log = LoggerFactory.getLogger(SymbolHistoryReader.class);

	private final List<String> symbols;

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

	private final SymbolFetchers fetchers;

	/** The symbols' fetches in batch order; null until the first read. */
	private Deque<Future<FetchedSymbol>> fetches;

	SymbolHistoryReader(List<String> symbols, SyncWindow window, BinanceClient client,
			Supplier<ExchangeSnapshot.Taken> snapshot,
			IncomeStaging staging, IncomeHorizon horizon, Optional<Instant> incomeServedFrom, SyncSettings settings,
			CurrentExecution current, SymbolFetchers fetchers) {
		this.current = current;
		this.symbols = List.copyOf(symbols);
		this.window = window;
		this.client = client;
		this.snapshot = snapshot;
		this.staging = staging;
		this.horizon = horizon;
		this.incomeServedFrom = incomeServedFrom;
		this.includeOrders = settings.includeOrders();
		this.excursions = settings.excursions();
		this.valueOtherFees = settings.valueOtherFees();
		this.fetchers = fetchers;
	}

	@Override
	public FetchedSymbol read() throws JobInterruptedException {
		if (this.fetches == null) {
			if (this.current.stopRequested()) {
				throw new JobInterruptedException("stop requested before fetching " + this.symbols);
			}
			this.fetches = start();
		}
		Future<FetchedSymbol> next = this.fetches.poll();
		if (next == null) {
			return null;
		}
		if (this.current.stopRequested()) {
			cancel(next);
			throw new JobInterruptedException("stop requested while fetching " + this.symbols);
		}
		try {
			return next.get();
		}
		catch (ExecutionException ex) {
			cancel(next);
			throw Futures.thrownThere(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			cancel(next);
			throw new JobInterruptedException("interrupted while fetching " + this.symbols);
		}
	}

	/** Reads every symbol's staged income here, then fetches the symbols at once. */
	private Deque<Future<FetchedSymbol>> start() {
		ExchangeSnapshot.Taken taken = this.snapshot.get();
		String account = this.window.account();
		Instant now = taken.at();
		Deque<Future<FetchedSymbol>> started = new ArrayDeque<>();
		// the funding of the window and the trade income up to now, of all the batch's symbols at once
		Map<String, List<IncomeRecord>> income = this.staging.symbolIncome(account, this.symbols, this.window.from(),
				this.window.to(), now);
		for (String symbol : this.symbols) {
			List<IncomeRecord> seed = this.staging.firstTrade(account, symbol, this.window.from(), this.window.to());
			List<IncomeRecord> staged = income.get(symbol);
			started.add(this.fetchers.symbols().submit(() -> fetch(symbol, taken, seed, staged)));
		}
		return started;
	}

	/** Stops this fetch and those still queued behind it: the chunk fails or stops as a whole. */
	private void cancel(Future<FetchedSymbol> failed) {
		failed.cancel(true);
		this.fetches.forEach((other) -> other.cancel(true));
		this.fetches.clear();
	}

	/** Everything one symbol needs from the exchange; runs on one of {@code fetchers}. */
	private FetchedSymbol fetch(String symbol, ExchangeSnapshot.Taken taken, List<IncomeRecord> seed,
			List<IncomeRecord> staged) {
		// operators (and the crash tests) see that the partition is fetching its symbols
		log.debug("{}: fetching", symbol);
		Instant now = taken.at();
		SymbolFills fills = this.client.fills(new SymbolRequest(symbol, this.window.from(), this.window.to(), now,
				taken.positionsOf(symbol), seed));
		List<IncomeRecord> income = new ArrayList<>(fills.incomeBeforeFrom());
		income.addAll(staged);
		Optional<Instant> servedFrom = this.incomeServedFrom
			.or(() -> this.horizon.servedFrom(fills.completeFrom(), now));
		String quoteAsset = taken.quoteAsset(symbol);
		// settled and grouped once, here: what the rows need is read from it, and the processor goes on from it
		SymbolGrouping grouped = SymbolGrouping.of(symbol, fills.fills(), fills.startPositions(), income);
		SymbolNeeds needs = this.includeOrders || this.excursions || this.valueOtherFees
				? SymbolPipeline.needs(grouped, quoteAsset, this.window.from(), this.window.to())
				: new SymbolNeeds(Map.of(), List.of(), new TreeSet<>());
		// orders and klines depend on the fills, not on each other: the orders are asked meanwhile
		Future<ServedOrders> ordersAsked = this.includeOrders
				? this.fetchers.ownThread().submit(() -> this.client.orders(symbol, needs.orders(), now))
				: CompletableFuture.completedFuture(ServedOrders.none());
		Optional<ServedCandles> candles;
		Optional<ServedCloses> feePrices;
		try {
			// the candles and the fee minutes' closes are asked at once too
			ServedKlines klines = this.excursions || this.valueOtherFees
					? this.client.klines(symbol, this.excursions ? needs.candleRanges() : List.of(),
							this.valueOtherFees ? needs.feeMinutes() : new TreeSet<>())
					: null;
			candles = this.excursions ? Optional.of(klines.candles()) : Optional.empty();
			feePrices = this.valueOtherFees ? Optional.of(klines.closes()) : Optional.empty();
		}
		catch (RuntimeException ex) {
			ordersAsked.cancel(true);
			throw ex;
		}
		ServedOrders orders = Futures.await(ordersAsked, "fetching orders");
		FetchedSymbol fetched = new FetchedSymbol(fills, grouped, orders, this.includeOrders, servedFrom,
				quoteAsset, now, candles, feePrices);
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
