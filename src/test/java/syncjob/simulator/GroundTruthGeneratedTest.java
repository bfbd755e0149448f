package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.TradeEntry;

/** The oracle against generated accounts: conservation laws that must hold whatever the data. */
class GroundTruthGeneratedTest {

	private static final Instant END = Instant.parse("2026-09-01T00:00:00Z");

	private static final List<String> ORDER_TYPES = List.of("LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT",
			"TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET");

	/** Every fill and all income served; orders for the default 90 days. */
	private static final SimulatorOptions FOREVER = SimulatorOptions.builder()
		.tradeRetention(Duration.ofDays(100_000))
		.incomeRetention(Duration.ofDays(100_000))
		.build();

	static Stream<GeneratorConfig> configs() {
		Random random = new Random(777);
		return LongStream.range(0, 5).mapToObj(i -> new GeneratorConfig(random.nextLong(), 2 + random.nextInt(20),
				20 + random.nextInt(200), END, 1 + random.nextInt(12), 0, random.nextInt(5) / 4.0));
	}

	@ParameterizedTest
	@MethodSource("configs")
	void generatedRowsAreWellFormedWithoutPnlMismatch(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);

		// when
		TruthResult truth = wholeHistory(account, config);

		// then
		assertThat(truth.trades()).as("%s", config).isNotEmpty().allSatisfy(trade -> {
			assertThat(trade.quantity().signum()).isPositive();
			assertThat(trade.entryPrice().signum()).isPositive();
			assertThat(trade.exitPrice().signum()).isPositive();
			assertThat(trade.exitTime()).isAfterOrEqualTo(trade.entryTime());
			assertThat(trade.fillCount()).isGreaterThanOrEqualTo(2);
			// the largest position held is reached by opening parts, whose quantities add up to quantity
			assertThat(trade.maxPosition()).isPositive().isLessThanOrEqualTo(trade.quantity());
			assertThat(trade.netPnl())
				.isEqualByComparingTo(trade.realizedPnl().subtract(trade.fees()).add(trade.fundingFees()));
			assertThat(trade.warnings() == null ? "" : trade.warnings()).as("%s, %s", trade, config)
				.doesNotContain("PNL_MISMATCH");
			// orders are served for 90 days: a day of margin covers orders resting before their fill
			Instant ordersServed = END.minus(Duration.ofDays(89));
			assertThat(trade.entryOrderType()).isIn(trade.entryTime().isAfter(ordersServed) ? ORDER_TYPES
					: trade.entryTime().isBefore(ordersServed.minus(Duration.ofDays(2))) ? nullOnly() : withNull());
			assertThat(trade.exitOrderType()).isIn(trade.exitTime().isAfter(ordersServed) ? ORDER_TYPES
					: trade.exitTime().isBefore(ordersServed.minus(Duration.ofDays(2))) ? nullOnly() : withNull());
			// an order type is missing exactly when the exchange no longer serves that order
			assertThat(trade.warnings() != null && trade.warnings().contains("ORDER_NOT_SERVED: entry order"))
				.as("%s", trade).isEqualTo(trade.entryOrderType() == null);
			assertThat(trade.warnings() != null && trade.warnings().contains("ORDER_NOT_SERVED: exit order"))
				.as("%s", trade).isEqualTo(trade.exitOrderType() == null);
		});
		assertThat(truth.trades()).extracting(TradeEntry::binanceTradeId).isSorted().doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@MethodSource("configs")
	void splittingIntoLifecyclesKeepsEveryPnlCommissionAndFundingAmount(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);

		// when
		List<TruthLifecycle> lifecycles = TruthLifecycles.of(account.fills());
		BigDecimal attributed = TruthFunding.attribute(lifecycles, account.income(), Instant.MIN.plusSeconds(1))
			.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

