package syncjob.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import syncjob.binance.SymbolHistory;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.SymbolInput;
import syncjob.lifecycle.SymbolOutcome;
import syncjob.lifecycle.SymbolPipeline;

/** Groups, aggregates and validates one symbol with the lifecycle domain. */
class SymbolProcessor implements ItemProcessor<FetchedSymbol, ProcessedSymbol> {

	private final SyncWindow window;

	SymbolProcessor(SyncWindow window) {
		this.window = window;
	}

	@Override
	public ProcessedSymbol process(FetchedSymbol item) {
		SymbolHistory history = item.history();
		List<IncomeRecord> funding = new ArrayList<>(history.fundingBeforeFrom());
		funding.addAll(item.windowFunding());
		SymbolOutcome outcome = SymbolPipeline.process(new SymbolInput(this.window.account(), history.symbol(),
				item.quoteAsset(), this.window.from(), this.window.to(), history.fills(), history.startPositions(),
				funding, history.ordersById()));
		int lifecycles = outcome.trades().size() + outcome.rejected().size() + outcome.open().size()
				+ outcome.incomplete().size();
		return new ProcessedSymbol(outcome, history.fills().size(), lifecycles, history.calls(), history.weight());
	}

}
