package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.PositionSnapshot;

/**
 * Requests that may run at once do, and no more than the client's limit: the exchange holds
 * the requests it gates on latches (never on time), so a client that sent them one after
 * another would leave a latch unreached.
 */
class ConcurrentRequestsTest {

	private static final long PATIENCE_SECONDS = 20;

	private final TestAccount account = new TestAccount();

	private final MockWebServer server = new MockWebServer();

	private SimulatedBinance exchange;

	private BinanceClient client;

	@AfterEach
	void stop() throws IOException {
		if (client != null) {
			client.close();
		}
		server.shutdown();
		if (exchange != null) {
			exchange.close();
		}
	}

	@Test
	void requestsInFlightStopAtTheLimit() throws Exception {
		// given an exchange that holds positionRisk requests until the limit's worth have arrived
		int callers = BinanceCaller.MAX_IN_FLIGHT + 8;
		CountDownLatch limitReached = new CountDownLatch(BinanceCaller.MAX_IN_FLIGHT);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		start((request) -> request.getPath().startsWith(Endpoint.POSITION_RISK.path()), () -> {
			mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
			limitReached.countDown();
			boolean released = await(release);
			inside.decrementAndGet();
			return released;
		});
		ExecutorService threads = Executors.newFixedThreadPool(callers);
		try {
			// when more callers than the limit ask at once
			List<Future<List<PositionSnapshot>>> calls = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				calls.add(threads.submit(client::positions));
			}
			assertThat(limitReached.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("the limit's worth in flight").isTrue();
			int atTheLimit = inside.get();
			release.countDown();
			for (Future<List<PositionSnapshot>> call : calls) {
				assertThat(call.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEmpty();
			}

			// then the exchange held exactly the limit's worth, and every call was answered
			assertThat(atTheLimit).isEqualTo(BinanceCaller.MAX_IN_FLIGHT);
			assertThat(mostAtOnce.get()).isEqualTo(BinanceCaller.MAX_IN_FLIGHT);
			assertThat(exchange.requests(Endpoint.POSITION_RISK.path())).hasSize(callers);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void theSlicesOfADenseIncomeSpanAreAskedAtOnce() {
		// given 6000 records evenly over a day (the first page covers a sixth: six slices), and an
		// exchange that answers a slice's first page only once every slice has asked for its own
		Instant from = SimulatedBinance.START.minus(Duration.ofDays(2));
		Instant to = from.plus(Duration.ofDays(1));
		List<IncomeRecord> expected = new ArrayList<>();
		for (int i = 0; i < 6000; i++) {
			expected.add(account.income("BTCUSDT", IncomeType.FUNDING_FEE, "0.1", from.plusMillis(i * 14_000L), ""));
		}
		int slices = IncomeSlices.count(expected.subList(0, 1000), from.toEpochMilli(), to.toEpochMilli() - 1);
		CountDownLatch everySliceAsked = new CountDownLatch(slices);
		AtomicBoolean allTogether = new AtomicBoolean(true);
		String firstStart = Long.toString(from.toEpochMilli());
		start((request) -> request.getPath().startsWith(Endpoint.INCOME.path())
				&& !request.getRequestUrl().queryParameter("startTime").equals(firstStart)
				&& everySliceAsked.getCount() > 0, () -> {
					everySliceAsked.countDown();
					boolean together = await(everySliceAsked);
					allTogether.compareAndSet(true, together);
					return together;
				});

		// when
		IncomeHistory history = client.income(from, to);

		// then
		assertThat(slices).isEqualTo(6);
		assertThat(allTogether.get()).as("every slice's first page asked before any was answered").isTrue();
		assertThat(history.records()).containsExactlyElementsOf(expected);
	}

	/** Serves the simulated exchange through its scripted front, holding the requests {@code gated} picks in {@code hold} first. */
	private void start(Predicate<RecordedRequest> gated, Gate hold) throws RuntimeException {
		exchange = SimulatedBinance.serving(account);
		ScriptedFront front = exchange.front();
		server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
				if (gated.test(request) && !hold.pass()) {
					return new MockResponse().setResponseCode(500);
				}
				return front.dispatch(request);
			}
		});
		try {
			server.start();
		}
		catch (IOException e) {
			throw new RuntimeException(e);
		}
		BinanceSettings settings = exchange.settings().withBaseUrl(server.url("/").toString());
		client = BinanceClient.create(settings, exchange.clock, exchange.sleeper, PagingFactsStore.NONE);
	}

	private static boolean await(CountDownLatch latch) {
		try {
			return latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Holds one request; false when what it waited for never came. */
	private interface Gate {

		boolean pass() throws InterruptedException;
	}

}
