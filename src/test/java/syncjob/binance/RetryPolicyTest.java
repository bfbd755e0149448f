package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;

/**
 * The retry policy. Rules (timestamps, credentials, symbols) come from the simulated exchange,
 * as do faults it can switch on (an outage, a malformed symbol); the exact status sequences
 * (429 with and without Retry-After, 418, 5xx, a held or cut-short response, a row missing a
 * field) are scripted on the front.
 */
class RetryPolicyTest {

	private static final String POSITIONS = Endpoint.POSITION_RISK.path();

	private final SimulatedBinance exchange = SimulatedBinance.serving(new TestAccount()
		.position("BTCUSDT", PositionSide.BOTH, "1.5", SimulatedBinance.START.minusSeconds(60))
		.position("ETHUSDT", PositionSide.SHORT, "-2", SimulatedBinance.START.minusSeconds(60))
		.symbol("SOLUSDT"));

	@AfterEach
	void stop() throws Exception {
		exchange.close();
	}

	@ParameterizedTest(name = "server clock skewed by {0} s")
	@ValueSource(ints = { 10, -5 })
	void timestampRejectionResyncsServerTimeAndRetries(int skewSeconds) {
		// given a client synced once, then the server's clock moves (behind: recvWindow; ahead: "ahead of server")
		BinanceClient client = exchange.client();
		client.positions();
		exchange.skew(Duration.ofSeconds(skewSeconds));

		// when
		List<PositionSnapshot> positions = client.positions();

		// then
		assertThat(positions).extracting(PositionSnapshot::positionAmt)
			.containsExactlyInAnyOrder(new BigDecimal("1.5"), new BigDecimal("-2"));
		assertThat(exchange.requests(Endpoint.TIME.path())).hasSize(2);
		assertThat(exchange.requests(POSITIONS)).extracting(entry -> entry.status()).containsExactly(200, 400, 200);
		assertThat(client.stats().retries()).isEqualTo(1);
		assertThat(exchange.sleeper.total()).isZero();
	}

