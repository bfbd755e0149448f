package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomized properties of grouping, over 1,000 seeds each. Each seed builds one symbol's
 * history: one-way (with flips) or hedge (LONG and SHORT streams), same-millisecond fills,
 * commissions in USDT, BNB or zero, fills shuffled.
 */
class LifecyclePropertiesTest {

	private static final String SYMBOL = "BTCUSDT";

	static LongStream seeds() {
		return LongStream.range(0, 1_000);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void openingQuantityEqualsClosingQuantity(long seed) {
		for (Lifecycle lifecycle : Lifecycles.group(SYMBOL, history(seed), Map.of()).closed()) {
			assertThat(sum(lifecycle, true).compareTo(sum(lifecycle, false)))
				.as("seed " + seed + ": " + lifecycle.tradeId())
				.isEqualTo(0);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void realizedPnlAndCommissionAreKept(long seed) {
		List<Fill> fills = history(seed);
		GroupingResult grouping = Lifecycles.group(SYMBOL, fills, Map.of());
		assertThat(grouping.incomplete().isEmpty()).as("seed " + seed).isTrue();
		List<FillPart> parts = FundingAttributionTest.all(grouping)
			.stream()
			.flatMap(l -> l.parts().stream())
			.toList();
		assertThat(total(fills, Fill::realizedPnl).compareTo(total(parts, FillPart::realizedPnl)))
			.as("seed " + seed + ": realizedPnl")
			.isEqualTo(0);
		assertThat(total(fills, Fill::commission).compareTo(total(parts, FillPart::commission)))
			.as("seed " + seed + ": commission")
			.isEqualTo(0);
		Map<Long, List<FillPart>> byFill = parts.stream().collect(Collectors.groupingBy(p -> p.fill().id()));
		assertThat(byFill.size()).as("seed " + seed + ": every fill is in a lifecycle").isEqualTo(fills.size());
		for (Fill fill : fills) {
			List<FillPart> fillParts = byFill.get(fill.id());
			assertThat(fill.commission().compareTo(total(fillParts, FillPart::commission)))
				.as("seed " + seed + ": commission of fill " + fill.id())
				.isEqualTo(0);
			assertThat(fill.qty().compareTo(total(fillParts, FillPart::qty)))
				.as("seed " + seed + ": qty of fill " + fill.id())
				.isEqualTo(0);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void noZeroQuantityLifecycleOrPart(long seed) {
		for (Lifecycle lifecycle : FundingAttributionTest.all(Lifecycles.group(SYMBOL, history(seed), Map.of()))) {
			assertThat(sum(lifecycle, true).signum() > 0).as("seed " + seed + ": " + lifecycle.tradeId()).isTrue();
			for (FillPart part : lifecycle.parts()) {
				assertThat(part.qty().signum() > 0).as("seed " + seed + ": part of fill " + part.fill().id()).isTrue();
			}
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void twoSlicesGroupLikeOnePass(long seed) {
		List<Fill> fills = new ArrayList<>(history(seed));
		fills.sort(Fill.STREAM_ORDER);
		int cut = new Random(seed ^ 0x5eed).nextInt(fills.size() + 1);
		List<Fill> first = fills.subList(0, cut);
		List<Fill> second = fills.subList(cut, fills.size());

		GroupingResult onePass = Lifecycles.group(SYMBOL, fills, Map.of());
		GroupingResult before = Lifecycles.group(SYMBOL, first, Map.of());
		assertThat(before.incomplete().isEmpty()).as("seed " + seed).isTrue();
		Map<StreamKey, BigDecimal> positionsAtCut = new HashMap<>();
		for (Fill fill : first) {
			positionsAtCut.merge(new StreamKey(SYMBOL, fill.positionSide()), fill.signedQty(), BigDecimal::add);
		}
		GroupingResult after = Lifecycles.group(SYMBOL, second, positionsAtCut);

		// the lifecycle open at the cut, per stream, completed with its earlier fills
		Map<StreamKey, Lifecycle> openAtCut = new HashMap<>();
		before.open().forEach(l -> openAtCut.put(l.stream(), l));
		List<Lifecycle> closed = new ArrayList<>(before.closed());
		closed.addAll(after.closed());
		List<Lifecycle> open = new ArrayList<>();
		for (Lifecycle lifecycle : after.incomplete()) {
			closed.add(completed(openAtCut.remove(lifecycle.stream()), lifecycle, seed));
		}
		for (Lifecycle lifecycle : after.open()) {
			open.add(lifecycle.complete() ? lifecycle
					: completed(openAtCut.remove(lifecycle.stream()), lifecycle, seed));
		}
		open.addAll(openAtCut.values()); // open at the cut, no fill after it

		assertThat(byTradeId(closed)).as("seed " + seed + ", cut " + cut).isEqualTo(byTradeId(onePass.closed()));
		assertThat(byTradeId(open)).as("seed " + seed + ", cut " + cut).isEqualTo(byTradeId(onePass.open()));
		assertThat(rows(closed)).as("seed " + seed + ", cut " + cut).isEqualTo(rows(onePass.closed()));
		assertThat(rows(open)).as("seed " + seed + ", cut " + cut).isEqualTo(rows(onePass.open()));
	}

	private static Lifecycle completed(Lifecycle earlier, Lifecycle rest, long seed) {
		assertThat(earlier != null).as("seed " + seed + ": " + rest.tradeId() + " has no earlier part").isTrue();
		assertThat(rest.complete()).as("seed " + seed).isFalse();
		assertThat(rest.direction())
			.as("seed " + seed + ": direction kept across the cut")
			.isEqualTo(earlier.direction());
		List<FillPart> parts = new ArrayList<>(earlier.parts());
		parts.addAll(rest.parts());
		return new Lifecycle(earlier.stream(), earlier.direction(), parts, earlier.complete());
	}

	private static Map<String, Lifecycle> byTradeId(List<Lifecycle> lifecycles) {
		Map<String, Lifecycle> map = new LinkedHashMap<>();
		lifecycles.stream()
			.sorted(Comparator.comparing(Lifecycle::tradeId))
			.forEach(l -> assertThat(map.put(l.tradeId(), l)).as("duplicate " + l.tradeId()).isNull());
		return map;
	}

	private static Map<String, TradeEntry> rows(List<Lifecycle> lifecycles) {
		Map<String, TradeEntry> rows = new LinkedHashMap<>();
		byTradeId(lifecycles).forEach((id, l) -> rows.put(id, TradeValidator
			.validate(l, TradeAggregator.aggregate("acc", l, "USDT", BigDecimal.ZERO, Map.of()))
			.entry()));
		return rows;
	}

	private static BigDecimal sum(Lifecycle lifecycle, boolean opening) {
		return total(lifecycle.parts().stream().filter(p -> p.opening() == opening).toList(), FillPart::qty);
	}

	private static <T> BigDecimal total(List<T> items, Function<T, BigDecimal> value) {
		return items.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** A random, well-formed history of one symbol, shuffled. */
	static List<Fill> history(long seed) {
		Random random = new Random(seed);
		boolean hedge = random.nextInt(3) == 0;
		int count = 1 + random.nextInt(60);
		Map<PositionSide, BigDecimal> positions = new HashMap<>();
		List<Fill> fills = new ArrayList<>();
		Instant time = Fills.T0;
		for (int i = 0; i < count; i++) {
			if (random.nextInt(4) != 0) {
				time = time.plusMillis(1 + random.nextInt(5_000)); // else the same millisecond
			}
			PositionSide positionSide = hedge ? (random.nextBoolean() ? PositionSide.LONG : PositionSide.SHORT)
					: PositionSide.BOTH;
			BigDecimal position = positions.getOrDefault(positionSide, BigDecimal.ZERO);
			BigDecimal qty = randomQty(random);
			Side side;
			if (positionSide == PositionSide.BOTH) {
				side = random.nextBoolean() ? Side.BUY : Side.SELL;
				int pick = random.nextInt(4);
				if (pick == 0 && position.signum() != 0) {
					qty = position.abs(); // close exactly
					side = position.signum() > 0 ? Side.SELL : Side.BUY;
				}
				else if (pick == 1 && position.signum() != 0) {
					qty = position.abs().add(randomQty(random)); // flip
					side = position.signum() > 0 ? Side.SELL : Side.BUY;
				}
			}
			else {
				Side opens = positionSide == PositionSide.LONG ? Side.BUY : Side.SELL;
				Side closes = opens == Side.BUY ? Side.SELL : Side.BUY;
				if (position.signum() != 0 && random.nextBoolean()) {
					side = closes;
					qty = random.nextBoolean() ? position.abs() : qty.min(position.abs());
				}
				else {
					side = opens;
				}
			}
			positions.put(positionSide, position.add(side == Side.BUY ? qty : qty.negate()));
			BigDecimal commission = switch (random.nextInt(5)) {
				case 0 -> BigDecimal.ZERO;
				default -> BigDecimal.valueOf(random.nextInt(1_000_000), 8);
			};
			String asset = random.nextInt(6) == 0 ? "BNB" : "USDT";
			BigDecimal pnl = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 8);
			BigDecimal price = BigDecimal.valueOf(9_000_000 + random.nextInt(2_000_000), 2);
			long id = 1000 + 3L * i; // in time order; within a millisecond, ids give the order
			fills.add(new Fill(SYMBOL, id, id / 2, side, positionSide, price, qty, pnl, commission, asset, time,
					random.nextBoolean()));
		}
		Collections.shuffle(fills, random); // group() orders them
		return fills;
	}

	private static BigDecimal randomQty(Random random) {
		return BigDecimal.valueOf(1 + random.nextInt(5_000), 3);
	}
}
