package syncjob.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A lifecycle's journal row (SPEC section 3, the {@code trade_entries} columns). */
public final class TradeAggregator {

	private static final int MEAN_SCALE = 12;

	private TradeAggregator() {
	}

	/**
	 * Builds the row with validationStatus VALID and warnings null; {@link TradeValidator}
	 * decides the final values. A mean price over a zero quantity is null (validation rejects
	 * such a lifecycle).
	 *
	 * @param fundingFees its attributed funding, null meaning none
	 * @param ordersById  orders by id; may be empty (or miss an order): the order types are null
	 */
	public static TradeEntry aggregate(String account, Lifecycle lifecycle, String quoteAsset,
			BigDecimal fundingFees, Map<Long, Order> ordersById) {
		List<FillPart> parts = lifecycle.parts();
		BigDecimal openQty = BigDecimal.ZERO;
		BigDecimal openNotional = BigDecimal.ZERO;
		BigDecimal closeQty = BigDecimal.ZERO;
		BigDecimal closeNotional = BigDecimal.ZERO;
		BigDecimal realizedPnl = BigDecimal.ZERO;
		BigDecimal fees = BigDecimal.ZERO;
		Map<String, BigDecimal> otherFees = new TreeMap<>();
		BigDecimal maxPosition = null;
		FillPart firstOpening = null;
		FillPart lastClosing = null;
		for (FillPart part : parts) {
			BigDecimal notional = part.qty().multiply(part.fill().price());
			if (part.opening()) {
				openQty = openQty.add(part.qty());
				openNotional = openNotional.add(notional);
				firstOpening = firstOpening == null ? part : firstOpening;
			}
			else {
				closeQty = closeQty.add(part.qty());
				closeNotional = closeNotional.add(notional);
				lastClosing = part;
			}
			realizedPnl = realizedPnl.add(part.realizedPnl());
			String asset = part.fill().commissionAsset();
			if (asset.equals(quoteAsset)) {
				fees = fees.add(part.commission());
			}
			else {
				otherFees.merge(asset, part.commission(), BigDecimal::add);
			}
			BigDecimal position = part.positionAfter().abs();
			maxPosition = maxPosition == null || position.compareTo(maxPosition) > 0 ? position : maxPosition;
		}
		String feeOther = otherFees.isEmpty() ? null
				: otherFees.entrySet()
					.stream()
					.map(e -> e.getKey() + ":" + e.getValue().stripTrailingZeros().toPlainString())
					.collect(Collectors.joining(", "));
		BigDecimal funding = fundingFees == null ? BigDecimal.ZERO : fundingFees;
		Map<Long, Order> orders = ordersById == null ? Map.of() : ordersById;
		StreamKey stream = lifecycle.stream();
		return new TradeEntry(account, TradeEntry.SOURCE_BINANCE, lifecycle.tradeId(), stream.symbol(),
				lifecycle.direction(), stream.positionSide(), lifecycle.entryTime(), lifecycle.exitTime(), openQty,
				mean(openNotional, openQty), mean(closeNotional, closeQty), realizedPnl, fees, feeOther, funding,
				realizedPnl.subtract(fees).add(funding), parts.size(), maxPosition, orderType(firstOpening, orders),
				orderType(lastClosing, orders), ValidationStatus.VALID, null);
	}

	private static BigDecimal mean(BigDecimal notional, BigDecimal qty) {
		return qty.signum() == 0 ? null : notional.divide(qty, MEAN_SCALE, RoundingMode.HALF_EVEN);
	}

	private static String orderType(FillPart part, Map<Long, Order> orders) {
		return Optional.ofNullable(part).map(p -> orders.get(p.fill().orderId())).map(Order::type).orElse(null);
	}
}
