package syncjob.binance;

import java.util.concurrent.atomic.LongAdder;

/** Thread-safe running totals behind {@link FetchStats}. */
final class StatsCounter {

	private final LongAdder calls = new LongAdder();

	private final LongAdder weight = new LongAdder();

	private final LongAdder retries = new LongAdder();

	private final LongAdder rateLimited = new LongAdder();

	private final LongAdder banned = new LongAdder();

	private final LongAdder klinesCalls = new LongAdder();

	private final LongAdder klinesWeight = new LongAdder();

	void call(Endpoint endpoint, int callWeight) {
		calls.increment();
		weight.add(callWeight);
		if (endpoint == Endpoint.KLINES) {
			klinesCalls.increment();
			klinesWeight.add(callWeight);
		}
	}

	void retry() {
		retries.increment();
	}

	void rateLimited() {
		rateLimited.increment();
	}

	void banned() {
		banned.increment();
	}

	FetchStats snapshot() {
		return new FetchStats(calls.sum(), weight.sum(), retries.sum(), rateLimited.sum(), banned.sum(),
				klinesCalls.sum(), klinesWeight.sum());
	}
}
