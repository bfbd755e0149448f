package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.lifecycle.PositionSide.BOTH;
import static syncjob.lifecycle.Side.BUY;
import static syncjob.lifecycle.Side.SELL;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import syncjob.lifecycle.TradeEntry;

class GroundTruthWindowTest {

	private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");

	private static final Instant TO = Instant.parse("2026-06-02T00:00:00Z");

	private static final SimulatorOptions OPTIONS = SimulatorOptions.builder().tradeRetention(Duration.ofDays(180)).build();

	private static final Instant NOW = Instant.parse("2026-06-10T00:00:00Z");

	/** Income served for 90 days: the oldest record the sync saw is no later than that. */
	private static final Instant INCOME_SERVED_FROM = NOW.minus(Duration.ofDays(90));

	@Test
	void exitExactlyAtFromIsCountedAndExitExactlyAtToIsNot() {
		// given
		SimulatedAccount account = new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.symbol("ETH", "USDT")
			.fill("BTCUSDT", 1, "MARKET", BUY, BOTH, "100", "1", "0", "0.05", "USDT", "2026-05-31T12:00:00Z")
			.fill("BTCUSDT", 2, "MARKET", SELL, BOTH, "101", "1", "1", "0.05", "USDT", "2026-06-01T00:00:00Z")
			.fill("ETHUSDT", 3, "MARKET", BUY, BOTH, "10", "1", "0", "0.005", "USDT", "2026-06-01T12:00:00Z")
			.fill("ETHUSDT", 4, "MARKET", SELL, BOTH, "11", "1", "1", "0.005", "USDT", "2026-06-02T00:00:00Z")
			.build("2026-06-10T00:00:00Z");

		// when
		TruthResult truth = GroundTruth.expected(account, "acc", FROM, TO, NOW, OPTIONS, INCOME_SERVED_FROM, true);

		// then
		assertThat(truth.trades()).extracting(TradeEntry::binanceTradeId).containsExactly("BTCUSDT-LONG-1");
		assertThat(truth.openAtToTradeIds()).containsExactly("ETHUSDT-LONG-3");
	}

	@Test
	void lifecycleStartedBeyondTradeRetentionIsIncompleteNotARow() {
		// given: opened 181 days before now, closed inside the window
		SimulatedAccount account = new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.fill("BTCUSDT", 1, "MARKET", SELL, BOTH, "100", "1", "0", "0.05", "USDT", "2025-12-11T00:00:00Z")
			.fill("BTCUSDT", 2, "MARKET", BUY, BOTH, "90", "1", "10", "0.045", "USDT", "2026-06-01T06:00:00Z")
			.fill("BTCUSDT", 3, "MARKET", BUY, BOTH, "90", "1", "0", "0.045", "USDT", "2026-06-01T07:00:00Z")
			.fill("BTCUSDT", 4, "MARKET", SELL, BOTH, "95", "1", "5", "0.0475", "USDT", "2026-06-01T08:00:00Z")
			.build("2026-06-10T00:00:00Z");

		// when
		TruthResult truth = GroundTruth.expected(account, "acc", FROM, TO, NOW, OPTIONS, INCOME_SERVED_FROM, true);

		// then
		assertThat(truth.incompleteTradeIds()).containsExactly("BTCUSDT-SHORT-1");
		assertThat(truth.trades()).extracting(TradeEntry::binanceTradeId).containsExactly("BTCUSDT-LONG-3");
	}

	@Test
	void fundingBeforeFromCountsButNotBeyondTheIncomeHorizon() {
		// given: open 100 days before now, funding 95 and 85 days before now, closed in the window
		SimulatedAccount account = new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.fill("BTCUSDT", 1, "MARKET", BUY, BOTH, "100", "1", "0", "0.05", "USDT", "2026-03-02T00:00:00Z")
			.funding("BTCUSDT", "-3", "USDT", "2026-03-07T00:00:00Z")
			.funding("BTCUSDT", "-2", "USDT", "2026-03-17T00:00:00Z")
			.fill("BTCUSDT", 2, "MARKET", SELL, BOTH, "100", "1", "0", "0.05", "USDT", "2026-06-01T06:00:00Z")
			.build("2026-06-10T00:00:00Z");

		// when
		TruthResult truth = GroundTruth.expected(account, "acc", FROM, TO, NOW, OPTIONS, INCOME_SERVED_FROM, true);

		// then
		assertThat(truth.trades()).singleElement().satisfies(trade -> {
			assertThat(trade.fundingFees()).isEqualByComparingTo("-2");
			assertThat(trade.netPnl()).isEqualByComparingTo("-2.1");
			assertThat(trade.warnings()).isEqualTo("FUNDING_NOT_SERVED: funding before 2026-03-12T00:00:00Z not served"
					+ " by Binance; ORDER_NOT_SERVED: entry order 10 (fill at 2026-03-02T00:00:00Z) not served by Binance");
		});
	}

	@Test
	void orderOlderThanOrderRetentionGivesNoOrderType() {
		// given: the opening order was placed 91 days before now, the closing one recently
		SimulatedAccount account = new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.fill("BTCUSDT", 1, "LIMIT", "2026-03-11T00:00:00Z", BUY, BOTH, "100", "1", "0", "0.02", "USDT",
					"2026-03-12T00:00:00Z")
			.fill("BTCUSDT", 2, "LIMIT", SELL, BOTH, "100", "1", "0", "0.02", "USDT", "2026-06-01T06:00:00Z")
			.build("2026-06-10T00:00:00Z");

		// when
		TruthResult truth = GroundTruth.expected(account, "acc", FROM, TO, NOW, OPTIONS, INCOME_SERVED_FROM, true);

		// then
		assertThat(truth.trades()).singleElement().satisfies(trade -> {
			assertThat(trade.entryOrderType()).isNull();
			assertThat(trade.exitOrderType()).isEqualTo("LIMIT");
			assertThat(trade.fees()).isEqualByComparingTo(new BigDecimal("0.04"));
			// opened on the 00:00 funding time that is the income horizon itself: no funding missing
			assertThat(trade.warnings())
				.isEqualTo("ORDER_NOT_SERVED: entry order 10 (fill at 2026-03-12T00:00:00Z) not served by Binance");
		});
	}
}
