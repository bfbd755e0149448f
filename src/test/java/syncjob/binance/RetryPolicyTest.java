package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;

class RetryPolicyTest {

	private static final String POSITIONS = Endpoint.POSITION_RISK.path();

	private final FakeExchange exchange = new FakeExchange();

	private final FakeBinance binance = exchange.binance;

	@AfterEach
	void stop() throws Exception {
		exchange.close();
	}

	@ParameterizedTest(name = "server clock skewed by {0} s")
	@ValueSource(ints = { 10, -5 })
	void timestampRejectionResyncsServerTimeAndRetries(int skewSeconds) {
		// given a client synced once, then the server's clock moves (behind: recvWindow; ahead: "ahead of server")
		binance.addPosition("BTCUSDT", PositionSide.BOTH, "1.5");
		BinanceClient client = exchange.client();
		client.positions();
		binance.skew(Duration.ofSeconds(skewSeconds));

		// when
		List<PositionSnapshot> positions = client.positions();

		// then
		assertThat(positions).extracting(PositionSnapshot::positionAmt).containsExactly(new java.math.BigDecimal("1.5"));
		assertThat(binance.requests(Endpoint.TIME.path())).hasSize(2);
		assertThat(client.stats().retries()).isEqualTo(1);
		assertThat(exchange.sleeper.total()).isZero();
	}

