package syncjob.binance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import okhttp3.mockwebserver.MockWebServer;

/**
 * One test's world: a fake clock and sleeper, the fake exchange on a MockWebServer, and clients
 * wired to them. The clock starts mid-minute so minute turns are exercised.
 */
final class FakeExchange implements AutoCloseable {

	static final Instant START = Instant.parse("2026-06-01T12:00:30Z");

	final FakeClock clock = new FakeClock(START);

	final FakeSleeper sleeper = new FakeSleeper(clock);

	final FakeBinance binance = new FakeBinance(clock);

	private final MockWebServer server = new MockWebServer();

	private BinanceClient client;

	FakeExchange() {
		server.setDispatcher(binance);
		try {
			server.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	BinanceSettings settings() {
		return BinanceSettings.defaults()
			.withBaseUrl(server.url("/").toString())
			.withCredentials(FakeBinance.API_KEY, FakeBinance.SECRET);
	}

	BinanceClient client() {
		return client(settings -> settings);
	}

	BinanceClient client(UnaryOperator<BinanceSettings> customize) {
		closeClient();
		client = BinanceClient.create(customize.apply(settings()), clock, sleeper, PagingFactsStore.NONE);
		return client;
	}

	/** A client whose klines cache is {@code candles}. */
	BinanceClient client(CandleStore candles) {
		closeClient();
		client = BinanceClient.create(settings(), clock, sleeper, PagingFactsStore.NONE, candles);
		return client;
	}

	Instant now() {
		return clock.instant();
	}

	Instant daysAgo(long days) {
		return now().minus(Duration.ofDays(days));
	}

	@Override
	public void close() throws IOException {
		closeClient();
		server.shutdown();
	}

	private void closeClient() {
		if (client != null) {
			client.close();
		}
	}
}
