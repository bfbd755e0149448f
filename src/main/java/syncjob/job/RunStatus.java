package syncjob.job;

import java.time.Instant;
import java.util.Optional;

import syncjob.binance.WaitListener;
import syncjob.binance.WeightBudget;

/**
 * What the run is doing now, for the live status line and the heartbeat: batches, symbols and
 * trades so far (fed by {@link PartitionProgress}), the weight budget, and why the client is
 * waiting if it is. Written by the partition threads, read by the ticker: every method is
 * synchronized and {@link #snapshot} hands out an immutable copy.
 */
final class RunStatus implements WaitListener {

	private Instant started;

	private int batchesDone;

	private int batchesDoneNow;

	private int batchCount;

	private int symbolsDone;

	private long inserted;

	private Instant waitingUntil;

	private String waitReason;

	private String retry;

	private Instant lastLine;

	private WeightBudget budget;

	synchronized void start(Instant now, int finishedEarlier, long insertedEarlier) {
		this.started = now;
		this.batchesDone = finishedEarlier;
		this.batchesDoneNow = 0;
		this.batchCount = 0;
		this.symbolsDone = 0;
		this.inserted = insertedEarlier;
		this.waitingUntil = null;
		this.retry = null;
		this.lastLine = now;
	}

	synchronized void batchStarted(int count, Instant now) {
		this.batchCount = count;
		this.lastLine = now;
	}

	synchronized void batchFinished(int symbols, int insertedHere, Instant now) {
		this.batchesDone++;
		this.batchesDoneNow++;
		this.symbolsDone += symbols;
		this.inserted += insertedHere;
		this.retry = null;
		this.lastLine = now;
	}

	/** A line reached the log: the heartbeat counts silence from here. */
	synchronized void logged(Instant now) {
		this.lastLine = now;
	}

	/** Reads used and limit from the one client's budget from now on. */
	synchronized void weighedBy(WeightBudget weightBudget) {
		this.budget = weightBudget;
	}

	@Override
	public synchronized void waiting(Instant until, String reason) {
		this.waitingUntil = until;
		this.waitReason = reason;
	}

	@Override
	public synchronized void retrying(int retry, int maxRetries, String problem) {
		this.retry = "retrying (" + retry + "/" + maxRetries + ") after " + problem;
	}

	@Override
	public synchronized void proceeding() {
		this.waitingUntil = null;
		this.retry = null;
	}

	synchronized Optional<Snapshot> snapshot() {
		if (this.started == null) {
			return Optional.empty();
		}
		int used = this.budget == null ? 0 : this.budget.usedThisMinute();
		int limit = this.budget == null ? 0 : this.budget.limitPerMinute();
		return Optional.of(new Snapshot(this.started, this.batchesDone, this.batchesDoneNow, this.batchCount,
				this.symbolsDone, this.inserted, used, limit, Optional.ofNullable(this.waitingUntil),
				Optional.ofNullable(this.waitReason), Optional.ofNullable(this.retry), this.lastLine));
	}

	synchronized void stop() {
		this.started = null;
	}

	/**
	 * The status at one moment. {@code batchCount} is 0 until the first batch starts (the
	 * income step runs); {@code weightLimit} 0 until the client exists.
	 */
	record Snapshot(Instant started, int batchesDone, int batchesDoneNow, int batchCount, int symbolsDone,
			long inserted, int weightUsed, int weightLimit, Optional<Instant> waitingUntil,
			Optional<String> waitReason, Optional<String> retry, Instant lastLine) {
	}

}
