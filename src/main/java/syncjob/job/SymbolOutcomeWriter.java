package syncjob.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import syncjob.job.PartitionContext.Counter;
import syncjob.journal.OpenPositionsStore;
import syncjob.journal.RejectedTradesStore;
import syncjob.journal.SymbolFiguresStore;
import syncjob.journal.TradeDetailsBackfill;
import syncjob.lifecycle.RejectedTrade;
import syncjob.lifecycle.SymbolOutcome;
import syncjob.lifecycle.TradeEntry;

/**
 * Writes a partition's outcome in its chunk transaction: the trades through an idempotent
 * {@link CountingTradeWriter}, the detail columns of rows that already existed where they are
 * null, the rejected trades, the reconciliation figures and the open streams beside them, and
 * the counts into the partition's context (the visible checkpoint).
 */
class SymbolOutcomeWriter implements ItemWriter<ProcessedSymbol> {

	private final StepExecution step;

	private final CountingTradeWriter trades;

	private final TradeDetailsBackfill backfill;

	private final RejectedTradesStore rejected;

	private final SymbolFiguresStore figures;

	private final OpenPositionsStore openPositions;

	SymbolOutcomeWriter(StepExecution step, CountingTradeWriter trades, TradeDetailsBackfill backfill,
			RejectedTradesStore rejected, SymbolFiguresStore figures, OpenPositionsStore openPositions) {
		this.step = step;
		this.trades = trades;
		this.backfill = backfill;
		this.rejected = rejected;
		this.figures = figures;
		this.openPositions = openPositions;
	}

	@Override
	public void write(Chunk<? extends ProcessedSymbol> chunk) throws Exception {
		long instanceId = this.step.getJobExecution().getJobInstance().getInstanceId();
		List<TradeEntry> entries = new ArrayList<>();
		for (ProcessedSymbol item : chunk) {
			entries.addAll(item.outcome().trades());
		}
		CountingTradeWriter.Inserted inserted = this.trades.insert(entries);
		int backfilled = this.backfill.fill(inserted.existing());
		PartitionContext context = PartitionContext.of(this.step);
		for (ProcessedSymbol item : chunk) {
			SymbolOutcome outcome = item.outcome();
			for (RejectedTrade trade : outcome.rejected()) {
				this.rejected.save(instanceId, trade);
			}
			this.figures.save(instanceId, outcome.figures());
			this.openPositions.stage(instanceId, outcome.symbol(), outcome.openPositions());
			context.add(Counter.FILLS_FETCHED, item.fillsFetched());
			context.add(Counter.LIFECYCLES, item.lifecycles());
			context.add(Counter.REJECTED, outcome.rejected().size());
			context.add(Counter.STILL_OPEN, outcome.open().size());
			context.add(Counter.INCOMPLETE, outcome.incomplete().size());
			context.add(Counter.WITHHELD, outcome.withheld().size());
			context.add(Counter.CALLS, item.calls());
			context.add(Counter.WEIGHT, item.weight());
		}
		context.add(Counter.INSERTED, inserted.count());
		context.add(Counter.DUPLICATES_SKIPPED, entries.size() - inserted.count());
		context.add(Counter.BACKFILLED, backfilled);
	}

}
