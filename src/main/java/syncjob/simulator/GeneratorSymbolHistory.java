package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;

/**
 * The whole history of one symbol: its streams per mode, exchange ids that increase with
 * time, funding, and the positions at the end.
 */
final class GeneratorSymbolHistory {

	private static final Comparator<GeneratedOrder> ORDER_TIME = Comparator.<GeneratedOrder>comparingLong(o -> o.timeMs)
		.thenComparingLong(o -> o.seq);

	private static final Comparator<GeneratedFill> FILL_TIME = Comparator.<GeneratedFill>comparingLong(f -> f.timeMs)
		.thenComparingLong(f -> f.seq);

	private GeneratorSymbolHistory() {
	}

	/**
	 * {@code random} drives prices, sizes and times; {@code terms} only what orders asked for
	 * beyond that (types' triggers, time in force, cancel times), so that the fills of a seed
	 * stay the same whatever order details are added. The symbol's own price path is always
	 * drawn from {@code random}, so the draws after it are the same whether its fills are priced
	 * on it or on the one {@code market} already has for the symbol.
	 */
	static GeneratedHistory generate(GeneratedSymbol symbol, int lifecycles, long startMs, long endMs,
			GeneratorFees fees, GeneratorMarket market, Random random, Random terms, GeneratorAutoCloses autoCloses) {
		GeneratorPricePath path = market.path(symbol.name(),
				new GeneratorPricePath(startMs, endMs, symbol.startTicks(), random));
		GeneratorSequence sequence = new GeneratorSequence();
		List<GeneratorStream> streams = new ArrayList<>();
		switch (symbol.mode()) {
			case ONE_WAY -> stream(symbol, PositionSide.BOTH, path, fees, random, terms, sequence, autoCloses, endMs,
					streams)
				.run(startMs, endMs, lifecycles, true, true);
			case HEDGE -> hedged(symbol, path, fees, random, terms, sequence, autoCloses, startMs, endMs,
					(lifecycles + 1) / 2, streams);
			case SWITCH -> {
				long switchMs = startMs + (endMs - startMs) * GeneratorRandom.between(random, 40, 60) / 100;
				stream(symbol, PositionSide.BOTH, path, fees, random, terms, sequence, autoCloses, endMs, streams)
					.run(startMs, switchMs, Math.max(1, lifecycles / 2), true, false);
				hedged(symbol, path, fees, random, terms, sequence, autoCloses, switchMs, endMs,
						Math.max(1, (lifecycles - lifecycles / 2 + 1) / 2), streams);
			}
		}
		List<GeneratedOrder> orders = new ArrayList<>();
		streams.forEach(stream -> orders.addAll(stream.orders()));
		orders.sort(ORDER_TIME);
		List<GeneratedFill> fills = new ArrayList<>();
		orders.forEach(order -> fills.addAll(order.fills));
		fills.sort(FILL_TIME);
		assignIds(orders, fills, random);
		List<GeneratorFunding.GeneratedFunding> funding = GeneratorFunding.events(symbol, fills, path, startMs, endMs,
				random);
		List<PositionSnapshot> positions = positions(symbol, streams, startMs);
		return new GeneratedHistory(symbol, fills.stream().map(fill -> toFill(symbol, fill)).toList(),
				orders.stream().map(order -> toOrder(symbol, order)).toList(),
				orders.stream().map(order -> toTerms(symbol, order)).toList(), positions, funding,
				markPrice(symbol, path.ticksAt(endMs), positions));
	}

	/**
	 * The mark price at the end: the price path's last level, one tick higher if that happens
	 * to be an open position's entry price (so unrealised profit is never trivially zero).
	 */
	private static BigDecimal markPrice(GeneratedSymbol symbol, long ticks, List<PositionSnapshot> positions) {
		long mark = ticks;
		while (isEntryPrice(symbol.price(mark), positions)) {
			mark++;
		}
		return symbol.price(mark);
	}

	private static boolean isEntryPrice(BigDecimal price, List<PositionSnapshot> positions) {
		return positions.stream()
			.anyMatch(p -> p.positionAmt().signum() != 0 && p.entryPrice().compareTo(price) == 0);
	}

	private static void hedged(GeneratedSymbol symbol, GeneratorPricePath path, GeneratorFees fees, Random random,
			Random terms, GeneratorSequence sequence, GeneratorAutoCloses autoCloses, long fromMs, long toMs,
			int lifecyclesPerSide,
			List<GeneratorStream> streams) {
		for (PositionSide side : List.of(PositionSide.LONG, PositionSide.SHORT)) {
			stream(symbol, side, path, fees, random, terms, sequence, autoCloses, toMs, streams).run(fromMs, toMs,
					lifecyclesPerSide, false, true);
		}
	}

