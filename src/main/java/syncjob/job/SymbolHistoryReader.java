package syncjob.job;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.infrastructure.item.ItemReader;

import syncjob.binance.BinanceClient;
import syncjob.binance.SymbolHistory;
import syncjob.binance.SymbolRequest;
import syncjob.journal.IncomeStaging;
import syncjob.lifecycle.IncomeRecord;

/**
 * Reads one partition's symbols, one item per symbol: fills (with the lookback before
 * {@code from}), the orders they reference and the symbol's staged window funding. Only the
 * staged record with the smallest trade id goes to the client, to seed its fill paging: a
 * busy symbol's income is far larger than what the domain needs from it. Nothing
 * is cached across executions: a re-run partition fetches again, and a completed one is
 * never read again.
 */
class SymbolHistoryReader implements ItemReader<FetchedSymbol> {

	private static final Logger log = LoggerFactory.getLogger(SymbolHistoryReader.class);

	private final Deque<String> pending;

	private final SyncWindow window;

	private final BinanceClient client;

	private final ExchangeSnapshot snapshot;

	private final IncomeStaging staging;

	private final boolean includeOrders;

	private final CurrentExecution current;

	SymbolHistoryReader(List<String> symbols, SyncWindow window, BinanceClient client, ExchangeSnapshot snapshot,
			IncomeStaging staging, boolean includeOrders, CurrentExecution current) {
		this.current = current;
		this.pending = new ArrayDeque<>(symbols);
		this.window = window;
		this.client = client;
		this.snapshot = snapshot;
		this.staging = staging;
		this.includeOrders = includeOrders;
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
		List<IncomeRecord> seed = this.staging.firstTrade(account, symbol, this.window.from(), this.window.to());
		SymbolHistory history = this.client.symbolHistory(new SymbolRequest(symbol, this.window.from(),
				this.window.to(), taken.at(), taken.positionsOf(symbol), seed, this.includeOrders));
		List<IncomeRecord> funding = this.staging.funding(account, symbol, this.window.from(), this.window.to());
		log.debug("{}: {} fills, {} orders, {} calls, weight {}", symbol, history.fills().size(),
				history.ordersById().size(), history.calls(), history.weight());
		return new FetchedSymbol(history, funding, taken.quoteAsset(symbol));
	}

}
