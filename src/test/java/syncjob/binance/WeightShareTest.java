package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import syncjob.lifecycle.PositionSide;

/**
 * {@code binance.weight-share}: workers behind one egress address split its request-weight
 * limit, so that together they never pass it.
 */
class WeightShareTest {

	@Test
	void aShareScalesTheLimitAndTheAddressWideCount() {
		WeightShare half = new WeightShare(0.5);

		assertThat(half.limit(2400)).isEqualTo(1200);
		assertThat(new WeightShare(0.25).limit(2)).as("never below 1").isEqualTo(1);
		assertThat(half.used(OptionalInt.of(301))).hasValue(151);
		assertThat(half.used(OptionalInt.empty())).isEmpty();
		assertThat(WeightShare.WHOLE.limit(2400)).isEqualTo(2400);
		assertThatThrownBy(() -> new WeightShare(0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theSettingDefaultsToTheWholeBudgetAndRejectsSharesOutsideZeroToOne() {
		assertThat(bind(Map.of()).weightShare()).isEqualTo(1.0);
		assertThat(bind(Map.of("binance.weight-share", "0.25")).weightShare()).isEqualTo(0.25);
		BinanceSettings valid = BinanceSettings.defaults().withCredentials("key-of-16-chars-at-least", "secret-of-16-chars-at-least");

		assertThat(valid.withWeightShare(0.5).problems()).isEmpty();
		assertThat(valid.withWeightShare(0).problems()).anyMatch((p) -> p.startsWith("binance.weight-share"));
		assertThat(valid.withWeightShare(1.5).problems()).anyMatch((p) -> p.contains("at most 1"));
	}

	@Test
	void twoWorkersBehindOneAddressWithHalfEachStayInsideItsLimit() throws Exception {
		// given one address allowing 100 weight per minute, and two processes each told to use half
		TestAccount account = new TestAccount().position("BTCUSDT", PositionSide.BOTH, "1", SimulatedBinance.START);
		try (SimulatedBinance exchange = SimulatedBinance.serving(account, options -> options.weightLimit(100))) {
			List<BinanceClient> workers = List.of(worker(exchange), worker(exchange));
			workers.forEach(BinanceClient::exchangeInfo);
			// the clock moves only while every thread waits: asleep, or queued for its budget's turn
			exchange.sleeper.alsoWaiting(() -> workers.stream().mapToInt((w) -> w.budget().waitingCallers()).sum());
			ExecutorService pool = Executors.newFixedThreadPool(8);

			// when each worker reads positions on four threads, 10 times each (weight 5: 400 per worker)
			List<Future<Integer>> results = new ArrayList<>();
			for (BinanceClient worker : workers) {
				for (int thread = 0; thread < 4; thread++) {
					results.add(pool.submit(() -> {
						exchange.sleeper.enter();
						try {
							int read = 0;
							for (int call = 0; call < 10; call++) {
								read += worker.positions().size();
							}
							return read;
						}
						finally {
							exchange.sleeper.leave();
						}
					}));
				}
			}
			int read = 0;
			for (Future<Integer> result : results) {
				read += result.get(120, TimeUnit.SECONDS);
			}
			pool.shutdown();

			// then together they never passed the address's limit, and nothing was refused
			assertThat(read).isEqualTo(80);
			assertThat(workers).allSatisfy((w) -> assertThat(w.budget().limitPerMinute()).isEqualTo(50));
			assertThat(exchange.maxWeightInAnyMinute()).isLessThanOrEqualTo(100);
			assertThat(exchange.rejectedForWeight()).isZero();
			assertThat(workers).allSatisfy((w) -> assertThat(w.stats().rateLimited()).isZero());
			workers.forEach(BinanceClient::close);
		}
	}

	private static BinanceClient worker(SimulatedBinance exchange) {
		return exchange.client((settings) -> settings.withWeightShare(0.5));
	}

	private static BinanceSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("binance",
				BinanceSettings.class);
	}

}
