package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.simulator.ExchangeTestClient.Response;

class ExchangeParameterRulesTest {

	private final MutableClock clock = MutableClock.at(NOW);

	private SimulatedExchange exchange;

	private ExchangeTestClient client;

	@BeforeEach
	void start() {
		exchange = SimulatedExchange.start(account().fill("BTCUSDT", 1, NOW.minusSeconds(60)).build(),
				SimulatorOptions.builder().clock(clock).build());
		client = new ExchangeTestClient(exchange, clock);
	}

	@AfterEach
	void stop() {
		exchange.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/fapi/v1/userTrades", "/fapi/v1/allOrders" })
	void symbolIsMandatoryForHistoryBySymbol(String path) {
		Response missing = client.signed(path, "");
		Response empty = client.signed(path, "symbol=");

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.code()).isEqualTo(-1102);
		assertThat(missing.msg())
			.isEqualTo("Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
		assertThat(empty.code()).isEqualTo(-1102);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/fapi/v1/userTrades", "/fapi/v1/allOrders", "/fapi/v1/income",
			"/fapi/v3/positionRisk", "/fapi/v2/positionRisk" })
	void unknownSymbolIsInvalid(String path) {
		Response response = client.signed(path, "symbol=DOGEUSDT");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo(-1121);
		assertThat(response.msg()).isEqualTo("Invalid symbol.");
	}

	@ParameterizedTest
	@CsvSource({ "/fapi/v1/userTrades, 0", "/fapi/v1/userTrades, 1001", "/fapi/v1/allOrders, 0",
			"/fapi/v1/allOrders, 1001", "/fapi/v1/income, 0", "/fapi/v1/income, 1001" })
	void limitOutsideOneToThousandIsNotValid(String path, int limit) {
		Response response = client.signed(path, "symbol=BTCUSDT&limit=" + limit);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo(-1130);
		assertThat(response.msg()).isEqualTo("Data sent for parameter 'limit' is not valid.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/fapi/v1/userTrades", "/fapi/v1/allOrders", "/fapi/v1/income" })
	void limitOfOneAndOfThousandAreAccepted(String path) {
		assertThat(client.signed(path, "symbol=BTCUSDT&limit=1").status()).isEqualTo(200);
		assertThat(client.signed(path, "symbol=BTCUSDT&limit=1000").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "startTime", "endTime" })
	void fromIdWithATimeIsNotRequired(String timeParameter) {
		Response response = client.signed("/fapi/v1/userTrades",
				"symbol=BTCUSDT&fromId=1&" + timeParameter + "=" + NOW.minusSeconds(3600).toEpochMilli());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo(-1106);
		assertThat(response.msg()).isEqualTo("Parameter 'fromId' sent when not required.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/fapi/v1/userTrades", "/fapi/v1/allOrders", "/fapi/v1/income" })
	void startTimeAfterEndTimeIsRejected(String path) {
		long end = NOW.minusSeconds(3600).toEpochMilli();

		Response response = client.signed(path, "symbol=BTCUSDT&startTime=" + (end + 1) + "&endTime=" + end);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo(-1023);
		assertThat(response.msg()).isEqualTo("Start time is greater than end time.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=ten", "limit=1.5", "startTime=yesterday" })
	void nonNumericNumbersHaveIllegalCharacters(String parameter) {
		Response response = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&" + parameter);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo(-1100);
		assertThat(response.msg()).startsWith("Illegal characters found in parameter '" + parameter.split("=")[0]);
	}

	@ParameterizedTest
	@ValueSource(strings = { "page=0", "page=-1" })
	void incomePageStartsAtOne(String page) {
		Response response = client.signed("/fapi/v1/income", page);

		assertThat(response.code()).isEqualTo(-1130);
		assertThat(response.msg()).contains("'page'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "symbol=BTCUSDT&symbol=ETHUSDT" })
	void duplicateParametersAreRejected(String query) {
		Response response = client.signed("/fapi/v1/userTrades", query);

		assertThat(response.code()).isEqualTo(-1101);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/fapi/v1/openOrders", "/api/v3/myTrades" })
	void unservedPathsAreNotFound(String path) {
		Response response = client.signed(path, "symbol=BTCUSDT");

		assertThat(response.status()).isEqualTo(404);
	}
}
