package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import syncjob.simulator.ExchangeTestClient.Response;

class ExchangeFaultsTest {

	private final MutableClock clock = MutableClock.at(NOW);

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private SimulatedExchange exchange;

	private ExchangeTestClient client;

	private void start(SimulatorOptions.Builder options) {
		exchange = SimulatedExchange.start(
				account().fill("BTCUSDT", 1, NOW.minusSeconds(60)).fill("ETHUSDT", 2, NOW.minusSeconds(60)).build(),
				options.clock(clock).sleeper(sleeper).build());
		client = new ExchangeTestClient(exchange, clock);
	}

	@AfterEach
	void stop() {
		exchange.close();
	}

	private Response trades(String symbol) {
		return client.signed("/fapi/v1/userTrades", "symbol=" + symbol);
	}

	private static boolean parses(Response response) {
		try {
			new ObjectMapper().readTree(response.bytes());
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	@Test
	void outageAfterNCallsAnswers503UntilCleared() {
		start(SimulatorOptions.builder());
		exchange.faults().outageAfter(2);

		Response first = trades("BTCUSDT");
		Response second = client.get("/fapi/v1/time");
		Response third = trades("BTCUSDT");
		Response fourth = client.get("/fapi/v1/time");
		boolean outageSeen = exchange.faults().inOutage();
		exchange.faults().clearOutage();
		Response cleared = trades("BTCUSDT");

		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		assertThat(third.status()).isEqualTo(503);
		assertThat(third.code()).isEqualTo(-1008);
		assertThat(fourth.status()).isEqualTo(503);
		assertThat(outageSeen).isTrue();
		assertThat(cleared.status()).isEqualTo(200);
	}

	@Test
	void gatewayFaultsChargeNoWeight() {
		start(SimulatorOptions.builder());
		Response charged = trades("BTCUSDT");
		exchange.faults().outageAfter(0);

		Response failed = trades("BTCUSDT");

		assertThat(failed.status()).isEqualTo(503);
		assertThat(failed.usedWeight()).isEqualTo(charged.usedWeight());
		assertThat(exchange.requestLog().get(1).weight()).isZero();
	}

	@Test
	void symbolFailsItsFirstNCallsThenIsServed() {
		start(SimulatorOptions.builder());
		exchange.faults().failSymbol("BTCUSDT", 2);

		Response firstBtc = trades("BTCUSDT");
		Response eth = trades("ETHUSDT");
		Response secondBtc = trades("BTCUSDT");
		Response thirdBtc = trades("BTCUSDT");

		assertThat(firstBtc.status()).isEqualTo(503);
		assertThat(firstBtc.code()).isEqualTo(-1001);
		assertThat(eth.status()).isEqualTo(200);
		assertThat(secondBtc.status()).isEqualTo(503);
		assertThat(thirdBtc.status()).isEqualTo(200);
		assertThat(thirdBtc.json()).hasSize(1);
	}

	@Test
	void symbolThatAlwaysFailsIsServedOnceCleared() {
		start(SimulatorOptions.builder());
		exchange.faults().failSymbolAlways("ETHUSDT");
		List<Integer> statuses = new ArrayList<>();

		for (int i = 0; i < 5; i++) {
			statuses.add(trades("ETHUSDT").status());
		}
		exchange.faults().clearSymbol("ETHUSDT");
		Response cleared = trades("ETHUSDT");

		assertThat(statuses).containsOnly(503);
		assertThat(cleared.status()).isEqualTo(200);
	}

	@Test
	void malformedSymbolGetsACutShortBodyAndOthersDoNot() {
		start(SimulatorOptions.builder());
		exchange.faults().malformedSymbol("BTCUSDT");

		Response btc = trades("BTCUSDT");
		Response eth = trades("ETHUSDT");
		exchange.faults().clear();
		Response btcCleared = trades("BTCUSDT");

		assertThat(btc.status()).isEqualTo(200);
		assertThat(parses(btc)).as(btc.body()).isFalse();
		assertThat(btcCleared.body()).startsWith(btc.body());
		assertThat(parses(eth)).isTrue();
		assertThat(parses(btcCleared)).isTrue();
	}

	@Test
	void malformedRateOfOneCutsEveryBodyShort() {
		start(SimulatorOptions.builder().malformedRate(1));

		Response time = client.get("/fapi/v1/time");
		Response income = client.signed("/fapi/v1/income", "");

		assertThat(parses(time)).isFalse();
		assertThat(parses(income)).isFalse();
	}

	@Test
	void serverErrorsAre500502Or503AndTheGatewayErrorIsNotJson() {
		start(SimulatorOptions.builder().serverErrorRate(1));
		Set<Integer> statuses = new HashSet<>();
		Response badGateway = null;

		for (int i = 0; i < 30; i++) {
			Response response = client.get("/fapi/v1/time");
			statuses.add(response.status());
			if (response.status() == 502) {
				badGateway = response;
			}
		}

		assertThat(statuses).containsExactlyInAnyOrder(500, 502, 503);
		assertThat(badGateway.body()).contains("502 Bad Gateway");
		assertThat(badGateway.headers().firstValue("Content-Type")).hasValue("text/html");
	}

	@Test
	void serverErrorRateChangesAtRuntime() {
		start(SimulatorOptions.builder());

		Response healthy = client.get("/fapi/v1/time");
		exchange.faults().serverErrorRate(1);
		Response broken = client.get("/fapi/v1/time");
		exchange.faults().serverErrorRate(0);
		Response healed = client.get("/fapi/v1/time");

		assertThat(healthy.status()).isEqualTo(200);
		assertThat(broken.status()).isIn(500, 502, 503);
		assertThat(healed.status()).isEqualTo(200);
	}

	@Test
	void closingTimeoutDropsTheConnectionWithoutAResponse() {
		start(SimulatorOptions.builder());
		exchange.faults().timeouts(1, TimeoutMode.CLOSE, Duration.ZERO);

		assertThatThrownBy(() -> trades("BTCUSDT")).isInstanceOf(UncheckedIOException.class);
		assertThat(exchange.requestLog()).isNotEmpty().allSatisfy(entry -> assertThat(entry.status()).isZero());
	}

	@Test
	void holdingTimeoutWaitsTheHoldBeforeAnswering() {
		start(SimulatorOptions.builder().timeoutRate(1).timeoutHold(Duration.ofSeconds(45)));

		Response response = trades("BTCUSDT");

		assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(45));
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void latencyWithJitterIsWaitedBeforeEveryResponse() {
		start(SimulatorOptions.builder().latency(Duration.ofMillis(50)).jitter(Duration.ofMillis(20)));

		client.get("/fapi/v1/time");
		trades("BTCUSDT");

		assertThat(sleeper.waits()).hasSize(2)
			.allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(70)));
	}

	@Test
	void clearTurnsEveryFaultOff() {
		start(SimulatorOptions.builder().serverErrorRate(1).malformedRate(1));
		exchange.faults().failSymbolAlways("BTCUSDT").outageAfter(5);

		exchange.faults().clear();
		Response response = trades("BTCUSDT");

		assertThat(response.status()).isEqualTo(200);
		assertThat(parses(response)).isTrue();
	}

	/** Records waits instead of spending them. */
	static final class RecordingSleeper implements ServerSleeper {

		private final List<Duration> waits = new ArrayList<>();

		@Override
		public synchronized void sleep(Duration duration) {
			waits.add(duration);
		}

		synchronized List<Duration> waits() {
			return List.copyOf(waits);
		}
	}
}
