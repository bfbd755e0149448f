package syncjob.binance;

/** Calls and weight spent by one fetch plan (retries included); used by one thread at a time. */
final class PlanCost {

	private int calls;

	private int weight;

	void add(int callWeight) {
		calls++;
		weight += callWeight;
	}

	/** Adds what another plan (a slice run on another thread, now ended) spent. */
	void addAll(PlanCost other) {
		calls += other.calls;
		weight += other.weight;
	}

	int calls() {
		return calls;
	}

	int weight() {
		return weight;
	}
}
