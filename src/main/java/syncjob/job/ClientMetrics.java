package syncjob.job;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import syncjob.binance.CallListener;

/**
 * The Binance client's calls as meters: answers by endpoint and status, weight by endpoint,
 * retries by endpoint, rate limits (429/403) and bans (418) by status, and the time calls
 * waited for the request-weight budget.
 */
final class ClientMetrics implements CallListener {

	private final MeterRegistry registry;

	ClientMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void answered(String endpoint, int status, int weight) {
		Counter.builder("syncjob.binance.calls")
			.description("Calls to Binance by endpoint and HTTP status (0: no response)")
			.tag("endpoint", endpoint)
			.tag("status", Integer.toString(status))
			.register(this.registry)
			.increment();
		Counter.builder("syncjob.binance.weight")
			.description("Request weight spent by endpoint")
			.tag("endpoint", endpoint)
			.register(this.registry)
			.increment(weight);
	}

	@Override
	public void retried(String endpoint) {
		Counter.builder("syncjob.binance.retries").tag("endpoint", endpoint).register(this.registry).increment();
	}

	@Override
	public void limited(int status) {
		Counter.builder("syncjob.binance.limited")
			.description("Rate limits (429, 403) and IP bans (418) received")
			.tag("status", Integer.toString(status))
			.register(this.registry)
			.increment();
	}

	@Override
	public void waitedForWeight(Duration waited) {
		Timer.builder("syncjob.binance.weight.wait")
			.description("Time calls waited for the request-weight budget")
			.register(this.registry)
			.record(waited);
	}

}
