package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fixtures for the journal's detail columns: maker fills, orders, candles, minute closes. */
final class Details {

	private Details() {
	}

	/** The fills with {@code maker = true} for the given ids (fixtures of {@link Fills} are takers). */
	static List<Fill> maker(List<Fill> fills, Long... ids) {
		Set<Long> makers = Set.of(ids);
		return fills.stream().map(f -> makers.contains(f.id()) ? withMaker(f, true) : f).toList();
	}

	static Fill withMaker(Fill f, boolean maker) {
		return new Fill(f.symbol(), f.id(), f.orderId(), f.side(), f.positionSide(), f.price(), f.qty(),
				f.realizedPnl(), f.commission(), f.commissionAsset(), f.time(), maker);
	}

	static Fill withTime(Fill f, Instant time) {
		return new Fill(f.symbol(), f.id(), f.orderId(), f.side(), f.positionSide(), f.price(), f.qty(),
				f.realizedPnl(), f.commission(), f.commissionAsset(), time, f.maker());
	}

	/** Closed lifecycles of the fills, from a flat start, in exit order. */
	static List<Lifecycle> closed(String symbol, List<Fill> fills) {
		return Lifecycles.group(symbol, fills, Map.of()).closed();
	}

	/** The basic row as the pipeline builds it, no funding. */
	static TradeEntry base(Lifecycle lifecycle, String quoteAsset, Map<Long, Order> orders) {
		return TradeAggregator.aggregate(Rows.ACCOUNT, lifecycle, quoteAsset, null, orders);
	}

	/** The details with orders fetched as given, every fee price served by {@code closes}. */
	static TradeDetails details(Lifecycle lifecycle, String quoteAsset, Map<Long, Order> orders, boolean fetched,
			MinuteCloses closes, Optional<List<Candle>> candles) {
		return TradeDetails.of(lifecycle, base(lifecycle, quoteAsset, orders), quoteAsset, orders, fetched, closes,
				candles);
	}

	static Order order(long orderId, String type, String clientOrderId) {
		return new Order("BTCUSDT", orderId, type, "FILLED", Side.BUY, PositionSide.BOTH, BigDecimal.ONE,
				BigDecimal.ONE, Fills.T0, Fills.T0, clientOrderId);
	}

	static Map<Long, Order> orders(Order... orders) {
		Map<Long, Order> byId = new HashMap<>();
		for (Order order : orders) {
			byId.put(order.orderId(), order);
		}
		return byId;
	}

	/** A candle whose open and close lie inside [low, high]; only high and low are read. */
	static Candle candle(Instant openTime, String high, String low) {
		return new Candle(openTime, new BigDecimal(low), new BigDecimal(high), new BigDecimal(low),
				new BigDecimal(high));
	}

	/** Closes served for exactly these klines: symbol, minute, close, symbol, minute, close... */
	static MinuteCloses closes(Object... symbolMinuteClose) {
		Map<PriceMinute, BigDecimal> served = new HashMap<>();
		for (int i = 0; i < symbolMinuteClose.length; i += 3) {
			served.put(new PriceMinute((String) symbolMinuteClose[i], (Instant) symbolMinuteClose[i + 1]),
					new BigDecimal((String) symbolMinuteClose[i + 2]));
		}
		return kline -> Optional.ofNullable(served.get(kline));
	}

	/** Exact decimal equality up to trailing zeros; null equals only null. */
	static boolean same(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}
}
