package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.lifecycle.PositionSide.BOTH;
import static syncjob.lifecycle.Side.BUY;
import static syncjob.lifecycle.Side.SELL;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.TradeEntry;
import syncjob.lifecycle.ValidationStatus;

/** What the oracle expects given what the exchange still serves: the income horizon, funding, orders. */
class GroundTruthServedTest {

	/** On 2026-06-10 three calendar months back is 2026-03-10 (92 days), 90 days back 2026-03-12. */
	private static final Instant NOW = Instant.parse("2026-06-10T00:00:00Z");

	private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");

	private static final Instant TO = Instant.parse("2026-06-02T00:00:00Z");

	private static final SimulatorOptions OPTIONS = SimulatorOptions.defaults();

	private static TradeEntry onlyRow(SimulatedAccount account, Instant incomeServedFrom, boolean includeOrders) {
		List<TradeEntry> trades = GroundTruth.expected(account, "acc", FROM, TO, NOW, OPTIONS, incomeServedFrom,
				includeOrders).trades();
		assertThat(trades).hasSize(1);
		return trades.get(0);
	}

	@Test
	void incomeIsServedFromTheOldestRecordWithinThreeCalendarMonthsOfAnyTypeOrSymbol() {
		SimulatedAccount account = new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.symbol("ETH", "USDT")
			.funding("BTCUSDT", "-1", "USDT", "2026-03-09T23:59:59.999Z")
			.funding("ETHUSDT", "-1", "USDT", "2026-03-10T08:00:00.004Z")
			.funding("BTCUSDT", "-1", "USDT", "2026-03-10T16:00:00.001Z")
			.build("2026-06-10T00:00:00Z");

		Instant served = GroundTruth.incomeServedFrom(account, NOW, OPTIONS);
		Instant later = GroundTruth.incomeServedFrom(account, NOW.plus(Duration.ofHours(12)), OPTIONS);
		Instant fixed = GroundTruth.incomeServedFrom(account, NOW,
				OPTIONS.toBuilder().incomeRetention(Duration.ofDays(1000)).build());

		assertThat(served).isEqualTo(Instant.parse("2026-03-10T08:00:00.004Z"));
		assertThat(later).as("a record ages out as the clock moves").isEqualTo(Instant.parse("2026-03-10T16:00:00.001Z"));
		assertThat(fixed).isEqualTo(Instant.parse("2026-03-09T23:59:59.999Z"));
	}

	@Test
	void withNoIncomeServedTheHorizonIsTheRetentionBound() {
		SimulatedAccount account = new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.funding("BTCUSDT", "-1", "USDT", "2026-01-01T00:00:00Z")
			.funding("BTCUSDT", "-1", "USDT", "2026-06-10T00:00:00.001Z")
			.build("2026-06-11T00:00:00Z");

		assertThat(GroundTruth.incomeServedFrom(account, NOW, OPTIONS)).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
	}

	@Test
	void fundingCountsFromTheLifecycleStartOverTheServedRecordsAndWarnsOfTheRest() {
		// open 100 days before now, funded 95, 92 (the oldest served record) and 85 days before now
		SimulatedAccount account = new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.fill("BTCUSDT", 1, "MARKET", BUY, BOTH, "100", "1", "0", "0.05", "USDT", "2026-03-02T00:00:00Z")
			.funding("BTCUSDT", "-3", "USDT", "2026-03-07T00:00:00Z")
			.funding("BTCUSDT", "-2", "USDT", "2026-03-10T00:00:00.002Z")
			.funding("BTCUSDT", "-1", "USDT", "2026-03-17T00:00:00Z")
			.fill("BTCUSDT", 2, "MARKET", SELL, BOTH, "100", "1", "0", "0.05", "USDT", "2026-06-01T06:00:00Z")
			.build("2026-06-10T00:00:00Z");
		Instant served = GroundTruth.incomeServedFrom(account, NOW, OPTIONS);

		TradeEntry row = onlyRow(account, served, false);

		assertThat(served).isEqualTo(Instant.parse("2026-03-10T00:00:00.002Z"));
		assertThat(row.fundingFees()).isEqualByComparingTo("-3");
		assertThat(row.netPnl()).isEqualByComparingTo("-3.1");
		assertThat(row.warnings())
			.isEqualTo("FUNDING_NOT_SERVED: funding before 2026-03-10T00:00:00.002Z not served by Binance");
		assertThat(row.validationStatus()).isEqualTo(ValidationStatus.WARNING);
	}

	@Test
	void fundingNotServedNeedsTheLifecycleOpenAtAGridTimeBeforeTheHorizon() {
		Instant horizon = Instant.parse("2026-05-31T16:00:00.003Z");

		assertThat(warnings("2026-05-31T16:00:00Z", "2026-06-01T01:00:00Z", horizon))
			.as("entry on the grid time: open at it").startsWith("FUNDING_NOT_SERVED");
		assertThat(warnings("2026-05-31T08:00:00.001Z", "2026-06-01T01:00:00Z", horizon))
			.as("open across 16:00, before the horizon").startsWith("FUNDING_NOT_SERVED");
		assertThat(warnings("2026-05-31T08:00:00.001Z", "2026-05-31T16:00:00Z", horizon))
			.as("exit on the grid time: no longer open at it").isNull();
		assertThat(warnings("2026-05-31T16:00:00.001Z", "2026-06-01T01:00:00Z", horizon))
			.as("first grid time after the entry is 00:00, after the horizon").isNull();
	}

