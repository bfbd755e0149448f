package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomized properties of the detail columns, over 1,000 seeds each. Each seed takes the
 * history of {@link LifecyclePropertiesTest#history} (one-way with flips or hedge, maker and
 * taker fills, BNB commissions), stretches its times by a factor from 1 to 100,000 (holds from
 * milliseconds to weeks, so most intervals are chosen), and serves random orders (some
 * missing, some liquidations, ADL and settlement ids) and random candles (some missing).
 */
class TradeDetailsPropertiesTest {

	private static final String SYMBOL = "BTCUSDT";

	private static final BigDecimal HALF_ULP = new BigDecimal("0.0000000000005");

	private static final String[] TYPES = { "LIMIT", "MARKET", "STOP_MARKET", "LIQUIDATION" };

	private static final String[] CLIENT_IDS = { null, "web_7", "autoclose-1596107620040000020", "adl_autoclose",
			"settlement_autoclose-1700000000", "my_autoclose-1" };

	static LongStream seeds() {
		return LongStream.range(0, 1_000);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void resultAgreesWithTheSignOfNetPnl(long seed) {
		Scenario scenario = Scenario.of(seed);
		for (Lifecycle lifecycle : scenario.closed()) {
			TradeEntry base = scenario.base(lifecycle);
			TradeDetails details = scenario.details(lifecycle, Optional.empty());
			TradeResult expected = base.netPnl().signum() > 0 ? TradeResult.WIN
					: base.netPnl().signum() < 0 ? TradeResult.LOSS : TradeResult.BREAKEVEN;
			assertThat(details.result()).as(scenario.at(lifecycle)).isEqualTo(expected);
			// the return never has the other sign (a tiny one rounds to 0 at 8 dp)
			assertThat(details.netReturnPct().signum() * base.netPnl().signum() >= 0)
				.as(scenario.at(lifecycle))
				.isTrue();
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void makerRatioIsBetweenZeroAndOne(long seed) {
		Scenario scenario = Scenario.of(seed);
		for (Lifecycle lifecycle : scenario.closed()) {
			BigDecimal ratio = scenario.details(lifecycle, Optional.empty()).makerRatio();
			assertThat(ratio.signum() >= 0 && ratio.compareTo(BigDecimal.ONE) <= 0)
				.as(scenario.at(lifecycle) + ": " + ratio)
				.isTrue();
			assertThat(ratio.scale()).as(scenario.at(lifecycle)).isEqualTo(12);
			boolean allMaker = lifecycle.parts().stream().allMatch(p -> p.fill().maker());
			boolean noMaker = lifecycle.parts().stream().noneMatch(p -> p.fill().maker());
			assertThat(ratio.compareTo(BigDecimal.ONE) == 0).as(scenario.at(lifecycle)).isEqualTo(allMaker);
			assertThat(ratio.signum() == 0).as(scenario.at(lifecycle)).isEqualTo(noMaker);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void excursionsLieWithinTheCandlesOfTheHold(long seed) {
		Scenario scenario = Scenario.of(seed);
		for (Lifecycle lifecycle : scenario.closed()) {
			CandleRange range = TradeDetails.candlesNeeded(lifecycle);
			List<Candle> candles = scenario.candles(range);
			TradeDetails details = scenario.details(lifecycle, Optional.of(candles));
			String at = scenario.at(lifecycle) + " " + range;
			List<Candle> hold = candles.stream().filter(c -> range.contains(c.openTime())).toList();
			if (hold.isEmpty()) {
				assertThat(details.maePrice()).as(at).isNull();
				assertThat(details.warnings()).as(at).isEqualTo(List.of(NotServed.klines(SYMBOL, range)));
				continue;
			}
			BigDecimal lowest = hold.stream().map(Candle::low).min(Comparator.naturalOrder()).orElseThrow();
			BigDecimal highest = hold.stream().map(Candle::high).max(Comparator.naturalOrder()).orElseThrow();
			assertThat(details.excursionInterval()).as(at).isEqualTo(range.interval());
			for (BigDecimal price : List.of(details.maePrice(), details.mfePrice())) {
				assertThat(price.compareTo(lowest) >= 0 && price.compareTo(highest) <= 0)
					.as(at + ": " + price)
					.isTrue();
			}
			int order = details.maePrice().compareTo(details.mfePrice());
			assertThat(lifecycle.direction() == Direction.LONG ? order <= 0 : order >= 0).as(at).isTrue();
			assertThat(details.maePct().compareTo(details.mfePct()) <= 0).as(at).isTrue();
			assertThat(details.warnings()).as(at).isEqualTo(List.of());
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void chosenIntervalIsTheFinestWithinTheLimit(long seed) {
		Scenario scenario = Scenario.of(seed);
		List<Instant[]> holds = new ArrayList<>();
		scenario.closed().forEach(l -> holds.add(new Instant[] { l.entryTime(), l.exitTime() }));
		SplittableRandom random = new SplittableRandom(seed ^ 0x1d7e);
		for (int i = 0; i < 20; i++) { // holds up to 498 days, from any millisecond
			Instant entry = Fills.T0.plusMillis(random.nextInt(86_400_000));
			long holdMillis = (long) Math.pow(10, random.nextDouble() * Math.log10(498 * 86_400_000.0));
			holds.add(new Instant[] { entry, entry.plusMillis(holdMillis) });
		}
		for (Instant[] hold : holds) {
			CandleRange range = CandleRange.covering(hold[0], hold[1]);
			String at = "seed " + seed + ": " + hold[0] + " .. " + hold[1];
			assertThat(range.count() <= CandleRange.MAX_CANDLES).as(at).isTrue();
			assertThat(range.interval().candlesCovering(hold[0], hold[1])).as(at).isEqualTo(range.count());
			assertThat(range.lastOpenTime())
				.as(at)
				.isEqualTo(range.firstOpenTime().plus(range.interval().length().multipliedBy(range.count() - 1)));
			assertThat(!range.firstOpenTime().isAfter(hold[0]) && !range.lastOpenTime().isAfter(hold[1]))
				.as(at)
				.isTrue();
			int index = range.interval().ordinal();
			if (index > 0) {
				KlineInterval finer = KlineInterval.values()[index - 1];
				assertThat(finer.candlesCovering(hold[0], hold[1]) > CandleRange.MAX_CANDLES).as(at).isTrue();
			}
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void liquidationExactlyWhenAClosingOrderIsOne(long seed) {
		Scenario scenario = Scenario.of(seed);
		for (Lifecycle lifecycle : scenario.closed()) {
			boolean liquidated = lifecycle.parts()
				.stream()
				.filter(part -> !part.opening())
				.map(part -> scenario.orders().get(part.fill().orderId()))
				.anyMatch(o -> o != null && ("LIQUIDATION".equals(o.type())
						|| o.clientOrderId() != null && o.clientOrderId().startsWith("autoclose-")));
			CloseReason reason = scenario.details(lifecycle, Optional.empty()).closeReason();
			assertThat(reason == CloseReason.LIQUIDATION)
				.as(scenario.at(lifecycle) + ": " + reason)
				.isEqualTo(liquidated);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void entryNotionalOverQuantityIsTheEntryPrice(long seed) {
		Scenario scenario = Scenario.of(seed);
		for (Lifecycle lifecycle : scenario.closed()) {
			TradeEntry base = scenario.base(lifecycle);
			BigDecimal notional = scenario.details(lifecycle, Optional.empty()).entryNotional();
			// both are rounded to 12 dp: |notional - price * qty| <= half an ulp of each, the price's times qty
			BigDecimal gap = notional.subtract(base.entryPrice().multiply(base.quantity())).abs();
			BigDecimal tolerance = HALF_ULP.add(HALF_ULP.multiply(base.quantity()));
			assertThat(gap.compareTo(tolerance) <= 0)
				.as(scenario.at(lifecycle) + ": gap " + gap.toPlainString())
				.isTrue();
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void openQuantityIsTheStreamsPosition(long seed) {
		Scenario scenario = Scenario.of(seed);
		Instant to = scenario.fills().stream().map(Fill::time).max(Comparator.naturalOrder()).orElseThrow()
			.plusMillis(1);
		List<Lifecycle> all = FundingAttributionTest.all(scenario.grouping());
		List<OpenPosition> positions = OpenPositions.at(to, all, List.of(), "USDT");
		Map<StreamKey, BigDecimal> streamPositions = new HashMap<>();
		scenario.fills().forEach(f -> streamPositions.merge(f.stream(), f.signedQty(), BigDecimal::add));
		long nonZero = streamPositions.values().stream().filter(p -> p.signum() != 0).count();
		assertThat(positions.size()).as("seed " + seed).isEqualTo(nonZero);
		for (OpenPosition position : positions) {
			Lifecycle open = scenario.grouping().open().stream()
				.filter(l -> l.stream().equals(position.stream()))
				.findFirst()
				.orElseThrow();
			BigDecimal signed = open.parts().stream()
				.map(p -> p.qty().multiply(BigDecimal.valueOf(p.fill().side().sign())))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			String at = "seed " + seed + ": " + open.tradeId();
			assertThat(signed.abs().compareTo(position.quantity())).as(at).isEqualTo(0);
			assertThat(streamPositions.get(position.stream()).abs().compareTo(position.quantity())).as(at).isEqualTo(0);
			assertThat(position.fillCount()).as(at).isEqualTo(open.parts().size());
			assertThat(position.entryPrice()).as(at).isNotNull();
		}
	}

	/** One seed's history, with the orders and candles Binance serves for it. */
	private record Scenario(long seed, List<Fill> fills, GroupingResult grouping, Map<Long, Order> orders,
			boolean ordersFetched, SplittableRandom random) {

		static Scenario of(long seed) {
			SplittableRandom random = new SplittableRandom(seed ^ 0xde7a11L);
			long stretch = (long) Math.pow(10, random.nextDouble() * 5);
			List<Fill> fills = LifecyclePropertiesTest.history(seed)
				.stream()
				.map(f -> Details.withTime(f, Fills.T0.plus(Duration.between(Fills.T0, f.time()).multipliedBy(stretch))))
				.toList();
			Map<Long, Order> orders = new HashMap<>();
			for (Fill fill : fills) {
				if (!orders.containsKey(fill.orderId()) && random.nextInt(8) != 0) {
					String type = TYPES[random.nextInt(10) == 0 ? 3 : random.nextInt(3)];
					String clientId = CLIENT_IDS[random.nextInt(CLIENT_IDS.length)];
					orders.put(fill.orderId(), new Order(SYMBOL, fill.orderId(), type, "FILLED", fill.side(),
							fill.positionSide(), fill.qty(), fill.qty(), fill.time(), fill.time(), clientId));
				}
			}
			return new Scenario(seed, fills, Lifecycles.group(SYMBOL, fills, Map.of()), orders,
					random.nextInt(5) != 0, random);
		}

		List<Lifecycle> closed() {
			return grouping.closed();
		}

		TradeEntry base(Lifecycle lifecycle) {
			return Details.base(lifecycle, "USDT", orders);
		}

		/** Every BNB minute served, at a close that depends on the minute. */
		TradeDetails details(Lifecycle lifecycle, Optional<List<Candle>> candles) {
			MinuteCloses closes = kline -> Optional
				.of(BigDecimal.valueOf(50_000 + Math.floorMod(kline.minute().getEpochSecond() / 60, 9_973), 2));
			return TradeDetails.of(lifecycle, base(lifecycle), "USDT", orders, ordersFetched, closes, candles);
		}

		/** The range's candles, about one in ten missing, plus two outside it with extreme prices. */
		List<Candle> candles(CandleRange range) {
			List<Candle> candles = new ArrayList<>();
			Duration length = range.interval().length();
			candles.add(extreme(range.firstOpenTime().minus(length)));
			boolean none = random.nextInt(20) == 0;
			for (long i = 0; i < range.count(); i++) {
				if (!none && random.nextInt(10) != 0) {
					BigDecimal low = BigDecimal.valueOf(8_000_000 + random.nextInt(4_000_000), 2);
					BigDecimal high = low.add(BigDecimal.valueOf(random.nextInt(100_000), 2));
					candles.add(new Candle(range.firstOpenTime().plus(length.multipliedBy(i)), low, high, low, high));
				}
			}
			candles.add(extreme(range.lastOpenTime().plus(length)));
			return candles;
		}

		private static Candle extreme(Instant openTime) {
			return new Candle(openTime, BigDecimal.ONE, new BigDecimal("1000000"), BigDecimal.ONE, BigDecimal.ONE);
		}

		String at(Lifecycle lifecycle) {
			return "seed " + seed + ": " + lifecycle.tradeId();
		}
	}
}
