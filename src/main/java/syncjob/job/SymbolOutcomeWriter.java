package syncjob.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

import syncjob.journal.RejectedTradesStore;
import syncjob.journal.SymbolFiguresStore;
import syncjob.lifecycle.RejectedTrade;
import syncjob.lifecycle.SymbolOutcome;
import syncjob.lifecycle.TradeEntry;

/**
 * Writes a partition's outcome in its chunk transaction: the trades through an idempotent
 * {@link CountingTradeWriter}, the rejected trades and the reconciliation figures beside
 * them, and the counts into the step's execution context (the visible checkpoint).
 */
class SymbolOutcomeWriter implements ItemWriter<ProcessedSymbol> {

	private final CountingTradeWriter trades;

	private final RejectedTradesStore rejected;

	private final SymbolFiguresStore figures;

	SymbolOutcomeWriter(CountingTradeWriter trades, RejectedTradesStore rejected, SymbolFiguresStore figures) {
		this.trades = trades;
		this.rejected = rejected;
		this.figures = figures;
	}

	@Override
	public void write(Chunk<? extends ProcessedSymbol> chunk) throws Exception {
		StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
		long instanceId = step.getJobExecution().getJobInstance().getInstanceId();
		List<TradeEntry> entries = new ArrayList<>();
		for (ProcessedSymbol item : chunk) {
			entries.addAll(item.outcome().trades());
		}
		int inserted = this.trades.insert(entries);
		ExecutionContext context = step.getExecutionContext();
		for (ProcessedSymbol item : chunk) {
			SymbolOutcome outcome = item.outcome();
			for (RejectedTrade trade : outcome.rejected()) {
				this.rejected.save(instanceId, trade);
			}
			this.figures.save(instanceId, outcome.figures());
			add(context, "fillsFetched", item.fillsFetched());
			add(context, "lifecycles", item.lifecycles());
			add(context, "rejected", outcome.rejected().size());
			add(context, "stillOpen", outcome.open().size());
			add(context, "incomplete", outcome.incomplete().size());
			add(context, "withheld", outcome.withheld().size());
			add(context, "calls", item.calls());
			add(context, "weight", item.weight());
		}
		add(context, "inserted", inserted);
		add(context, "duplicatesSkipped", entries.size() - inserted);
	}

	private static void add(ExecutionContext context, String key, int amount) {
		context.putInt(key, context.getInt(key, 0) + amount);
	}

}
