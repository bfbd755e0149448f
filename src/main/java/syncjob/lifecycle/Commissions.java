package syncjob.lifecycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns each fill's commission into what was paid: positive a fee, negative a rebate (a maker
 * rebate lowers {@code fees}, never raises them). Where the fill's COMMISSION income exists it
 * decides; elsewhere (before Binance's income horizon) the sign the other fills established does,
 * and a fee is taken as paid when no fill established one, as every real account reports fees.
 */
final class Commissions {

	private Commissions() {
	}

	record Normalized(List<Fill> fills, CommissionSign sign) {

	}

	static Normalized normalize(List<Fill> fills, TradeIncome income) {
		int positive = 0;
		int negative = 0;
		// each fill's paid commission looked up once, for the sign and for the fill
		BigDecimal[] paidByFill = new BigDecimal[fills.size()];
		for (int i = 0; i < paidByFill.length; i++) {
			Fill fill = fills.get(i);
			BigDecimal paid = paid(fill, income).orElse(null);
			paidByFill[i] = paid;
			if (paid == null || paid.signum() == 0) {
				continue;
			}
			if (fill.commission().compareTo(paid) == 0) {
				positive++;
			}
			else if (fill.commission().negate().compareTo(paid) == 0) {
				negative++;
			}
		}
		CommissionSign sign = positive == 0 && negative == 0 ? CommissionSign.UNKNOWN
				: negative > positive ? CommissionSign.PAID_NEGATIVE : CommissionSign.PAID_POSITIVE;
		List<Fill> normalized = new ArrayList<>(fills.size());
		for (int i = 0; i < paidByFill.length; i++) {
			Fill fill = fills.get(i);
			BigDecimal commission = paidByFill[i] != null ? paidByFill[i]
					: sign == CommissionSign.PAID_NEGATIVE ? fill.commission().negate() : fill.commission();
			normalized.add(commission.compareTo(fill.commission()) == 0 ? fill : withCommission(fill, commission));
		}
		return new Normalized(normalized, sign);
	}

	private static Optional<BigDecimal> paid(Fill fill, TradeIncome income) {
		return income.of(fill.id()).flatMap((entry) -> entry.commissionPaid(fill.commissionAsset()));
	}

	private static Fill withCommission(Fill fill, BigDecimal commission) {
		return new Fill(fill.symbol(), fill.id(), fill.orderId(), fill.side(), fill.positionSide(), fill.price(),
				fill.qty(), fill.realizedPnl(), commission, fill.commissionAsset(), fill.time(), fill.maker());
	}

}
