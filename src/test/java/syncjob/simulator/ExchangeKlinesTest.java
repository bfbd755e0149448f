package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import syncjob.lifecycle.Fill;

/** {@code GET /fapi/v1/klines}: a market consistent with the account's fills, with Binance's rules. */
class ExchangeKlinesTest {

	private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");

	private static final long MINUTE = 60_000L;

	private final MutableClock clock = MutableClock.at(NOW.plusSeconds(30));

	private SimulatedExchange exchange;

	private ExchangeTestClient client;

	private SimulatedAccount start(long seed, boolean klines) {
		SimulatedAccount account = AccountGenerator.generate(GeneratorConfig.of(seed, 6, 30, NOW));
		exchange = SimulatedExchange.start(account, SimulatorOptions.builder().clock(clock).klines(klines).build());
		client = new ExchangeTestClient(exchange, clock);
		return account;
	}

	@AfterEach
	void stop() {
		if (exchange != null) {
			exchange.close();
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 3, 17, 42 })
	void everyFillsPriceLiesWithinItsMinutesLowAndHigh(long seed) {
		SimulatedAccount account = AccountGenerator.generate(GeneratorConfig.of(seed, 10, 60, NOW));
		PricePathCandles market = PricePathCandles.of(account);
		assertThat(account.fills()).isNotEmpty();
		for (Fill fill : account.fills()) {
			long minute = KlineIntervals.M1.openOf(fill.time().toEpochMilli());
			List<SimulatedCandle> candles = market.candles(fill.symbol(), KlineIntervals.M1, minute, minute, 1,
					NOW.toEpochMilli());
			assertThat(candles).as("seed %d fill %s", seed, fill).hasSize(1);
			SimulatedCandle candle = candles.get(0);
			assertThat(fill.price()).as("seed %d fill %s in %s", seed, fill, candle)
				.isBetween(candle.low(), candle.high());
			assertThat(candle.low()).isPositive();
			assertThat(candle.open()).isBetween(candle.low(), candle.high());
			assertThat(candle.close()).isBetween(candle.low(), candle.high());
		}
	}

	@Test
	void aCoarseCandleIsItsMinutesTogetherAndOpensWhereThePreviousClosed() {
		SimulatedAccount account = start(5, true);
		String symbol = account.fills().get(account.fills().size() / 2).symbol();
		long hour = KlineIntervals.H1.openOf(account.fills().get(account.fills().size() / 2).time().toEpochMilli());

		JsonNode hours = client.get("/fapi/v1/klines?symbol=" + symbol + "&interval=1h&startTime=" + hour
				+ "&endTime=" + (hour + 3_600_000L) + "&limit=2").json();
		JsonNode minutes = client.get("/fapi/v1/klines?symbol=" + symbol + "&interval=1m&startTime=" + hour
				+ "&limit=60").json();

		assertThat(hours).hasSize(2);
		assertThat(minutes).hasSize(60);
		JsonNode first = hours.get(0);
		assertThat(first.get(0).asLong()).isEqualTo(hour);
		assertThat(first.get(6).asLong()).isEqualTo(hour + 3_600_000L - 1);
		assertThat(first).hasSize(12);
		assertThat(dec(first, 1)).isEqualByComparingTo(dec(minutes.get(0), 1));
		assertThat(dec(first, 4)).isEqualByComparingTo(dec(minutes.get(59), 4));
		BigDecimal high = dec(minutes.get(0), 2);
		BigDecimal low = dec(minutes.get(0), 3);
		BigDecimal volume = BigDecimal.ZERO;
		for (int i = 0; i < 60; i++) {
			high = high.max(dec(minutes.get(i), 2));
			low = low.min(dec(minutes.get(i), 3));
			volume = volume.add(dec(minutes.get(i), 5));
			if (i > 0) {
				assertThat(dec(minutes.get(i), 1)).isEqualByComparingTo(dec(minutes.get(i - 1), 4));
			}
		}
		assertThat(dec(first, 2)).isEqualByComparingTo(high);
		assertThat(dec(first, 3)).isEqualByComparingTo(low);
		assertThat(dec(first, 5)).isEqualByComparingTo(volume);
		assertThat(dec(hours.get(1), 1)).isEqualByComparingTo(dec(first, 4));
	}

