package syncjob.binance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import okhttp3.mockwebserver.MockWebServer;

import syncjob.simulator.Faults;
import syncjob.simulator.MutableClock;
import syncjob.simulator.RequestLogEntry;
import syncjob.simulator.SimulatedAccount;
import syncjob.simulator.SimulatedExchange;
import syncjob.simulator.SimulatorOptions;

/**
 * One client test's world: a fake clock and sleeper shared by the client and the simulated
 * exchange, the exchange serving a small account, and clients wired to it. The clock starts
 * mid-minute so minute turns are exercised. {@link #front()} puts a {@link ScriptedFront} between
 * the clients made afterwards and the exchange, for byte-level checks and scripted answers.
 */
final class SimulatedBinance implements AutoCloseable {

	static final Instant START = Instant.parse("2026-06-01T12:00:30Z");

	final MutableClock clock = MutableClock.at(START);

	final FakeSleeper sleeper = new FakeSleeper(clock);

	/**
	 * The exchange's clock: the fake clock plus a skew tests may change. The client's
	 * {@link ServerClock} is exactly that (a local clock plus an offset), so it serves here.
	 */
	private final ServerClock exchangeClock = new ServerClock(clock);

	private final SimulatedExchange exchange;

	private final List<BinanceClient> clients = new ArrayList<>();

	private MockWebServer frontServer;

	private ScriptedFront front;

	private SimulatedBinance(SimulatedAccount account, UnaryOperator<SimulatorOptions.Builder> options) {
		this.exchange = SimulatedExchange.start(account,
				options.apply(SimulatorOptions.builder().clock(exchangeClock)).build());
	}

	static SimulatedBinance serving(TestAccount account) {
		return serving(account, options -> options);
	}

	static SimulatedBinance serving(TestAccount account, UnaryOperator<SimulatorOptions.Builder> options) {
		return new SimulatedBinance(account.build(START), options);
	}

	static SimulatedBinance serving(SimulatedAccount account, UnaryOperator<SimulatorOptions.Builder> options) {
		return new SimulatedBinance(account, options);
	}

	/** Starts the front once; clients made from now on call through it. */
	synchronized ScriptedFront front() {
		if (front == null) {
			front = new ScriptedFront(exchange.baseUrl());
			frontServer = new MockWebServer();
			frontServer.setDispatcher(front);
			try {
				frontServer.start();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return front;
	}

	BinanceSettings settings() {
		String baseUrl = frontServer != null ? frontServer.url("/").toString() : exchange.baseUrl();
		return BinanceSettings.defaults().withBaseUrl(baseUrl).withCredentials(apiKey(), apiSecret());
	}

	BinanceClient client() {
		return client(settings -> settings);
	}

	BinanceClient client(UnaryOperator<BinanceSettings> customize) {
		BinanceClient client = BinanceClient.create(customize.apply(settings()), clock, sleeper,
				PagingFactsStore.NONE);
		clients.add(client);
		return client;
	}

	String apiKey() {
		return exchange.apiKey();
	}

	String apiSecret() {
		return exchange.apiSecret();
	}

	Faults faults() {
		return exchange.faults();
	}

	/** Moves the exchange's clock away from the client's. */
	void skew(Duration skew) {
		long now = clock.millis();
		exchangeClock.update(now + skew.toMillis(), now, now);
	}

	Instant now() {
		return clock.instant();
	}

	Instant daysAgo(long days) {
		return now().minus(Duration.ofDays(days));
	}

	/** The requests the exchange saw on {@code path}, oldest first. */
	List<RequestLogEntry> requests(String path) {
		return exchange.requestLog().stream().filter(entry -> entry.path().equals(path)).toList();
	}

	/** The most weight the exchange counted in one of its minutes. */
	int maxWeightInAnyMinute() {
		Map<Long, Integer> byMinute = new HashMap<>();
		for (RequestLogEntry entry : exchange.requestLog()) {
			byMinute.merge(entry.time().getEpochSecond() / 60, entry.weight(), Integer::sum);
		}
		return byMinute.values().stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	/** Requests the exchange refused for weight (429) or banned (418). */
	long rejectedForWeight() {
		return exchange.requestLog().stream().filter(entry -> entry.status() == 429 || entry.status() == 418).count();
	}

	@Override
	public void close() throws IOException {
		clients.forEach(BinanceClient::close);
		exchange.close();
		if (frontServer != null) {
			frontServer.shutdown();
		}
	}

}
