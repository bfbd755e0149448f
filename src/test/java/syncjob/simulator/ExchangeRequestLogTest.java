package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ExchangeRequestLogTest {

	private final MutableClock clock = MutableClock.at(NOW);

	@Test
	void logRecordsEveryRequestWithoutItsSignature() {
		try (SimulatedExchange exchange = SimulatedExchange.start(account().build(),
				SimulatorOptions.builder().clock(clock).build())) {
			ExchangeTestClient client = new ExchangeTestClient(exchange, clock);

			client.get("/fapi/v1/time");
			client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT&limit=7");
			client.signed("/fapi/v1/userTrades", "");

			List<RequestLogEntry> log = exchange.requestLog();
			assertThat(log).hasSize(3);
			assertThat(log.get(0)).isEqualTo(new RequestLogEntry(NOW, "GET", "/fapi/v1/time", Map.of(), null, 1, 200));
			assertThat(log.get(1)).isEqualTo(new RequestLogEntry(NOW, "GET", "/fapi/v1/userTrades",
					Map.of("symbol", "BTCUSDT", "limit", "7", "timestamp", Long.toString(NOW.toEpochMilli())),
					"BTCUSDT", 5, 200));
			assertThat(log.get(2).status()).isEqualTo(400);
			assertThat(log).allSatisfy(entry -> assertThat(entry.params()).doesNotContainKey("signature"));
		}
	}

	@Test
	void logIsAlsoWrittenAsJsonLinesWithoutSignatures(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("logs/requests.jsonl");
		try (SimulatedExchange exchange = SimulatedExchange.start(account().build(),
				SimulatorOptions.builder().clock(clock).requestLogFile(file).build())) {
			ExchangeTestClient client = new ExchangeTestClient(exchange, clock);
			client.signed("/fapi/v1/income", "symbol=ETHUSDT");
			client.get("/fapi/v1/time");
		}

		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		JsonNode income = new ObjectMapper().readTree(lines.get(0));
		assertThat(lines).hasSize(2).noneMatch(line -> line.contains("signature"));
		assertThat(income.path("time").asText()).isEqualTo(NOW.toString());
		assertThat(income.path("method").asText()).isEqualTo("GET");
		assertThat(income.path("path").asText()).isEqualTo("/fapi/v1/income");
		assertThat(income.path("params").path("symbol").asText()).isEqualTo("ETHUSDT");
		assertThat(income.path("symbol").asText()).isEqualTo("ETHUSDT");
		assertThat(income.path("weight").asInt()).isEqualTo(30);
		assertThat(income.path("status").asInt()).isEqualTo(200);
	}
}
