package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

/** The klines minimal plan of {@code --stats}, worked by hand. */
class KlinesPlanStatsTest {

	private static final Instant FROM = Instant.parse("2026-08-01T00:00:00Z");

	private static final Instant TO = Instant.parse("2026-09-01T00:00:00Z");

	@Test
	void oneExactRequestPerTradeAndOnePerDistinctValuedMinute() {
		SimulatedAccount account = new GroundTruthAccountBuilder().symbol("BTC", "USDT").symbol("ETH", "USDT")
			// a 30-minute hold: 31 one-minute candles, weight 1; its exit fee in BNB: one minute
			.fill("BTCUSDT", 1, "MARKET", Side.BUY, PositionSide.BOTH, "60000", "1", "0", "3", "USDT",
					"2026-08-02T00:00:10Z")
			.fill("BTCUSDT", 2, "MARKET", Side.SELL, PositionSide.BOTH, "60100", "1", "100", "0.005", "BNB",
					"2026-08-02T00:30:05Z")
			// 2.5 days: 241 fifteen-minute candles, weight 2; two BNB fees in one minute: one request
			.fill("ETHUSDT", 3, "MARKET", Side.SELL, PositionSide.SHORT, "3000", "2", "0", "0.004", "BNB",
					"2026-08-03T00:00:00Z")
			.fill("ETHUSDT", 4, "MARKET", Side.BUY, PositionSide.SHORT, "2990", "1", "10", "0.002", "BNB",
					"2026-08-05T12:00:01Z")
			.fill("ETHUSDT", 5, "MARKET", Side.BUY, PositionSide.SHORT, "2990", "1", "10", "0.002", "BNB",
					"2026-08-05T12:00:40Z")
			// closed before the window: not a row of it
			.fill("BTCUSDT", 6, "MARKET", Side.BUY, PositionSide.LONG, "58000", "1", "0", "3", "BNB",
					"2026-07-20T00:00:00Z")
			.fill("BTCUSDT", 7, "MARKET", Side.SELL, PositionSide.LONG, "58100", "1", "100", "3", "BNB",
					"2026-07-21T00:00:00Z")
			// still open at the end: no excursion, no valuation
			.fill("ETHUSDT", 8, "MARKET", Side.BUY, PositionSide.BOTH, "3000", "1", "0", "0.001", "BNB",
					"2026-08-20T00:00:00Z")
			.build("2026-09-01T00:00:00Z");

		Map<String, Object> plan = KlinesPlanStats.of(account, Set.of("BTCUSDT", "ETHUSDT"), FROM, TO,
				Instant.parse("2026-03-01T00:00:00Z"));

		assertThat(plan).containsEntry("trades", 2L)
			.containsEntry("excursionWeight", 3L)
			.containsEntry("feeMinutes", 3L)
			.containsEntry("weight", 6L);
	}

	@Test
	void candleCountsAtTheFinestIntervalThatTakesAHoldInAtMost499() {
		Instant entry = Instant.parse("2026-08-01T10:00:30Z");

		assertThat(KlinesPlanStats.candles(entry, entry)).isEqualTo(1);
		assertThat(KlinesPlanStats.candles(entry, entry.plusSeconds(498 * 60))).isEqualTo(499);
		assertThat(KlinesPlanStats.candles(entry, entry.plusSeconds(499 * 60))).isEqualTo(167);
		assertThat(KlinesPlanStats.candles(entry, Instant.parse("2027-12-31T00:00:00Z"))).isEqualTo(518);
	}
}
