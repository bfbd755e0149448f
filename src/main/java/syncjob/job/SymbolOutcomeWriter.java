package syncjob.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;

import syncjob.journal.RejectedTradesStore;
import syncjob.journal.SymbolFiguresStore;
import syncjob.journal.TradeEntryRows;
import syncjob.lifecycle.RejectedTrade;
import syncjob.lifecycle.SymbolOutcome;
import syncjob.lifecycle.TradeEntry;

/**
 * Writes a partition's outcome in its chunk transaction: the trades through an idempotent
 * {@link JdbcBatchItemWriter}, the rejected trades and the reconciliation figures beside
 * them, and the counts into the step's execution context (the visible checkpoint).
 */
class SymbolOutcomeWriter implements ItemWriter<ProcessedSymbol> {

	private final JdbcBatchItemWriter<TradeEntry> trades;

	private final TradeEntryRows rows;

	private final RejectedTradesStore rejected;

	private final SymbolFiguresStore figures;

	private final String account;

	SymbolOutcomeWriter(JdbcBatchItemWriter<TradeEntry> trades, TradeEntryRows rows, RejectedTradesStore rejected,
			SymbolFiguresStore figures, String account) {
		this.trades = trades;
		this.rows = rows;
		this.rejected = rejected;
		this.figures = figures;
		this.account = account;
	}

	@Override
	public void write(Chunk<? extends ProcessedSymbol> chunk) throws Exception {
		StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
		long instanceId = step.getJobExecution().getJobInstance().getInstanceId();
		List<TradeEntry> entries = new ArrayList<>();
		for (ProcessedSymbol item : chunk) {
			entries.addAll(item.outcome().trades());
		}
		Set<String> existing = this.rows.existing(this.account,
				entries.stream().map(TradeEntry::binanceTradeId).toList());
		if (!entries.isEmpty()) {
			this.trades.write(new Chunk<>(entries));
		}
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
			add(context, "calls", item.calls());
			add(context, "weight", item.weight());
		}
		add(context, "inserted", entries.size() - existing.size());
		add(context, "duplicatesSkipped", existing.size());
	}

	private static void add(ExecutionContext context, String key, int amount) {
		context.putInt(key, context.getInt(key, 0) + amount);
	}

}
