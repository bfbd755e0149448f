package syncjob.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
			assertEquals(0, sum(lifecycle, true).compareTo(sum(lifecycle, false)),
					"seed " + seed + ": " + lifecycle.tradeId());
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void realizedPnlAndCommissionAreKept(long seed) {
		List<Fill> fills = history(seed);
		GroupingResult grouping = Lifecycles.group(SYMBOL, fills, Map.of());
		assertTrue(grouping.incomplete().isEmpty(), "seed " + seed);
		List<FillPart> parts = FundingAttributionTest.all(grouping)
			.stream()
			.flatMap(l -> l.parts().stream())
			.toList();
		assertEquals(0, total(fills, Fill::realizedPnl).compareTo(total(parts, FillPart::realizedPnl)),
				"seed " + seed + ": realizedPnl");
		assertEquals(0, total(fills, Fill::commission).compareTo(total(parts, FillPart::commission)),
				"seed " + seed + ": commission");
		Map<Long, List<FillPart>> byFill = parts.stream().collect(Collectors.groupingBy(p -> p.fill().id()));
		assertEquals(fills.size(), byFill.size(), "seed " + seed + ": every fill is in a lifecycle");
		for (Fill fill : fills) {
			List<FillPart> fillParts = byFill.get(fill.id());
			assertEquals(0, fill.commission().compareTo(total(fillParts, FillPart::commission)),
					"seed " + seed + ": commission of fill " + fill.id());
			assertEquals(0, fill.qty().compareTo(total(fillParts, FillPart::qty)),
					"seed " + seed + ": qty of fill " + fill.id());
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void noZeroQuantityLifecycleOrPart(long seed) {
		for (Lifecycle lifecycle : FundingAttributionTest.all(Lifecycles.group(SYMBOL, history(seed), Map.of()))) {
			assertTrue(sum(lifecycle, true).signum() > 0, "seed " + seed + ": " + lifecycle.tradeId());
			for (FillPart part : lifecycle.parts()) {
				assertTrue(part.qty().signum() > 0, "seed " + seed + ": part of fill " + part.fill().id());
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
		assertTrue(before.incomplete().isEmpty(), "seed " + seed);
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

		assertEquals(byTradeId(onePass.closed()), byTradeId(closed), "seed " + seed + ", cut " + cut);
		assertEquals(byTradeId(onePass.open()), byTradeId(open), "seed " + seed + ", cut " + cut);
		assertEquals(rows(onePass.closed()), rows(closed), "seed " + seed + ", cut " + cut);
		assertEquals(rows(onePass.open()), rows(open), "seed " + seed + ", cut " + cut);
	}

	private static Lifecycle completed(Lifecycle earlier, Lifecycle rest, long seed) {
		assertTrue(earlier != null, "seed " + seed + ": " + rest.tradeId() + " has no earlier part");
		assertFalse(rest.complete(), "seed " + seed);
		assertEquals(earlier.direction(), rest.direction(), "seed " + seed + ": direction kept across the cut");
		List<FillPart> parts = new ArrayList<>(earlier.parts());
		parts.addAll(rest.parts());
		return new Lifecycle(earlier.stream(), earlier.direction(), parts, earlier.complete());
	}

	private static Map<String, Lifecycle> byTradeId(List<Lifecycle> lifecycles) {
		Map<String, Lifecycle> map = new LinkedHashMap<>();
		lifecycles.stream()
			.sorted(Comparator.comparing(Lifecycle::tradeId))
			.forEach(l -> assertEquals(null, map.put(l.tradeId(), l), "duplicate " + l.tradeId()));
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
