package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import syncjob.lifecycle.Fill;

/**
 * Several generated accounts trade in one market: a symbol has one price path for all of them,
 * so the klines served are the same whichever account asks, and every account's fills lie
 * within them.
 */
class ExchangeOneMarketTest {

	private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");

	private static final long HOUR = 3_600_000L;

	/**
	 * Two fills in one hour on one path differ at most by their spreads around it (15 bp each), a
	 * few ticks, and one hourly move (60 bp at most: a limit order keeps its price into the next hour).
	 */
	private static final BigDecimal SAME_HOUR_SPREAD = new BigDecimal("0.0095");

	private final MutableClock clock = MutableClock.at(NOW.plusSeconds(30));

	private SimulatedExchange exchange;

	private ExchangeTestClient client;

	private List<ServedAccount> start(long seed) {
		List<ServedAccount> accounts = GeneratedAccounts.generate(3, seed, s -> GeneratorConfig.of(s, 6, 30, NOW));
		exchange = SimulatedExchange.start(accounts,
				SimulatorOptions.builder().clock(clock).weightLimit(1_000_000).build());
		client = new ExchangeTestClient(exchange, clock);
		return accounts;
	}

	@AfterEach
	void stop() {
		if (exchange != null) {
			exchange.close();
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 21, 500 })
	void twoAccountsAreServedTheSameKlinesOfASymbolTheyBothTrade(long seed) {
		List<ServedAccount> accounts = start(seed);
		Map<String, List<ServedAccount>> shared = sharedSymbols(accounts);
		assertThat(shared).as("seed %d: some symbol is traded by two accounts (else pick another seed)", seed)
			.isNotEmpty();

		for (Map.Entry<String, List<ServedAccount>> entry : shared.entrySet()) {
			ServedAccount first = entry.getValue().get(0);
			ServedAccount second = entry.getValue().get(1);
			for (String interval : List.of("1m", "15m", "1h", "1d")) {
				String query = "symbol=" + entry.getKey() + "&interval=" + interval + "&endTime=" + NOW.toEpochMilli()
						+ "&limit=1500";
				ExchangeTestClient.Response asFirst = client.send("/fapi/v1/klines", query, first.apiKey());
				ExchangeTestClient.Response asSecond = client.send("/fapi/v1/klines", query, second.apiKey());
				ExchangeTestClient.Response anonymous = client.send("/fapi/v1/klines", query, null);

				assertThat(asFirst.status()).as(asFirst.body()).isEqualTo(200);
				assertThat(asFirst.json()).as("seed %d %s %s", seed, entry.getKey(), interval).isNotEmpty();
				assertThat(asSecond.body()).as("seed %d %s %s: %s and %s see one market", seed, entry.getKey(),
						interval, first.name(), second.name())
					.isEqualTo(asFirst.body());
				assertThat(anonymous.body()).isEqualTo(asFirst.body());
			}
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 21, 500 })
	void everyAccountsFillsLieWithinTheServedMinuteCandleAtTheirTime(long seed) {
		List<ServedAccount> accounts = start(seed);

		for (ServedAccount account : accounts) {
			assertThat(account.account().fills()).isNotEmpty();
			for (Fill fill : account.account().fills()) {
				long minute = KlineIntervals.M1.openOf(fill.time().toEpochMilli());
				// public, without a key, as every account's sync asks
				JsonNode candles = client
					.get("/fapi/v1/klines?symbol=" + fill.symbol() + "&interval=1m&startTime=" + minute + "&limit=1")
					.json();
				assertThat(candles).as("seed %d %s %s", seed, account.name(), fill).hasSize(1);
				JsonNode candle = candles.get(0);
				assertThat(candle.get(0).asLong()).isEqualTo(minute);
				assertThat(fill.price()).as("seed %d %s %s in %s", seed, account.name(), fill, candle)
					.isBetween(new BigDecimal(candle.get(3).asText()), new BigDecimal(candle.get(2).asText()));
			}
		}
	}

	/**
	 * The fills of a symbol are priced on its one path: two accounts' fills in the same hour lie
	 * within the spread around that hour's level, where two paths of their own would have drifted
	 * apart by far more.
	 */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 21, 500 })
	void accountsFillASymbolAtTheSamePricesHourByHour(long seed) {
		// busy accounts (about 400 fills a symbol), so that they often trade a symbol in the same hour
		List<ServedAccount> accounts = GeneratedAccounts.generate(3, seed,
				s -> new GeneratorConfig(s, 6, 30, NOW, 8, 400, 0.3));
		int compared = 0;

		for (Map.Entry<String, List<ServedAccount>> entry : sharedSymbols(accounts).entrySet()) {
			Map<Long, List<Fill>> byHour = new TreeMap<>();
			for (ServedAccount account : entry.getValue()) {
				account.account().fills().stream().filter(fill -> fill.symbol().equals(entry.getKey()))
					.forEach(fill -> byHour.computeIfAbsent(fill.time().toEpochMilli() / HOUR, h -> new ArrayList<>())
						.add(fill));
			}
			for (List<Fill> fills : byHour.values()) {
				BigDecimal low = fills.stream().map(Fill::price).min(BigDecimal::compareTo).orElseThrow();
				BigDecimal high = fills.stream().map(Fill::price).max(BigDecimal::compareTo).orElseThrow();
				assertThat(high.subtract(low).divide(low, MathContext.DECIMAL64))
					.as("seed %d %s fills in one hour: %s", seed, entry.getKey(), fills)
					.isLessThanOrEqualTo(SAME_HOUR_SPREAD);
				compared += fills.stream().map(Fill::orderId).distinct().count() > 1 ? 1 : 0;
			}
		}
		assertThat(compared).as("seed %d: hours with several fills of a shared symbol", seed).isGreaterThan(50);
		// the first account is the one a single-account simulator with its seed serves
		assertThat(accounts.get(0).account())
			.isEqualTo(AccountGenerator.generate(new GeneratorConfig(seed, 6, 30, NOW, 8, 400, 0.3)));
	}

	/** Symbols with fills in at least two accounts, each with the accounts that filled them, in order. */
	private static Map<String, List<ServedAccount>> sharedSymbols(List<ServedAccount> accounts) {
		Map<String, List<ServedAccount>> traders = new TreeMap<>();
		for (ServedAccount account : accounts) {
			Set<String> symbols = account.account().fills().stream().map(Fill::symbol)
				.collect(Collectors.toCollection(TreeSet::new));
			symbols.forEach(symbol -> traders.computeIfAbsent(symbol, s -> new ArrayList<>()).add(account));
		}
		traders.values().removeIf(list -> list.size() < 2);
		return traders;
	}
}
