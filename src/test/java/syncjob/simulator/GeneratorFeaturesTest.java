package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.StreamKey;

/** The situations the job must handle all occur in a default-sized account, whatever the seed. */
class GeneratorFeaturesTest {

	private static final Instant END = Instant.parse("2026-09-01T00:00:00Z");

	private static SimulatedAccount account(long seed) {
		return AccountGenerator.generate(GeneratorConfig.of(seed, 30, 150, END));
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42, 20260901 })
	void oneWayPositionsFlipInOneFill(long seed) {
		// given
		GeneratorReplay replay = new GeneratorReplay(account(seed));

		// when
		long flips = countFills(replay, PositionSide.BOTH, GeneratorReplay::crossesZero);

		// then
		assertThat(flips).as("flips, seed %d", seed).isGreaterThan(5);
		assertThat(countFills(replay, PositionSide.LONG, GeneratorReplay::crossesZero)
				+ countFills(replay, PositionSide.SHORT, GeneratorReplay::crossesZero)).isZero();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42, 20260901 })
	void positionsGrowAndShrinkPartiallyInEveryMode(long seed) {
		// given
		GeneratorReplay replay = new GeneratorReplay(account(seed));

		// when
		BiPredicate<BigDecimal, Fill> add = (before, fill) -> before.signum() != 0
				&& before.signum() == fill.signedQty().signum();
		BiPredicate<BigDecimal, Fill> partialClose = (before, fill) -> before.signum() != 0
				&& before.add(fill.signedQty()).signum() == before.signum()
				&& before.add(fill.signedQty()).abs().compareTo(before.abs()) < 0;

		// then
		for (PositionSide side : PositionSide.values()) {
			assertThat(countFills(replay, side, add)).as("adds on %s, seed %d", side, seed).isPositive();
			assertThat(countFills(replay, side, partialClose)).as("partial closes on %s, seed %d", side, seed)
				.isPositive();
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42, 20260901 })
	void aSymbolSwitchesFromOneWayToHedgeWhileFlat(long seed) {
		// given
		SimulatedAccount account = account(seed);

		// when
		Map<String, List<Fill>> bySymbol = account.fills().stream().collect(Collectors.groupingBy(Fill::symbol));
		List<String> switched = bySymbol.entrySet().stream().filter(entry -> {
			List<Fill> fills = entry.getValue();
			Instant lastOneWay = fills.stream().filter(fill -> fill.positionSide() == PositionSide.BOTH)
				.map(Fill::time).max(Instant::compareTo).orElse(null);
			Instant firstHedge = fills.stream().filter(fill -> fill.positionSide() != PositionSide.BOTH)
				.map(Fill::time).min(Instant::compareTo).orElse(null);
			BigDecimal oneWayEnd = fills.stream().filter(fill -> fill.positionSide() == PositionSide.BOTH)
				.map(Fill::signedQty).reduce(BigDecimal.ZERO, BigDecimal::add);
			return lastOneWay != null && firstHedge != null && lastOneWay.isBefore(firstHedge)
					&& oneWayEnd.signum() == 0;
		}).map(Map.Entry::getKey).toList();

		// then
		assertThat(switched).as("switched symbols, seed %d", seed).isNotEmpty();
		assertThat(account.dualSidePosition()).isTrue();
		assertThat(account.positions()).filteredOn(position -> switched.contains(position.symbol()))
			.extracting(position -> position.positionSide())
			.doesNotContain(PositionSide.BOTH);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42, 20260901 })
	void commissionsComeInQuoteInBnbAsZeroAndAsMakerRebates(long seed) {
		// given
		SimulatedAccount account = account(seed);

		// when
		Map<String, Long> byAsset = account.fills().stream()
			.filter(fill -> fill.commission().signum() != 0)
			.collect(Collectors.groupingBy(Fill::commissionAsset, Collectors.counting()));
		long zero = account.fills().stream().filter(fill -> fill.commission().signum() == 0).count();
		List<Fill> rebates = account.fills().stream().filter(fill -> fill.commission().signum() < 0).toList();

		// then
		assertThat(byAsset).as("commission assets, seed %d", seed).containsKeys("USDT", "USDC", "BNB");
		assertThat(zero).as("zero commissions, seed %d", seed).isPositive();
		assertThat(rebates).as("maker rebates, seed %d", seed).hasSizeBetween(1, account.fills().size() / 10)
			.allSatisfy(fill -> {
				assertThat(fill.maker()).isTrue();
				assertThat(fill.commissionAsset()).isEqualTo("USDT").isEqualTo(quoteOf(account, fill.symbol()));
			});
		assertThat(account.income()).filteredOn(record -> record.is(IncomeType.COMMISSION))
			.filteredOn(record -> record.income().signum() > 0)
			.as("a rebate is a positive COMMISSION income, seed %d", seed)
			.hasSameSizeAs(rebates);
	}

	@Test
	void rebatesAreOptional() {
		// given
		GeneratorConfig config = GeneratorConfig.of(42, 30, 150, END);

		// when
		SimulatedAccount without = AccountGenerator.generate(config.withMakerRebates(false));

		// then
		assertThat(AccountGenerator.generate(config).fills()).anyMatch(fill -> fill.commission().signum() < 0);
		assertThat(without.fills()).allSatisfy(fill -> assertThat(fill.commission().signum()).isNotNegative());
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42, 20260901 })
	void someOpeningFillsHaveNeitherCommissionNorPnlSoNoIncomeRecord(long seed) {
		// given
		GeneratorReplay replay = new GeneratorReplay(account(seed));

		// when: fills that open a position (from flat) paying nothing, USDC makers
		long silentOpenings = 0;
		for (List<Fill> fills : replay.streams().values()) {
			List<BigDecimal> before = GeneratorReplay.positionsBefore(fills);
			for (int i = 0; i < fills.size(); i++) {
				Fill fill = fills.get(i);
				if (before.get(i).signum() == 0 && fill.commission().signum() == 0 && fill.realizedPnl().signum() == 0) {
					silentOpenings++;
				}
			}
		}

		// then
		assertThat(silentOpenings).as("opening fills without income, seed %d", seed).isGreaterThan(3);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42, 20260901 })
	void ordersFillInSeveralFillsSomeInTheSameMillisecond(long seed) {
		// given
		SimulatedAccount account = account(seed);

		// when
		Map<String, Long> fillsPerOrder = account.fills().stream()
			.collect(Collectors.groupingBy(fill -> fill.symbol() + "/" + fill.orderId(), Collectors.counting()));
		long sameMillisecond = 0;
		List<Fill> fills = account.fills();
		for (int i = 1; i < fills.size(); i++) {
			if (fills.get(i).symbol().equals(fills.get(i - 1).symbol())
					&& fills.get(i).time().equals(fills.get(i - 1).time())) {
				sameMillisecond++;
			}
		}

		// then
		assertThat(fillsPerOrder.values()).as("fills per order, seed %d", seed).contains(1L, 2L, 3L);
		assertThat(sameMillisecond).as("same-millisecond fills, seed %d", seed).isGreaterThan(10);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42, 20260901 })
	void ordersOfEveryTypeEndFilledCanceledAfterAPartialFillOrExpired(long seed) {
		// given
		SimulatedAccount account = account(seed);

		// when
		Map<String, Long> filledByType = account.orders().stream()
			.filter(order -> order.executedQty().signum() > 0)
			.collect(Collectors.groupingBy(order -> order.type(), Collectors.counting()));
		List<String> outcomes = account.orders().stream()
			.map(order -> order.status() + (order.executedQty().signum() > 0 ? "/filled" : "/unfilled"))
			.toList();

		// then
		assertThat(filledByType).as("types, seed %d", seed).containsKeys("LIMIT", "MARKET", "STOP", "STOP_MARKET",
				"TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET");
		assertThat(outcomes).as("outcomes, seed %d", seed).contains("FILLED/filled", "CANCELED/filled",
				"CANCELED/unfilled", "EXPIRED/unfilled");
		assertThat(account.orderTerms()).extracting(OrderTerms::timeInForce).contains("GTC", "GTX", "GTD");
		assertThat(account.orderTerms()).filteredOn(OrderTerms::reduceOnly).isNotEmpty();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42, 20260901 })
	void somePositionsStayOpenAtTheEndAndAcrossMonthStarts(long seed) {
		// given
		SimulatedAccount account = account(seed);
		GeneratorReplay replay = new GeneratorReplay(account);

		// when
		long openAtEnd = account.positions().stream().filter(position -> position.positionAmt().signum() != 0).count();
		long openAcrossMonthStarts = 0;
		for (LocalDate month = LocalDate.of(2026, 5, 1); month.isBefore(LocalDate.of(2026, 9, 1)); month = month
			.plusMonths(1)) {
			Instant cut = month.atStartOfDay(ZoneOffset.UTC).toInstant();
			for (StreamKey stream : replay.streams().keySet()) {
				if (replay.positionAt(stream, cut).signum() != 0) {
					openAcrossMonthStarts++;
				}
			}
		}

		// then
		assertThat(openAtEnd).as("open at end, seed %d", seed).isGreaterThan(2);
		assertThat(openAcrossMonthStarts).as("open across month starts, seed %d", seed).isGreaterThan(4);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 42, 20260901 })
	void symbolsAreSortedUsdtAndUsdcQuotedWithTransfersAsNoise(long seed) {
		// given
		SimulatedAccount account = account(seed);

		// when
		List<String> names = account.symbols().stream().map(SymbolSpec::symbol).toList();

		// then
		assertThat(names).hasSize(30).isSorted().doesNotHaveDuplicates();
		assertThat(account.symbols()).extracting(SymbolSpec::quoteAsset).contains("USDT", "USDC");
		assertThat(account.symbols()).allSatisfy(
				spec -> assertThat(spec.symbol()).isEqualTo(spec.baseAsset() + spec.quoteAsset()));
		assertThat(account.income()).filteredOn(record -> record.is(IncomeType.TRANSFER)).isNotEmpty();
		assertThat(account.fills()).extracting(Fill::symbol).containsAll(names);
	}

	private static String quoteOf(SimulatedAccount account, String symbol) {
		return account.symbols().stream().filter(spec -> spec.symbol().equals(symbol)).findFirst().orElseThrow()
			.quoteAsset();
	}

	private static long countFills(GeneratorReplay replay, PositionSide side, BiPredicate<BigDecimal, Fill> test) {
		long count = 0;
		for (Map.Entry<StreamKey, List<Fill>> stream : replay.streams().entrySet()) {
			if (stream.getKey().positionSide() != side) {
				continue;
			}
			List<BigDecimal> before = GeneratorReplay.positionsBefore(stream.getValue());
			for (int i = 0; i < before.size(); i++) {
				if (test.test(before.get(i), stream.getValue().get(i))) {
					count++;
				}
			}
		}
		return count;
	}
}
