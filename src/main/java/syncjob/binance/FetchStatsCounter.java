package syncjob.binance;

import java.util.concurrent.atomic.LongAdder;

/** Thread-safe running totals behind {@link FetchStats}. */
final class FetchStatsCounter {

	private final LongAdder calls = new LongAdder();

	private final LongAdder weight = new LongAdder();

	private final LongAdder retries = new LongAdder();

	private final LongAdder rateLimited = new LongAdder();

	private final LongAdder banned = new LongAdder();

	private final LongAdder klinesCalls = new LongAdder();

	private final LongAdder klinesWeight = new LongAdder();

	private volatile CallListener listener = CallListener.NONE;

	void listen(CallListener listener) {
		this.listener = listener;
	}

	CallListener listener() {
		return listener;
	}

	void call(Endpoint endpoint, int callWeight) {
		calls.increment();
		weight.add(callWeight);
		if (endpoint == Endpoint.KLINES) {
			klinesCalls.increment();
			klinesWeight.add(callWeight);
		}
	}

	void answered(Endpoint endpoint, int status, int callWeight) {
		listener.answered(endpoint.path(), status, callWeight);
	}

	void retry(Endpoint endpoint) {
		retries.increment();
		listener.retried(endpoint.path());
	}

	void rateLimited(int status) {
		rateLimited.increment();
		listener.limited(status);
	}

	void banned() {
		banned.increment();
		listener.limited(418);
	}

	FetchStats snapshot() {
		return new FetchStats(calls.sum(), weight.sum(), retries.sum(), rateLimited.sum(), banned.sum(),
				klinesCalls.sum(), klinesWeight.sum());
	}
}