	@Test
	void rateLimitWaitsRetryAfterThenRetries() {
		// given
		BinanceClient client = exchange.client();
		client.positions();
		binance.script(POSITIONS, FakeBinance.error(429, -1003, "Too many requests").setHeader("Retry-After", "7"));

		// when
		client.positions();

		// then
		assertThat(exchange.sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
		assertThat(client.stats().rateLimited()).isEqualTo(1);
		assertThat(client.stats().retries()).isEqualTo(1);
	}

	@Test
	void rateLimitWithoutRetryAfterWaitsForTheNextMinute() {
		// given the clock 30 s into a minute
		BinanceClient client = exchange.client();
		client.positions();
		binance.script(POSITIONS, FakeBinance.error(429, -1003, "Too many requests"));
		Instant before = exchange.now();

		// when
		client.positions();

		// then
		Instant nextMinute = Instant.ofEpochSecond((before.getEpochSecond() / 60 + 1) * 60);
		assertThat(exchange.sleeper.total()).isEqualTo(Duration.between(before, nextMinute));
		assertThat(client.stats().rateLimited()).isEqualTo(1);
	}

	@Test
	void banWaitsUntilTheBanEndsThenRetries() {
		// given
		BinanceClient client = exchange.client();
		client.positions();
		long bannedUntil = exchange.now().plusSeconds(90).toEpochMilli();
		binance.script(POSITIONS, FakeBinance.error(418, -1003,
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
		BinanceClient client = exchange.client();
		client.positions();
		long bannedUntil = exchange.now().plus(Duration.ofHours(1)).toEpochMilli();
		binance.script(POSITIONS, FakeBinance.error(418, -1003,
				"Way too many requests; IP(127.0.0.1) banned until " + bannedUntil + ". Please use the websocket."));

		// when / then
		assertThatThrownBy(client::positions).isInstanceOf(BinanceRetryableException.class)
			.hasMessageContaining("banned")
			.hasMessageContaining("max-ban-wait");
		int sent = binance.requests(POSITIONS).size();
		assertThatThrownBy(client::positions).isInstanceOf(BinanceRetryableException.class);
		assertThat(binance.requests(POSITIONS)).hasSize(sent);
		assertThat(exchange.sleeper.total()).isZero();
	}

	@Test
	void serverErrorsBackOffExponentiallyThenSucceed() {
		// given
		BinanceClient client = exchange.client();
		client.positions();
		binance.script(POSITIONS, FakeBinance.error(503, -1008, "Server is currently overloaded"),
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
		// given
		BinanceClient client = exchange.client(settings -> new BinanceSettings(settings.baseUrl(), settings.apiKey(),
				settings.apiSecret(), null, null, null, 2, null, 180, null, null));
		client.positions();
		binance.script(POSITIONS, FakeBinance.error(500, -1001, "Internal error"),
				FakeBinance.error(500, -1001, "Internal error"), FakeBinance.error(500, -1001, "Internal error"));

		// when / then
		assertThatThrownBy(client::positions).isInstanceOf(BinanceRetryableException.class)
			.hasMessageContaining("/fapi/v3/positionRisk")
			.hasMessageContaining("2 retries");
		assertThat(binance.requests(POSITIONS)).hasSize(4);
	}

	@Test
	void readTimeoutIsRetried() {
		// given a client that gives up reading after 200 ms of real time
		binance.addPosition("ETHUSDT", PositionSide.SHORT, "-2");
		BinanceClient client = exchange.client(settings -> new BinanceSettings(settings.baseUrl(), settings.apiKey(),
				settings.apiSecret(), null, null, Duration.ofMillis(200), 5, null, 180, null, null));
		client.positions();
		binance.script(POSITIONS, new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

		// when
		List<PositionSnapshot> positions = client.positions();

		// then
		assertThat(positions).hasSize(1);
		assertThat(client.stats().retries()).isEqualTo(1);
		assertThat(exchange.sleeper.sleeps()).hasSize(1);
	}

	@Test
	void aTruncatedBodyIsRetriedLikeATimeout() {
		// given one body cut short, then the exchange answers normally
		binance.addPosition("ETHUSDT", PositionSide.SHORT, "-2");
		BinanceClient client = exchange.client();
		client.positions();
		binance.script(POSITIONS,
				new MockResponse().setHeader("Content-Type", "application/json").setBody("[{\"symbol\":\"ETHUSDT\",\"posi"));

		// when
		List<PositionSnapshot> positions = client.positions();

		// then
		assertThat(positions).extracting(PositionSnapshot::symbol).containsExactly("ETHUSDT");
		assertThat(client.stats().retries()).isEqualTo(1);
	}

	@Test
	void malformedJsonThatStaysMalformedFailsTypedNamingEndpointAndSymbol() {
		// given a body that is never valid JSON, and two retries allowed
		BinanceClient client = exchange.client(settings -> new BinanceSettings(settings.baseUrl(), settings.apiKey(),
				settings.apiSecret(), null, null, null, 2, null, 180, null, null));
		MockResponse truncated = new MockResponse().setHeader("Content-Type", "application/json")
			.setBody("[{\"symbol\":\"BTCUSDT\",\"id\":");
		binance.script(Endpoint.USER_TRADES.path(), truncated, truncated, truncated);

		// when / then
		assertThatThrownBy(() -> client.fills(request("BTCUSDT")))
			.isInstanceOf(BinanceResponseException.class)
			.hasMessageContaining("/fapi/v1/userTrades")
			.hasMessageContaining("BTCUSDT")
			.hasMessageContaining("not the expected JSON")
			.hasMessageContaining("nothing from it was used");
		assertThat(client.stats().retries()).isEqualTo(2);
	}

	@Test
	void unexpectedShapeFailsTypedNamingEndpointAndSymbol() {
		// given a row without its id
		BinanceClient client = exchange.client();
		binance.script(Endpoint.USER_TRADES.path(), new MockResponse().setHeader("Content-Type", "application/json")
			.setBody("[{\"symbol\":\"SOLUSDT\",\"orderId\":1,\"side\":\"BUY\",\"positionSide\":\"BOTH\",\"price\":\"1\","
					+ "\"qty\":\"1\",\"realizedPnl\":\"0\",\"commission\":\"0\",\"commissionAsset\":\"USDT\",\"time\":1}]"));

		// when / then
		assertThatThrownBy(() -> client.fills(request("SOLUSDT")))
			.isInstanceOf(BinanceResponseException.class)
			.hasMessageContaining("/fapi/v1/userTrades for SOLUSDT")
			.hasMessageContaining("'id'");
	}

	@Test
	void invalidApiKeyFailsTypedAtTheFirstCall() {
		// given
		BinanceClient client = exchange.client(settings -> settings.withCredentials("wrong-key-0123456789abcdef", FakeBinance.SECRET));

		// when / then
		assertThatThrownBy(client::positions).isInstanceOfSatisfying(BinanceCredentialsException.class,
				e -> assertThat(e.code()).isEqualTo(-2015))
			.hasMessageContaining("binance.api-key")
			.hasMessageNotContaining("wrong-key-0123456789abcdef");
		assertThat(binance.requests(POSITIONS)).hasSize(1);
	}

	@Test
	void wrongSecretFailsTypedAsInvalidSignature() {
		// given
		BinanceClient client = exchange.client(settings -> settings.withCredentials(FakeBinance.API_KEY, "wrong-secret-0123456789abcdef"));

		// when / then
		assertThatThrownBy(client::positions).isInstanceOfSatisfying(BinanceCredentialsException.class,
				e -> assertThat(e.code()).isEqualTo(-1022))
			.hasMessageContaining("Signature");
	}

	@Test
	void unknownRejectionFailsTypedWithItsCode() {
		// given
		BinanceClient client = exchange.client();
		binance.script(POSITIONS, FakeBinance.error(400, -1121, "Invalid symbol."));

		// when / then
		assertThatThrownBy(client::positions).isInstanceOfSatisfying(BinanceResponseException.class,
				e -> assertThat(e.code()).isEqualTo(-1121))
			.hasMessageContaining("Invalid symbol.");
	}

	private SymbolRequest request(String symbol) {
		return new SymbolRequest(symbol, exchange.daysAgo(2), exchange.now(), exchange.now(), Map.of(), List.of());
	}
}