		// then: the generator charges funding only while a position is open, so none is unattributed
		BigDecimal partsPnl = lifecycles.stream().flatMap(lifecycle -> lifecycle.parts().stream())
			.map(TruthPart::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal partsCommission = lifecycles.stream().flatMap(lifecycle -> lifecycle.parts().stream())
			.map(TruthPart::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(partsPnl).as("%s", config).isEqualByComparingTo(sum(account.fills(), Fill::realizedPnl));
		assertThat(partsCommission).as("%s", config).isEqualByComparingTo(sum(account.fills(), Fill::commission));
		BigDecimal funding = account.income().stream().filter(record -> record.is(IncomeType.FUNDING_FEE))
			.map(IncomeRecord::income).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(attributed).as("%s", config).isEqualByComparingTo(funding);
	}

	@ParameterizedTest
	@MethodSource("configs")
	void consecutiveWindowsTogetherGiveTheWholeHistory(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);
		Instant start = END.minus(Duration.ofDays(config.days() + 1L));

		// when
		List<TradeEntry> windows = new ArrayList<>();
		for (Instant from = start; from.isBefore(END); from = from.plus(Duration.ofDays(17))) {
			Instant to = from.plus(Duration.ofDays(17)).isBefore(END) ? from.plus(Duration.ofDays(17)) : END;
			windows.addAll(GroundTruth.expected(account, "acc", from, to, END, FOREVER, true).trades());
		}

		// then
		assertThat(windows).as("%s", config).containsExactlyInAnyOrderElementsOf(wholeHistory(account, config).trades());
	}

	@ParameterizedTest
	@MethodSource("configs")
	void lifecyclesOpenAtTheEndAreTheOpenPositions(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);

		// when
		TruthResult truth = wholeHistory(account, config);

		// then
		List<String> openStreams = truth.openAtToTradeIds().stream()
			.map(id -> id.substring(0, id.indexOf('-')))
			.toList();
		long openPositions = account.positions().stream().filter(position -> position.positionAmt().signum() != 0)
			.count();
		assertThat(openStreams).as("%s", config).hasSize((int) openPositions);
		assertThat(account.positions()).filteredOn(position -> position.positionAmt().signum() != 0)
			.allSatisfy(position -> assertThat(openStreams).contains(position.symbol()));
	}

	@ParameterizedTest
	@MethodSource("configs")
	void lifecyclesStartedBeyondTradeRetentionAreIncompleteInsteadOfRows(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);
		Instant from = END.minus(Duration.ofDays(config.days() + 1L));
		int retention = Math.max(1, config.days() / 2);

		// when
		TruthResult limited = GroundTruth.expected(account, "acc", from, END, END,
				FOREVER.toBuilder().tradeRetention(Duration.ofDays(retention)).build(), true);
		TruthResult complete = wholeHistory(account, config);

		// then
		Instant horizon = END.minus(Duration.ofDays(retention));
		List<String> expectedIncomplete = complete.trades().stream()
			.filter(trade -> trade.entryTime().isBefore(horizon))
			.map(TradeEntry::binanceTradeId)
			.toList();
		assertThat(limited.incompleteTradeIds()).as("%s", config).containsExactlyElementsOf(expectedIncomplete);
		assertThat(limited.trades()).as("%s", config)
			.allSatisfy(trade -> assertThat(trade.entryTime()).isAfterOrEqualTo(horizon))
			.hasSize(complete.trades().size() - expectedIncomplete.size());
	}

	private static List<String> nullOnly() {
		return Collections.singletonList(null);
	}

	private static List<String> withNull() {
		List<String> types = new ArrayList<>(ORDER_TYPES);
		types.add(null);
		return types;
	}

	private static TruthResult wholeHistory(SimulatedAccount account, GeneratorConfig config) {
		Instant from = END.minus(Duration.ofDays(config.days() + 1L));
		return GroundTruth.expected(account, "acc", from, END, END, FOREVER, true);
	}

	private static BigDecimal sum(List<Fill> fills, Function<Fill, BigDecimal> amount) {
		return fills.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
