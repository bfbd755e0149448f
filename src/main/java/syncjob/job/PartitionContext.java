package syncjob.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A partition's step execution context, typed: which batch it is, its symbols, and what it
 * counted while writing. The one place that knows the context's keys; the counters commit in
 * the chunk transaction with the batch's rows, so they are the visible checkpoint.
 */
final class PartitionContext {

	private static final String SYMBOLS = "symbols";

	private static final String BATCH = "batch";

	private static final String BATCH_COUNT = "batchCount";

	private final ExecutionContext context;

	private PartitionContext(ExecutionContext context) {
		this.context = context;
	}

	/** The context the partitioner hands to batch {@code batch} of {@code batchCount}. */
	static ExecutionContext create(int batch, int batchCount, List<String> symbols) {
		ExecutionContext context = new ExecutionContext();
		context.put(SYMBOLS, new ArrayList<>(symbols));
		context.putInt(BATCH, batch);
		context.putInt(BATCH_COUNT, batchCount);
		return context;
	}

	static PartitionContext of(StepExecution step) {
		return new PartitionContext(step.getExecutionContext());
	}

	static PartitionContext of(ExecutionContext context) {
		return new PartitionContext(context);
	}

	@SuppressWarnings("unchecked")
	List<String> symbols() {
		Object symbols = this.context.get(SYMBOLS);
		return symbols == null ? List.of() : List.copyOf((List<String>) symbols);
	}

	int batch() {
		return this.context.getInt(BATCH);
	}

	int batchCount() {
		return this.context.getInt(BATCH_COUNT);
	}

	int count(Counter counter) {
		return this.context.getInt(counter.key, 0);
	}

	void add(Counter counter, int amount) {
		this.context.putInt(counter.key, count(counter) + amount);
	}

	/** What a partition counts, summed over its symbols. */
	enum Counter {

		INSERTED("inserted"), DUPLICATES_SKIPPED("duplicatesSkipped"), FILLS_FETCHED("fillsFetched"),
		LIFECYCLES("lifecycles"), REJECTED("rejected"), STILL_OPEN("stillOpen"), INCOMPLETE("incomplete"),
		WITHHELD("withheld"),
		CALLS("calls"), WEIGHT("weight"),
		/** Rows that existed already and got some detail column a later version added. */
		BACKFILLED("backfilled");

		private final String key;

		Counter(String key) {
			this.key = key;
		}

	}

}