	private static GeneratorStream stream(GeneratedSymbol symbol, PositionSide side, GeneratorPricePath path,
			GeneratorFees fees, Random random, Random terms, GeneratorSequence sequence, GeneratorAutoCloses autoCloses,
			long endMs, List<GeneratorStream> streams) {
		GeneratorStream stream = new GeneratorStream(symbol, side, path, fees, random, terms, sequence, autoCloses,
				endMs);
		streams.add(stream);
		return stream;
	}

	/**
	 * Ids start at a random per-symbol base and skip the ids of other traders' activity;
	 * fills of one order in the same millisecond get consecutive ids.
	 */
	private static void assignIds(List<GeneratedOrder> orders, List<GeneratedFill> fills, Random random) {
		long orderId = GeneratorRandom.between(random, 1_000_000_000L, 9_000_000_000L);
		for (GeneratedOrder order : orders) {
			orderId += GeneratorRandom.between(random, 1, 5_000);
			order.orderId = orderId;
		}
		long fillId = GeneratorRandom.between(random, 100_000_000L, 900_000_000L);
		GeneratedFill previous = null;
		for (GeneratedFill fill : fills) {
			boolean sameSweep = previous != null && previous.order == fill.order && previous.timeMs == fill.timeMs;
			fillId += sameSweep ? 1 : GeneratorRandom.between(random, 1, 3_000);
			fill.id = fillId;
			previous = fill;
		}
	}

	private static List<PositionSnapshot> positions(GeneratedSymbol symbol, List<GeneratorStream> streams,
			long startMs) {
		List<PositionSnapshot> positions = new ArrayList<>();
		for (GeneratorStream stream : streams) {
			boolean current = symbol.mode().hedgeAtEnd() == (stream.positionSide() != PositionSide.BOTH);
			if (!current) {
				continue;
			}
			GeneratedPositionBook book = stream.book();
			BigDecimal entry = book.position().signum() == 0 ? BigDecimal.ZERO
					: book.averageEntry().setScale(8, RoundingMode.HALF_EVEN);
			long updateMs = stream.lastFillMs() == Long.MIN_VALUE ? startMs : stream.lastFillMs();
			positions.add(new PositionSnapshot(symbol.name(), stream.positionSide(), book.position(), entry,
					Instant.ofEpochMilli(updateMs)));
		}
		positions.sort(Comparator.comparing(PositionSnapshot::positionSide));
		return positions;
	}

	private static Fill toFill(GeneratedSymbol symbol, GeneratedFill fill) {
		GeneratedOrder order = fill.order;
		return new Fill(symbol.name(), fill.id, order.orderId, order.side, order.positionSide, fill.price, fill.qty,
				fill.realizedPnl, fill.commission, fill.commissionAsset, fill.time, fill.maker);
	}

	private static Order toOrder(GeneratedSymbol symbol, GeneratedOrder order) {
		return new Order(symbol.name(), order.orderId, order.type, order.status, order.side, order.positionSide,
				symbol.qty(order.origSteps), symbol.qty(order.executedSteps), instant(order, order.timeMs),
				instant(order, order.updateTimeMs), order.clientOrderId);
	}

	private static OrderTerms toTerms(GeneratedSymbol symbol, GeneratedOrder order) {
		return new OrderTerms(symbol.name(), order.orderId, ticksOrZero(symbol, order.limitTicks),
				ticksOrZero(symbol, order.stopTicks), order.activateTicks == 0 ? null : symbol.price(order.activateTicks),
				order.priceRate, order.timeInForce, order.goodTillMs, order.reduceOnly);
	}

	private static BigDecimal ticksOrZero(GeneratedSymbol symbol, long ticks) {
		return ticks == 0 ? BigDecimal.ZERO : symbol.price(ticks);
	}

	/** Reuses a fill's Instant when the order time is one: saves an object per order in large accounts. */
	private static Instant instant(GeneratedOrder order, long timeMs) {
		for (GeneratedFill fill : order.fills) {
			if (fill.timeMs == timeMs) {
				return fill.time;
			}
		}
		return Instant.ofEpochMilli(timeMs);
	}

	/** One symbol's output, fills and orders (with their terms) sorted by id. */
	record GeneratedHistory(GeneratedSymbol symbol, List<Fill> fills, List<Order> orders, List<OrderTerms> terms,
			List<PositionSnapshot> positions, List<GeneratorFunding.GeneratedFunding> funding, BigDecimal markPrice) {
	}
}
