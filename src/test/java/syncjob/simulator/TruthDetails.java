package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import syncjob.lifecycle.CloseReason;
import syncjob.lifecycle.Direction;
import syncjob.lifecycle.KlineInterval;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.TradeDetails;
import syncjob.lifecycle.TradeResult;

/**
 * The columns of section 3b of one closed lifecycle, each as the contract states it, from the
 * account's fills and orders and the klines the exchange serves; with the warnings of what it
 * did not serve, fee prices first (by minute, then symbol), then the excursion's klines.
 */
final class TruthDetails {

	private static final int AMOUNT_SCALE = 12;

	private static final int PCT_SCALE = 8;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** The contract's intervals, finest first, with their lengths in seconds. */
	private static final String[] CODES = { "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h",
			"1d" };

	private static final long[] SECONDS = { 60, 180, 300, 900, 1_800, 3_600, 7_200, 14_400, 21_600, 28_800, 43_200,
			86_400 };

	private static final int MAX_CANDLES = 499;

	private TruthDetails() {
	}

	static TradeDetails of(TruthLifecycle lifecycle, String quoteAsset, BigDecimal netPnl, BigDecimal entryPrice,
			TruthOrderTypes orders, TruthKlines klines) {
		BigDecimal entryNotional = BigDecimal.ZERO;
		BigDecimal exitNotional = BigDecimal.ZERO;
		BigDecimal makerQty = BigDecimal.ZERO;
		BigDecimal allQty = BigDecimal.ZERO;
		for (TruthPart part : lifecycle.parts()) {
			BigDecimal notional = part.fill().price().multiply(part.qty());
			if (part.opening()) {
				entryNotional = entryNotional.add(notional);
			}
			else {
				exitNotional = exitNotional.add(notional);
			}
			allQty = allQty.add(part.qty());
			if (part.fill().maker()) {
				makerQty = makerQty.add(part.qty());
			}
		}
		entryNotional = entryNotional.setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN);
		exitNotional = exitNotional.setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN);
		long holdSeconds = Math.floorDiv(
				lifecycle.exitTime().toEpochMilli() - lifecycle.entryTime().toEpochMilli(), 1_000L);
		BigDecimal netReturnPct = netPnl.multiply(HUNDRED).divide(entryNotional, PCT_SCALE, RoundingMode.HALF_EVEN);
		TradeResult result = netPnl.signum() > 0 ? TradeResult.WIN
				: netPnl.signum() < 0 ? TradeResult.LOSS : TradeResult.BREAKEVEN;
		BigDecimal makerRatio = makerQty.divide(allQty, AMOUNT_SCALE, RoundingMode.HALF_EVEN);
		List<String> warnings = new ArrayList<>();
		BigDecimal feeOtherQuote = null;
		if (klines.valueOtherFees()) {
			feeOtherQuote = feeOtherQuote(lifecycle, quoteAsset, klines, warnings);
		}
		BigDecimal netPnlAllFees = feeOtherQuote == null ? null : netPnl.subtract(feeOtherQuote);
		KlineInterval interval = null;
		BigDecimal mae = null;
		BigDecimal mfe = null;
		BigDecimal maePct = null;
		BigDecimal mfePct = null;
		if (klines.excursions()) {
			int finest = finestInterval(lifecycle.entryTime(), lifecycle.exitTime());
			Instant first = openOf(lifecycle.entryTime(), SECONDS[finest]);
			Instant last = openOf(lifecycle.exitTime(), SECONDS[finest]);
			List<SimulatedCandle> candles = klines.candles(lifecycle.stream().symbol(), CODES[finest], first, last);
			if (candles.isEmpty()) {
				warnings.add("KLINES_NOT_SERVED: " + CODES[finest] + " candles of " + lifecycle.stream().symbol()
						+ " from " + first + " to " + last + " not served by Binance");
			}
			else {
				BigDecimal lowest = candles.stream().map(SimulatedCandle::low).reduce(BigDecimal::min).orElseThrow();
				BigDecimal highest = candles.stream().map(SimulatedCandle::high).reduce(BigDecimal::max).orElseThrow();
				boolean isLong = lifecycle.direction() == Direction.LONG;
				interval = KlineInterval.ofCode(CODES[finest]).orElseThrow();
				mae = isLong ? lowest : highest;
				mfe = isLong ? highest : lowest;
				maePct = pct(isLong, entryPrice, mae);
				mfePct = pct(isLong, entryPrice, mfe);
			}
		}
		return new TradeDetails(quoteAsset, holdSeconds, entryNotional, exitNotional, netReturnPct, result, makerRatio,
				closeReason(lifecycle, orders), feeOtherQuote, netPnlAllFees, interval, mae, mfe, maePct, mfePct,
				warnings);
	}

	/**
	 * LIQUIDATION if a served closing order is one (client order id {@code autoclose-} or type
	 * LIQUIDATION); null if orders are not fetched or a closing order is not served; then ADL,
	 * SETTLEMENT, TRADE by client order id.
	 */
	private static CloseReason closeReason(TruthLifecycle lifecycle, TruthOrderTypes orders) {
		boolean missing = false;
		boolean adl = false;
		boolean settlement = false;
		for (TruthPart part : lifecycle.parts()) {
			if (part.opening()) {
				continue;
			}
			Optional<Order> order = orders.served(part.fill());
			if (order.isEmpty()) {
				missing = true;
				continue;
			}
			String id = order.get().clientOrderId() == null ? "" : order.get().clientOrderId();
			if (id.startsWith("autoclose-") || "LIQUIDATION".equals(order.get().type())) {
				return CloseReason.LIQUIDATION;
			}
			adl |= id.startsWith("adl_autoclose");
			settlement |= id.startsWith("settlement_autoclose-");
		}
		if (!orders.includeOrders() || missing) {
			return null;
		}
		return adl ? CloseReason.ADL : settlement ? CloseReason.SETTLEMENT : CloseReason.TRADE;
	}

	/** Sum of commission * the minute's close over parts paid in another asset, rounded once; null if a close is missing. */
	private static BigDecimal feeOtherQuote(TruthLifecycle lifecycle, String quoteAsset, TruthKlines klines,
			List<String> warnings) {
		BigDecimal sum = BigDecimal.ZERO;
		// by minute, then symbol: the order the warnings are listed in
		Map<String, String> missing = new TreeMap<>();
		for (TruthPart part : lifecycle.parts()) {
			String asset = part.fill().commissionAsset();
			if (asset.equals(quoteAsset) || part.commission().signum() == 0) {
				continue;
			}
			String symbol = asset + quoteAsset;
			Instant minute = Instant.ofEpochMilli(Math.floorDiv(part.time().toEpochMilli(), 60_000L) * 60_000L);
			Optional<BigDecimal> close = klines.minuteClose(symbol, minute);
			if (close.isPresent()) {
				sum = sum.add(part.commission().multiply(close.get()));
			}
			else {
				missing.put(minute + " " + symbol, "FEE_PRICE_NOT_SERVED: " + symbol + " 1m close at " + minute
						+ " not served by Binance");
			}
		}
		if (!missing.isEmpty()) {
			warnings.addAll(missing.values());
			return null;
		}
		return sum.setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN);
	}

	private static int finestInterval(Instant entry, Instant exit) {
		for (int i = 0; i < SECONDS.length; i++) {
			long count = Math.floorDiv(exit.getEpochSecond(), SECONDS[i]) - Math.floorDiv(entry.getEpochSecond(),
					SECONDS[i]) + 1;
			if (count <= MAX_CANDLES) {
				return i;
			}
		}
		return SECONDS.length - 1;
	}

	private static Instant openOf(Instant t, long seconds) {
		return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
	}

	private static BigDecimal pct(boolean isLong, BigDecimal entryPrice, BigDecimal price) {
		BigDecimal gain = isLong ? price.subtract(entryPrice) : entryPrice.subtract(price);
		return gain.multiply(HUNDRED).divide(entryPrice, PCT_SCALE, RoundingMode.HALF_EVEN);
	}
}
