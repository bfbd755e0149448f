package syncjob.binance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whose reservation enters a shared {@link WeightBudget} next, when several accounts' clients
 * spend one IP's budget: the waiting caller of the lane (account) that has been granted the
 * least weight so far goes first, callers of one lane in arrival order. A light account
 * therefore waits behind at most one reservation of each busier account, never behind a
 * heavy account's whole queue. A lane that comes back after idling starts level with the
 * least-served waiting lane, so it cannot claim the weight it did not ask for while idle.
 * One caller is inside the budget at a time; it may sleep there until the next minute.
 */
final class FairTurns {

	private final Map<String, Long> granted = new HashMap<>();

	private final List<Waiter> waiting = new ArrayList<>();

	private Waiter inside;

	private long arrivals;

	/** Blocks until it is {@code lane}'s turn to reserve {@code weight}; {@link #leave} must follow. */
	synchronized Waiter enter(String lane, int weight) {
		if (waiting.stream().noneMatch(w -> w.lane().equals(lane))) {
			long floor = waiting.stream().mapToLong(w -> granted.getOrDefault(w.lane(), 0L)).min().orElse(0L);
			granted.merge(lane, floor, Math::max);
		}
		Waiter me = new Waiter(lane, weight, arrivals++);
		waiting.add(me);
		try {
			while (inside != null || next() != me) {
				wait();
			}
		}
		catch (InterruptedException e) {
			waiting.remove(me);
			notifyAll();
			Thread.currentThread().interrupt();
			throw new BinanceRetryableException("interrupted while waiting for the Binance request-weight budget", e);
		}
		waiting.remove(me);
		inside = me;
		return me;
	}

	/** Ends {@code waiter}'s turn; {@code reserved} tells whether its weight was granted. */
	synchronized void leave(Waiter waiter, boolean reserved) {
		if (reserved) {
			granted.merge(waiter.lane(), (long) waiter.weight(), Long::sum);
		}
		if (inside == waiter) {
			inside = null;
		}
		notifyAll();
	}

	/** Weight granted per lane so far (levelled as described above); for tests and metrics. */
	synchronized Map<String, Long> granted() {
		return Map.copyOf(granted);
	}

	/** The lanes with a caller waiting for its turn. */
	synchronized java.util.Set<String> waitingLanes() {
		java.util.Set<String> lanes = new java.util.HashSet<>();
		waiting.forEach(w -> lanes.add(w.lane()));
		return lanes;
	}

	/** Whether a caller has the turn now (it may be sleeping for the next minute in it). */
	synchronized boolean taken() {
		return inside != null;
	}

	/** Callers waiting for their turn (not counting the one inside). */
	synchronized int waitingCallers() {
		return waiting.size();
	}

	private Waiter next() {
		Waiter best = null;
		for (Waiter w : waiting) {
			if (best == null) {
				best = w;
				continue;
			}
			long mine = granted.getOrDefault(w.lane(), 0L);
			long theirs = granted.getOrDefault(best.lane(), 0L);
			if (mine < theirs || (mine == theirs && w.arrival() < best.arrival())) {
				best = w;
			}
		}
		return best;
	}

	record Waiter(String lane, int weight, long arrival) {
	}
}
