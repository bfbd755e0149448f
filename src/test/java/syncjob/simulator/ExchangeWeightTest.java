package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import syncjob.simulator.ExchangeTestClient.Response;

class ExchangeWeightTest {

	/** 20 seconds into a clock minute, so 40 seconds remain of it. */
	private static final Instant MID_MINUTE = NOW.plusSeconds(20);

	private final MutableClock clock = MutableClock.at(MID_MINUTE);

	private SimulatedExchange exchange;

	private ExchangeTestClient client;

	private void start(SimulatorOptions.Builder options) {
		exchange = SimulatedExchange.start(account().build(), options.clock(clock).build());
		client = new ExchangeTestClient(exchange, clock);
	}

	@AfterEach
	void stop() {
		exchange.close();
	}

	/** Spends 90 of the minute's weight with three income calls. */
	private void spendNinety() {
		for (int i = 0; i < 3; i++) {
			assertThat(client.signed("/fapi/v1/income", "").status()).isEqualTo(200);
		}
	}

	/** Spends 90 of a 100 limit, then asks for 30 more. */
	private Response exceedTheLimit() {
		spendNinety();
		return client.signed("/fapi/v1/income", "");
	}

	@Test
	void everyResponseReportsTheMinutesWeightIncludingItself() {
		start(SimulatorOptions.builder());

		Response time = client.get("/fapi/v1/time");
		Response income = client.signed("/fapi/v1/income", "");
		Response trades = client.signed("/fapi/v1/userTrades", "symbol=BTCUSDT");
		Response rejected = client.signed("/fapi/v1/userTrades", "");
		Response dual = client.signed("/fapi/v1/positionSide/dual", "");

		assertThat(time.usedWeight()).isEqualTo(1);
		assertThat(income.usedWeight()).isEqualTo(31);
		assertThat(trades.usedWeight()).isEqualTo(36);
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.usedWeight()).isEqualTo(41);
		assertThat(dual.usedWeight()).isEqualTo(71);
	}

	@Test
	void weightStartsAgainAtTheNextClockMinute() {
		start(SimulatorOptions.builder());
		client.signed("/fapi/v1/income", "");

		clock.set(NOW.plusSeconds(59).plusMillis(999));
		Response sameMinute = client.get("/fapi/v1/time");
		clock.set(NOW.plusSeconds(60));
		Response nextMinute = client.get("/fapi/v1/time");

		assertThat(sameMinute.usedWeight()).isEqualTo(31);
		assertThat(nextMinute.usedWeight()).isEqualTo(1);
	}

	@Test
	void requestThatReachesTheLimitExactlyIsServed() {
		start(SimulatorOptions.builder().weightLimit(91));
		spendNinety();

		Response last = client.get("/fapi/v1/time");

		assertThat(last.status()).isEqualTo(200);
		assertThat(last.usedWeight()).isEqualTo(91);
	}

	@Test
	void requestOverTheLimitGets429WithRetryAfterUntilTheNextMinute() {
		start(SimulatorOptions.builder().weightLimit(100));

		Response response = exceedTheLimit();

		assertThat(response.status()).isEqualTo(429);
		assertThat(response.code()).isEqualTo(-1003);
		assertThat(response.msg()).isEqualTo("Too many requests; current limit of IP is 100 requests per minute."
				+ " Please use the websocket for live updates to avoid polling the API.");
		assertThat(response.retryAfter()).isEqualTo(40);
		assertThat(response.usedWeight()).isEqualTo(90);
	}

	@Test
	void callingAgainInTheSameMinuteAfter429BansForTwoMinutes() {
		start(SimulatorOptions.builder().weightLimit(100));
		exceedTheLimit();

		clock.advance(Duration.ofSeconds(5));
		Response banned = client.get("/fapi/v1/time");

		long until = MID_MINUTE.plusSeconds(5).plus(Duration.ofMinutes(2)).toEpochMilli();
		assertThat(banned.status()).isEqualTo(418);
		assertThat(banned.code()).isEqualTo(-1003);
		assertThat(banned.msg()).isEqualTo("Way too many requests; IP(127.0.0.1) banned until " + until
				+ ". Please use the websocket for live updates to avoid bans.");
		assertThat(banned.retryAfter()).isEqualTo(120);
	}

	@Test
	void everyCallDuringTheBanGets418AndTheBanEnds() {
		start(SimulatorOptions.builder().weightLimit(100));
		exceedTheLimit();
		client.get("/fapi/v1/time");

		clock.advance(Duration.ofMinutes(2).minusMillis(1));
		Response stillBanned = client.get("/fapi/v1/time");
		clock.advance(Duration.ofMillis(1));
		Response afterBan = client.signed("/fapi/v1/income", "");

		assertThat(stillBanned.status()).isEqualTo(418);
		assertThat(stillBanned.retryAfter()).isEqualTo(1);
		assertThat(afterBan.status()).isEqualTo(200);
		assertThat(afterBan.usedWeight()).isEqualTo(30);
	}

	@Test
	void repeatOffenceDoublesTheBan() {
		start(SimulatorOptions.builder().weightLimit(100));
		exceedTheLimit();
		client.get("/fapi/v1/time");
		clock.set(NOW.plus(Duration.ofMinutes(3)).plusSeconds(20));

		exceedTheLimit();
		Response secondBan = client.get("/fapi/v1/time");

		assertThat(secondBan.status()).isEqualTo(418);
		assertThat(secondBan.retryAfter()).isEqualTo(240);
	}

	@Test
	void waitingForTheNextMinuteAfter429AvoidsTheBan() {
		start(SimulatorOptions.builder().weightLimit(100));
		Response tooMany = exceedTheLimit();

		clock.advance(Duration.ofSeconds(tooMany.retryAfter()));
		Response retried = client.signed("/fapi/v1/income", "");

		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.usedWeight()).isEqualTo(30);
	}

	@Test
	void graceRequestsAfter429AreJudgedByWeightBeforeTheBan() {
		start(SimulatorOptions.builder().weightLimit(100).graceRequestsAfter429(1));
		exceedTheLimit();

		Response tolerated = client.get("/fapi/v1/time");
		Response banned = client.get("/fapi/v1/time");

		assertThat(tolerated.status()).isEqualTo(200);
		assertThat(tolerated.usedWeight()).isEqualTo(91);
		assertThat(banned.status()).isEqualTo(418);
	}

	@Test
	void exchangeInfoAnnouncesTheWeightLimit() {
		start(SimulatorOptions.builder().weightLimit(1200));

		Response info = client.get("/fapi/v1/exchangeInfo");

		assertThat(info.json().path("rateLimits").get(0).path("rateLimitType").asText()).isEqualTo("REQUEST_WEIGHT");
		assertThat(info.json().path("rateLimits").get(0).path("interval").asText()).isEqualTo("MINUTE");
		assertThat(info.json().path("rateLimits").get(0).path("intervalNum").asInt()).isEqualTo(1);
		assertThat(info.json().path("rateLimits").get(0).path("limit").asInt()).isEqualTo(1200);
		assertThat(info.usedWeight()).isEqualTo(1);
	}
}