	/** The warnings of one BTCUSDT long from entry to exit (exit in the window), funding served from the horizon. */
	private static String warnings(String entry, String exit, Instant horizon) {
		SimulatedAccount account = new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.fill("BTCUSDT", 1, "MARKET", BUY, BOTH, "100", "1", "0", "0.05", "USDT", entry)
			.fill("BTCUSDT", 2, "MARKET", SELL, BOTH, "100", "1", "0", "0.05", "USDT", exit)
			.build("2026-06-10T00:00:00Z");
		return GroundTruth.expected(account, "acc", Instant.parse("2026-05-31T00:00:00Z"), TO, NOW, OPTIONS, horizon,
				false).trades().get(0).warnings();
	}

	@Test
	void entryAndExitOrdersNoLongerServedAreWarnedOfInThatOrderAfterTheOtherWarnings() {
		// entry order placed 91 days before now; the exit's resting limit order too; BNB fee on the entry
		SimulatorOptions options = OPTIONS;
		SimulatedAccount account = new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.fill("BTCUSDT", 1, "LIMIT", "2026-03-11T00:00:00Z", BUY, BOTH, "100", "1", "0", "0.0001", "BNB",
					"2026-05-31T20:00:00Z")
			.fill("BTCUSDT", 2, "LIMIT", "2026-03-11T00:00:00Z", SELL, BOTH, "100", "1", "0", "0.02", "USDT",
					"2026-06-01T06:00:00Z")
			.build("2026-06-10T00:00:00Z");

		TradeEntry row = onlyRow(account, NOW.minus(Duration.ofDays(90)), true);
		TradeEntry withoutOrders = onlyRow(account, NOW.minus(Duration.ofDays(90)), false);

		assertThat(options.orderRetention().horizon(NOW)).isEqualTo(Instant.parse("2026-03-12T00:00:00Z"));
		assertThat(row.entryOrderType()).isNull();
		assertThat(row.exitOrderType()).isNull();
		assertThat(row.warnings()).isEqualTo("NON_QUOTE_FEE: BNB:0.0001; "
				+ "ORDER_NOT_SERVED: entry order 10 (fill at 2026-05-31T20:00:00Z) not served by Binance; "
				+ "ORDER_NOT_SERVED: exit order 20 (fill at 2026-06-01T06:00:00Z) not served by Binance");
		assertThat(withoutOrders.warnings()).isEqualTo("NON_QUOTE_FEE: BNB:0.0001");
	}

	@Test
	void feesArePaidAmountsWithARebateNegativeWhateverSignUserTradesServes() {
		// the exit is a maker fill with a rebate of 0.005 (a COMMISSION income of +0.005)
		SimulatedAccount account = new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.fill("BTCUSDT", 1, "MARKET", BUY, BOTH, "100", "1", "0", "0.05", "USDT", "2026-06-01T01:00:00Z")
			.fill("BTCUSDT", 2, "LIMIT", SELL, BOTH, "110", "1", "10", "-0.005", "USDT", "2026-06-01T06:00:00Z")
			.build("2026-06-10T00:00:00Z");
		SimulatorOptions negative = OPTIONS.toBuilder().commissionSign(CommissionSign.PAID_NEGATIVE).build();

		TradeEntry paidPositive = onlyRow(account, NOW.minus(Duration.ofDays(90)), true);
		TradeEntry paidNegative = GroundTruth.expected(account, "acc", FROM, TO, NOW, negative,
				NOW.minus(Duration.ofDays(90)), true).trades().get(0);

		assertThat(paidPositive.fees()).isEqualByComparingTo("0.045");
		assertThat(paidPositive.netPnl()).isEqualByComparingTo("9.955");
		assertThat(paidPositive.warnings()).isNull();
		assertThat(paidNegative).isEqualTo(paidPositive);
	}

	@Test
	void theRuleAtNowIsWhatTheOverloadWithoutAHorizonUses() {
		SimulatedAccount account = AccountGenerator.generate(GeneratorConfig.of(5, 8, 150, NOW));
		Instant served = GroundTruth.incomeServedFrom(account, NOW, OPTIONS);

		TruthResult byRule = GroundTruth.expected(account, "acc", NOW.minus(Duration.ofDays(100)), NOW, NOW, OPTIONS, true);
		TruthResult explicit = GroundTruth.expected(account, "acc", NOW.minus(Duration.ofDays(100)), NOW, NOW, OPTIONS,
				served, true);

		assertThat(served).isAfterOrEqualTo(OPTIONS.incomeRetention().horizon(NOW));
		assertThat(account.income().stream().map(IncomeRecord::time)).contains(served);
		assertThat(byRule).isEqualTo(explicit);
		assertThat(byRule.trades()).extracting(TradeEntry::warnings)
			.anyMatch(w -> w != null && w.contains("FUNDING_NOT_SERVED: funding before " + served))
			.anyMatch(w -> w != null && w.contains("ORDER_NOT_SERVED: entry order"));
		assertThat(account.income()).filteredOn(record -> record.is(IncomeType.FUNDING_FEE)).isNotEmpty();
	}
}