	@Test
	void rateLimitWaitsRetryAfterThenRetries() {
		// given
		ScriptedFront front = exchange.front();
		BinanceClient client = exchange.client();
		client.positions();
		front.script(POSITIONS, ScriptedFront.error(429, -1003, "Too many requests").setHeader("Retry-After", "7"));

		// when
		client.positions();

		// then
		assertThat(exchange.sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
		assertThat(client.stats().rateLimited()).isEqualTo(1);
		assertThat(client.stats().retries()).isEqualTo(1);
		assertThat(front.requests(POSITIONS)).hasSize(3);
	}

	@Test
	void rateLimitWithoutRetryAfterWaitsForTheNextMinute() {
		// given the clock 30 s into a minute
		ScriptedFront front = exchange.front();
		BinanceClient client = exchange.client();
		client.positions();
		front.script(POSITIONS, ScriptedFront.error(429, -1003, "Too many requests"));
		Instant before = exchange.now();

		// when
		client.positions();

		// then
		Instant nextMinute = Instant.ofEpochSecond((before.getEpochSecond() / 60 + 1) * 60);
		assertThat(exchange.sleeper.total()).isEqualTo(Duration.between(before, nextMinute));
		assertThat(client.stats().rateLimited()).isEqualTo(1);
	}

	@Test
	void rateLimitOfTheExchangeItselfPausesUntilTheNextMinute() throws Exception {
		// given an exchange allowing less weight than the client assumes (it has not read exchangeInfo)
		SimulatedBinance small = SimulatedBinance.serving(new TestAccount().position("BTCUSDT", PositionSide.BOTH,
				"1.5", SimulatedBinance.START), options -> options.weightLimit(12).graceRequestsAfter429(5));
		try (small) {
			BinanceClient client = small.client();
			client.positions();
			client.positions();
			Instant before = small.now();

			// when the third call passes the exchange's limit of 12 (weights 1 + 5 + 5 + 5)
			List<PositionSnapshot> positions = client.positions();

			// then the exchange said 429, the client waited for the exchange's next minute and was served
			assertThat(positions).hasSize(1);
			assertThat(small.requests(POSITIONS)).extracting(entry -> entry.status()).containsExactly(200, 200, 429, 200);
			assertThat(client.stats().rateLimited()).isEqualTo(1);
			assertThat(small.now()).isAfterOrEqualTo(Instant.ofEpochSecond((before.getEpochSecond() / 60 + 1) * 60));
		}
	}

	@Test
	void banWaitsUntilTheBanEndsThenRetries() {
		// given
		ScriptedFront front = exchange.front();
		BinanceClient client = exchange.client();
		client.positions();
		long bannedUntil = exchange.now().plusSeconds(90).toEpochMilli();
		front.script(POSITIONS, ScriptedFront.error(418, -1003,
				"Way too many requests; IP(127.0.0.1) banned until " + bannedUntil + ". Please use the websocket."));

		// when
		client.positions();

		// then
		assertThat(exchange.sleeper.total()).isEqualTo(Duration.ofSeconds(90));
		assertThat(exchange.now().toEpochMilli()).isEqualTo(bannedUntil);
		assertThat(client.stats().banned()).isEqualTo(1);
	}

	@Test
	void banLongerThanMaxBanWaitFailsTypedAndStopsEveryCall() {
		// given
		ScriptedFront front = exchange.front();
		BinanceClient client = exchange.client();
		client.positions();
		long bannedUntil = exchange.now().plus(Duration.ofHours(1)).toEpochMilli();
		front.script(POSITIONS, ScriptedFront.error(418, -1003,
				"Way too many requests; IP(127.0.0.1) banned until " + bannedUntil + ". Please use the websocket."));

		// when / then
		assertThatThrownBy(client::positions).isInstanceOf(BinanceRetryableException.class)
			.hasMessageContaining("banned")
			.hasMessageContaining("max-ban-wait");
		int sent = front.requests(POSITIONS).size();
		assertThatThrownBy(client::positions).isInstanceOf(BinanceRetryableException.class);
		assertThat(front.requests(POSITIONS)).hasSize(sent);
		assertThat(exchange.sleeper.total()).isZero();
	}

	@Test
	void serverErrorsBackOffExponentiallyThenSucceed() {
		// given
		ScriptedFront front = exchange.front();
		BinanceClient client = exchange.client();
		client.positions();
		front.script(POSITIONS, ScriptedFront.error(503, -1008, "Server is currently overloaded"),
				new MockResponse().setResponseCode(502).setBody("<html>bad gateway</html>"));

		// when
		client.positions();

		// then each wait lies in [ceiling / 2, ceiling] of 500 ms, then 1 s
		List<Duration> sleeps = exchange.sleeper.sleeps();
		assertThat(sleeps).hasSize(2);
		assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
		assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
		assertThat(client.stats().retries()).isEqualTo(2);
	}

	@Test
	void retriesRunOutIntoRetryableException() {
		// given a client allowed two retries, then an outage of the exchange
		BinanceClient client = exchange.client(settings -> new BinanceSettings(settings.baseUrl(), settings.apiKey(),
				settings.apiSecret(), null, null, null, 2, null, 180, null, null));
		client.positions();
		exchange.faults().outageAfter(0);

		// when / then
		assertThatThrownBy(client::positions).isInstanceOf(BinanceRetryableException.class)
			.hasMessageContaining("/fapi/v3/positionRisk")
			.hasMessageContaining("2 retries");
		assertThat(exchange.requests(POSITIONS)).extracting(entry -> entry.status()).containsExactly(200, 503, 503, 503);
	}

	@Test
	void readTimeoutIsRetried() {
		// given a client that gives up reading after 200 ms of real time
		ScriptedFront front = exchange.front();
		BinanceClient client = exchange.client(settings -> new BinanceSettings(settings.baseUrl(), settings.apiKey(),
				settings.apiSecret(), null, null, Duration.ofMillis(200), 5, null, 180, null, null));
		client.positions();
		front.script(POSITIONS, new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

		// when
		List<PositionSnapshot> positions = client.positions();

		// then
		assertThat(positions).hasSize(2);
		assertThat(client.stats().retries()).isEqualTo(1);
		assertThat(exchange.sleeper.sleeps()).hasSize(1);
	}

	@Test
	void aCallCutOffByAnInterruptIsNotRetriedNorWarnedAbout() throws Exception {
		// given a response that never comes, and a caller the run interrupts while it waits (SIGTERM);
		// a blocked socket read ignores interrupts, so the read timeout is what ends the wait
		ScriptedFront front = exchange.front();
		BinanceClient client = exchange.client(settings -> new BinanceSettings(settings.baseUrl(), settings.apiKey(),
				settings.apiSecret(), null, null, Duration.ofSeconds(5), 5, null, 180, null, null));
		client.positions();
		front.script(POSITIONS, new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			try {
				client.positions();
			}
			catch (RuntimeException e) {
				thrown.set(e);
			}
		});

		// when
		caller.start();
		front.awaitRequests(POSITIONS, 2);
		caller.interrupt();
		caller.join();

		// then
		assertThat(thrown.get()).isInstanceOf(BinanceRetryableException.class)
			.hasMessageContaining("interrupted during")
			.hasMessageContaining("the run is stopping");
		assertThat(client.stats().retries()).isZero();
		assertThat(front.requests(POSITIONS)).hasSize(2);
	}

	@Test
	void aTruncatedBodyIsRetriedLikeATimeout() {
		// given one body cut short, then the exchange answers normally
		ScriptedFront front = exchange.front();
		BinanceClient client = exchange.client();
		client.positions();
		front.script(POSITIONS,
				new MockResponse().setHeader("Content-Type", "application/json").setBody("[{\"symbol\":\"ETHUSDT\",\"posi"));

		// when
		List<PositionSnapshot> positions = client.positions();

		// then
		assertThat(positions).extracting(PositionSnapshot::symbol).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");
		assertThat(client.stats().retries()).isEqualTo(1);
	}

	@Test
	void malformedJsonThatStaysMalformedFailsTypedNamingEndpointAndSymbol() {
		// given an exchange whose every answer for the symbol is cut short, and two retries allowed
		BinanceClient client = exchange.client(settings -> new BinanceSettings(settings.baseUrl(), settings.apiKey(),
				settings.apiSecret(), null, null, null, 2, null, 180, null, null));
		exchange.faults().malformedSymbol("BTCUSDT");

		// when / then
		assertThatThrownBy(() -> client.fills(request("BTCUSDT")))
			.isInstanceOf(BinanceResponseException.class)
			.hasMessageContaining("/fapi/v1/userTrades")
			.hasMessageContaining("BTCUSDT")
			.hasMessageContaining("not the expected JSON")
			.hasMessageContaining("nothing from it was used");
		assertThat(client.stats().retries()).isEqualTo(2);
		assertThat(exchange.requests(Endpoint.USER_TRADES.path())).hasSize(3);
	}

	@Test
	void unexpectedShapeFailsTypedNamingEndpointAndSymbol() {
		// given a row without its id
		ScriptedFront front = exchange.front();
		BinanceClient client = exchange.client();
		front.script(Endpoint.USER_TRADES.path(), new MockResponse().setHeader("Content-Type", "application/json")
			.setBody("[{\"symbol\":\"SOLUSDT\",\"orderId\":1,\"side\":\"BUY\",\"positionSide\":\"BOTH\",\"price\":\"1\","
					+ "\"qty\":\"1\",\"realizedPnl\":\"0\",\"commission\":\"0\",\"commissionAsset\":\"USDT\",\"time\":1}]"));

		// when / then
		assertThatThrownBy(() -> client.fills(request("SOLUSDT")))
			.isInstanceOf(BinanceResponseException.class)
			.hasMessageContaining("/fapi/v1/userTrades for SOLUSDT")
			.hasMessageContaining("'id'");
	}

	/** A key of Binance's format the exchange does not know (-2015), and one not of its format (-2014). */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "UnknownKeyUnknownKeyUnknownKeyUnknownKeyUnknownKeyUnknownKey0123, -2015", "wrong-key-0123456789abcdef, -2014" })
	void invalidApiKeyFailsTypedAtTheFirstCall(String wrongKey, int code) {
		// given
		BinanceClient client = exchange.client(settings -> settings.withCredentials(wrongKey, exchange.apiSecret()));

		// when / then
		assertThatThrownBy(client::positions).isInstanceOfSatisfying(BinanceCredentialsException.class,
				e -> assertThat(e.code()).isEqualTo(code))
			.hasMessageContaining("binance.api-key")
			.hasMessageNotContaining(wrongKey);
		assertThat(exchange.requests(POSITIONS)).hasSize(1);
	}

	@Test
	void wrongSecretFailsTypedAsInvalidSignature() {
		// given
		BinanceClient client = exchange.client(settings -> settings.withCredentials(exchange.apiKey(), "wrong-secret-0123456789abcdef"));

		// when / then
		assertThatThrownBy(client::positions).isInstanceOfSatisfying(BinanceCredentialsException.class,
				e -> assertThat(e.code()).isEqualTo(-1022))
			.hasMessageContaining("Signature");
	}

	@Test
	void unknownRejectionFailsTypedWithItsCode() {
		// given a symbol the exchange does not list
		BinanceClient client = exchange.client();

		// when / then
		assertThatThrownBy(() -> client.fills(request("NOSUCHUSDT"))).isInstanceOfSatisfying(BinanceResponseException.class,
				e -> assertThat(e.code()).isEqualTo(-1121))
			.hasMessageContaining("Invalid symbol.");
	}

	private SymbolRequest request(String symbol) {
		return new SymbolRequest(symbol, exchange.daysAgo(2), exchange.now(), exchange.now(), Map.of(), List.of());
	}
}