	@ParameterizedTest(name = "limit {0} weighs {1}")
	@CsvSource({ "1, 1", "99, 1", "100, 2", "499, 2", "500, 5", "1000, 5", "1001, 10", "1500, 10" })
	void weightFollowsTheLimitAndIsLogged(int limit, int weight) {
		start(7, true);

		ExchangeTestClient.Response response = client
			.get("/fapi/v1/klines?symbol=BNBUSDT&interval=1m&endTime=" + NOW.toEpochMilli() + "&limit=" + limit);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).hasSize(limit);
		assertThat(response.usedWeight()).isEqualTo(weight);
		RequestLogEntry logged = exchange.requestLog().get(exchange.requestLog().size() - 1);
		assertThat(logged.path()).isEqualTo("/fapi/v1/klines");
		assertThat(logged.symbol()).isEqualTo("BNBUSDT");
		assertThat(logged.weight()).isEqualTo(weight);
	}

	@Test
	void theDefaultIsTheLatest500AndNoCandleOpensAtOrAfterTheEndOfTheHistory() {
		start(8, true);

		JsonNode latest = client.get("/fapi/v1/klines?symbol=BNBUSDC&interval=5m").json();
		JsonNode after = client.get("/fapi/v1/klines?symbol=BNBUSDC&interval=1m&startTime=" + NOW.toEpochMilli())
			.json();

		assertThat(latest).hasSize(500);
		assertThat(latest.get(499).get(0).asLong()).isEqualTo(NOW.toEpochMilli() - 5 * MINUTE);
		assertThat(latest.get(0).get(0).asLong()).isEqualTo(NOW.toEpochMilli() - 500 * 5 * MINUTE);
		assertThat(after).isEmpty();
	}

	@Test
	void weeksOpenOnMondayAndMonthsOnTheFirst() {
		start(9, true);

		JsonNode weeks = client.get("/fapi/v1/klines?symbol=BNBUSDT&interval=1w&limit=3").json();
		JsonNode months = client.get("/fapi/v1/klines?symbol=BNBUSDT&interval=1M&limit=2").json();

		assertThat(weeks).hasSize(3).allSatisfy(week -> assertThat(
				Instant.ofEpochMilli(week.get(0).asLong()).atZone(java.time.ZoneOffset.UTC).getDayOfWeek())
			.isEqualTo(java.time.DayOfWeek.MONDAY));
		assertThat(Instant.ofEpochMilli(months.get(1).get(0).asLong())).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
		assertThat(Instant.ofEpochMilli(months.get(0).get(6).asLong() + 1))
			.isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
	}

	@Test
	void unknownSymbolsIntervalsAndLimitsAreRefusedAsBinanceDoes() {
		start(10, true);

		ExchangeTestClient.Response symbol = client.get("/fapi/v1/klines?symbol=NOPEUSDT&interval=1m");
		ExchangeTestClient.Response interval = client.get("/fapi/v1/klines?symbol=BNBUSDT&interval=7m");
		ExchangeTestClient.Response limit = client.get("/fapi/v1/klines?symbol=BNBUSDT&interval=1m&limit=1501");
		ExchangeTestClient.Response missing = client.get("/fapi/v1/klines?symbol=BNBUSDT");

		assertThat(symbol.status()).isEqualTo(400);
		assertThat(symbol.code()).isEqualTo(-1121);
		assertThat(interval.code()).isEqualTo(-1120);
		assertThat(limit.code()).isEqualTo(-1130);
		assertThat(missing.code()).isEqualTo(-1102);
	}

	@Test
	void anExchangeStartedWithoutKlinesDoesNotKnowTheEndpoint() {
		SimulatedAccount account = start(11, false);

		ExchangeTestClient.Response response = client
			.get("/fapi/v1/klines?symbol=" + account.symbols().get(0).symbol() + "&interval=1m");

		assertThat(response.status()).isEqualTo(404);
		assertThat(exchange.requestLog()).last().extracting(RequestLogEntry::weight).isEqualTo(0);
	}

	@Test
	void theSameAccountServesTheSameCandles() {
		SimulatedAccount account = start(12, true);
		String symbol = account.symbols().get(1).symbol();
		long from = NOW.minus(Duration.ofDays(3)).toEpochMilli();

		String first = client.get("/fapi/v1/klines?symbol=" + symbol + "&interval=15m&startTime=" + from).body();
		PricePathCandles again = PricePathCandles.of(AccountGenerator.generate(GeneratorConfig.of(12, 6, 30, NOW)));

		assertThat(again.candles(symbol, KlineIntervals.M15, from, Long.MAX_VALUE, 500, NOW.toEpochMilli()))
			.hasSize(288);
		assertThat(client.get("/fapi/v1/klines?symbol=" + symbol + "&interval=15m&startTime=" + from).body())
			.isEqualTo(first);
	}

	private static BigDecimal dec(JsonNode row, int index) {
		return new BigDecimal(row.get(index).asText());
	}
}
