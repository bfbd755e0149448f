package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import syncjob.lifecycle.IncomeType;
import syncjob.simulator.ExchangeTestClient.Response;

class ExchangeAuthenticationTest {

	private final MutableClock clock = MutableClock.at(NOW);

	private SimulatedExchange exchange;

	private ExchangeTestClient client;

	private void start(SimulatorOptions.Builder options) {
		exchange = SimulatedExchange.start(account().income("BTCUSDT", IncomeType.REALIZED_PNL, "2.5",
				NOW.minusSeconds(3600), 11).build(), options.clock(clock).build());
		client = new ExchangeTestClient(exchange, clock);
	}

	@AfterEach
	void stop() {
		exchange.close();
	}

	@Test
	void missingApiKeyIsRejectedWith2015() {
		start(SimulatorOptions.builder());
		String query = client.timestamp();

		Response response = client.send("/fapi/v1/income",
				query + "&signature=" + ExchangeTestClient.hmacHex(exchange.apiSecret(), query), null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo(-2015);
		assertThat(response.msg()).isEqualTo("Invalid API-key, IP, or permissions for action.");
	}

	@Test
	void unknownWellFormedApiKeyIsRejectedWith2015() {
		start(SimulatorOptions.builder());
		String query = client.timestamp();

		Response response = client.send("/fapi/v1/income",
				query + "&signature=" + ExchangeTestClient.hmacHex(exchange.apiSecret(), query),
				SimulatorOptions.credential(7));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo(-2015);
	}

	@Test
	void malformedApiKeyIsRejectedWith2014() {
		start(SimulatorOptions.builder());
		String query = client.timestamp();

		Response response = client.send("/fapi/v1/income",
				query + "&signature=" + ExchangeTestClient.hmacHex(exchange.apiSecret(), query), "not a key!");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo(-2014);
		assertThat(response.msg()).isEqualTo("API-key format invalid.");
	}

	@Test
	void wrongSecretIsRejectedWith1022() {
		start(SimulatorOptions.builder());
		String query = client.timestamp();

		Response response = client.send("/fapi/v1/income",
				query + "&signature=" + ExchangeTestClient.hmacHex("another secret", query), exchange.apiKey());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo(-1022);
		assertThat(response.msg()).isEqualTo("Signature for this request is not valid.");
	}

	@Test
	void signatureCoversTheQueryStillUrlEncoded() {
		start(SimulatorOptions.builder());
		String encoded = "incomeType=REALIZED%5FPNL&" + client.timestamp();
		String decoded = "incomeType=REALIZED_PNL&" + client.timestamp();

		Response overEncoded = client.send("/fapi/v1/income",
				encoded + "&signature=" + ExchangeTestClient.hmacHex(exchange.apiSecret(), encoded), exchange.apiKey());
		Response overDecoded = client.send("/fapi/v1/income",
				encoded + "&signature=" + ExchangeTestClient.hmacHex(exchange.apiSecret(), decoded), exchange.apiKey());

		assertThat(overEncoded.status()).isEqualTo(200);
		assertThat(overEncoded.json()).hasSize(1);
		assertThat(overEncoded.json().get(0).path("incomeType").asText()).isEqualTo("REALIZED_PNL");
		assertThat(overDecoded.code()).isEqualTo(-1022);
	}

	@Test
	void signatureThatIsNotTheLastParameterIsRejected() {
		start(SimulatorOptions.builder());
		String query = client.timestamp();
		String signature = ExchangeTestClient.hmacHex(exchange.apiSecret(), query);

		Response response = client.send("/fapi/v1/income", query + "&signature=" + signature + "&limit=5",
				exchange.apiKey());

		assertThat(response.code()).isEqualTo(-1022);
	}

	@Test
	void signatureInUpperCaseHexIsAccepted() {
		start(SimulatorOptions.builder());
		String query = client.timestamp();

		Response response = client.send("/fapi/v1/income",
				query + "&signature=" + ExchangeTestClient.hmacHex(exchange.apiSecret(), query).toUpperCase(),
				exchange.apiKey());

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void missingSignatureIsAMandatoryParameterError() {
		start(SimulatorOptions.builder());

		Response response = client.send("/fapi/v1/income", client.timestamp(), exchange.apiKey());

		assertThat(response.code()).isEqualTo(-1102);
		assertThat(response.msg()).contains("'signature'");
	}

	@Test
	void missingTimestampIsAMandatoryParameterError() {
		start(SimulatorOptions.builder());

		Response response = client.signedExactly("/fapi/v1/income", "limit=5");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo(-1102);
		assertThat(response.msg())
			.isEqualTo("Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
	}

	@Test
	void timestampOlderThanTheDefaultRecvWindowIsRejected() {
		start(SimulatorOptions.builder());
		long now = clock.millis();

		Response atEdge = client.signedExactly("/fapi/v1/income", "timestamp=" + (now - 5000));
		Response beyond = client.signedExactly("/fapi/v1/income", "timestamp=" + (now - 5001));

		assertThat(atEdge.status()).isEqualTo(200);
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.code()).isEqualTo(-1021);
		assertThat(beyond.msg()).isEqualTo("Timestamp for this request is outside of the recvWindow.");
	}

	@Test
	void timestampMoreThanOneSecondAheadIsRejected() {
		start(SimulatorOptions.builder());
		long now = clock.millis();

		Response atEdge = client.signedExactly("/fapi/v1/income", "timestamp=" + (now + 1000));
		Response beyond = client.signedExactly("/fapi/v1/income", "timestamp=" + (now + 1001));

		assertThat(atEdge.status()).isEqualTo(200);
		assertThat(beyond.code()).isEqualTo(-1021);
		assertThat(beyond.msg()).isEqualTo("Timestamp for this request was 1000ms ahead of the server's time.");
	}

	@Test
	void recvWindowWidensTheAcceptedAgeUpToSixtySeconds() {
		start(SimulatorOptions.builder());
		long now = clock.millis();

		Response widened = client.signedExactly("/fapi/v1/income", "recvWindow=60000&timestamp=" + (now - 60000));
		Response tooWide = client.signedExactly("/fapi/v1/income", "recvWindow=60001&timestamp=" + now);

		assertThat(widened.status()).isEqualTo(200);
		assertThat(tooWide.status()).isEqualTo(400);
		assertThat(tooWide.code()).isEqualTo(-1131);
	}

	@Test
	void serverClockSkewMakesAnUnsyncedClientFailBothWays() {
		start(SimulatorOptions.builder().skew(Duration.ofSeconds(10)));

		Response behind = client.signed("/fapi/v1/income", "");
		Response serverTime = client.get("/fapi/v1/time");
		Response synced = client.signedExactly("/fapi/v1/income",
				"timestamp=" + serverTime.json().path("serverTime").asLong());

		assertThat(behind.code()).isEqualTo(-1021);
		assertThat(behind.msg()).contains("outside of the recvWindow");
		assertThat(serverTime.json().path("serverTime").asLong()).isEqualTo(NOW.plusSeconds(10).toEpochMilli());
		assertThat(synced.status()).isEqualTo(200);
	}

	@Test
	void serverClockBehindTheClientRejectsTimestampsFromTheFuture() {
		start(SimulatorOptions.builder().skew(Duration.ofSeconds(-2)));

		Response response = client.signed("/fapi/v1/income", "");

		assertThat(response.code()).isEqualTo(-1021);
		assertThat(response.msg()).contains("ahead of the server's time");
	}

	@Test
	void publicEndpointsNeedNoKey() {
		start(SimulatorOptions.builder());

		Response time = client.get("/fapi/v1/time");

		assertThat(time.status()).isEqualTo(200);
		assertThat(time.json().path("serverTime").asLong()).isEqualTo(NOW.toEpochMilli());
	}

	@Test
	void apiKeyIsCheckedBeforeTheSignature() {
		start(SimulatorOptions.builder());

		Response response = client.send("/fapi/v1/income", client.timestamp() + "&signature=00", "unknown-key");

		assertThat(response.code()).isEqualTo(-2014);
	}
}
