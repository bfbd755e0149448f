package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.lifecycle.PositionSide;

class SimulatedExchangeDeterminismTest {

	private static final List<String> PATHS = List.of("/fapi/v1/userTrades", "/fapi/v1/allOrders",
			"/fapi/v1/income", "/fapi/v3/positionRisk", "/fapi/v2/positionRisk", "/fapi/v1/exchangeInfo",
			"/fapi/v1/time");

	private static SimulatedAccount busyAccount() {
		return account().fills("BTCUSDT", 1, 300, NOW.minus(Duration.ofDays(9)), Duration.ofMinutes(41))
			.fills("ETHUSDT", 5000, 120, NOW.minus(Duration.ofDays(3)), Duration.ofMinutes(17))
			.incomes("BTCUSDT", 1, 200, NOW.minus(Duration.ofDays(8)), Duration.ofMinutes(53))
			.position("BTCUSDT", PositionSide.BOTH, "0.030", "50100.5")
			.build();
	}

	/** A seeded sequence of requests; each answer is recorded as its status and exact bytes. */
	private static List<String> replay(long seed) {
		MutableClock clock = MutableClock.at(NOW);
		SimulatorOptions options = SimulatorOptions.builder()
			.seed(seed)
			.clock(clock)
			.serverErrorRate(0.2)
			.malformedRate(0.2)
			.build();
		Random requests = new Random(seed);
		List<String> answers = new ArrayList<>();
		try (SimulatedExchange exchange = SimulatedExchange.start(busyAccount(), options)) {
			ExchangeTestClient client = new ExchangeTestClient(exchange, clock);
			for (int i = 0; i < 25; i++) {
				String path = PATHS.get(requests.nextInt(PATHS.size()));
				String query = (requests.nextBoolean() ? "symbol=BTCUSDT" : "symbol=ETHUSDT") + "&limit="
						+ (1 + requests.nextInt(400));
				ExchangeTestClient.Response response = path.contains("Info") || path.endsWith("time")
						? client.get(path) : client.signed(path, query);
				answers.add(response.status() + " " + response.usedWeight() + " " + response.body());
				clock.advance(Duration.ofMillis(requests.nextInt(5000)));
			}
		}
		return answers;
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 7, 42, 20260901 })
	void sameAccountAndOptionsGiveTheSameResponseBytes(long seed) {
		List<String> first = replay(seed);
		List<String> second = replay(seed);

		assertThat(second).as("seed %d", seed).isEqualTo(first);
		assertThat(first).as("seed %d: faults were injected", seed).anyMatch(answer -> !answer.startsWith("200"));
		assertThat(first).as("seed %d: data was served", seed).anyMatch(answer -> answer.startsWith("200 "));
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 42 })
	void credentialsFollowTheSeed(long seed) {
		SimulatorOptions a = SimulatorOptions.builder().seed(seed).build();
		SimulatorOptions b = SimulatorOptions.builder().seed(seed).build();
		SimulatorOptions other = SimulatorOptions.builder().seed(seed + 1).build();

		assertThat(a.apiKey()).as("seed %d", seed).isEqualTo(b.apiKey()).matches("[A-Za-z0-9]{64}");
		assertThat(a.apiSecret()).as("seed %d", seed).isEqualTo(b.apiSecret()).isNotEqualTo(a.apiKey());
		assertThat(other.apiKey()).as("seed %d", seed).isNotEqualTo(a.apiKey());
	}
}
