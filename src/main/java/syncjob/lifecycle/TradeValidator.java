package syncjob.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Validation of a lifecycle's row (SPEC section 4): errors reject it, warnings mark it. */
public final class TradeValidator {

	public static final String PNL_MISMATCH = "PNL_MISMATCH";

	public static final String ZERO_COMMISSION_CLOSE = "ZERO_COMMISSION_CLOSE";

	public static final String NON_QUOTE_FEE = "NON_QUOTE_FEE";

	private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("0.001");

	private static final BigDecimal ABSOLUTE_TOLERANCE = new BigDecimal("0.01");

	private TradeValidator() {
	}

	public static ValidatedTrade validate(Lifecycle lifecycle, TradeEntry entry) {
		return validate(lifecycle, entry, List.of());
	}

	/** @param notServed the row's warnings about data Binance did not serve, after the contract's own */
	public static ValidatedTrade validate(Lifecycle lifecycle, TradeEntry entry, List<String> notServed) {
		List<String> errors = errors(lifecycle, entry);
		List<String> warnings = warnings(lifecycle, entry);
		warnings.addAll(notServed);
		ValidationStatus status = warnings.isEmpty() ? ValidationStatus.VALID : ValidationStatus.WARNING;
		String text = warnings.isEmpty() ? null : String.join("; ", warnings);
		return new ValidatedTrade(entry.withValidation(status, text), errors);
	}

	private static List<String> errors(Lifecycle lifecycle, TradeEntry entry) {
		List<String> errors = new ArrayList<>();
		if (entry.quantity().signum() <= 0) {
			errors.add("quantity " + entry.quantity().toPlainString() + " is not positive");
		}
		BigDecimal opening = BigDecimal.ZERO;
		BigDecimal closing = BigDecimal.ZERO;
		for (FillPart part : lifecycle.parts()) {
			Fill fill = part.fill();
			if (fill.qty().signum() <= 0) {
				errors.add("fill " + fill.id() + " has non-positive quantity " + fill.qty().toPlainString());
			}
			else if (part.qty().signum() <= 0) {
				errors.add("fill " + fill.id() + " has a part of non-positive quantity " + part.qty().toPlainString());
			}
			if (fill.price().signum() <= 0) {
				errors.add("fill " + fill.id() + " has non-positive price " + fill.price().toPlainString());
			}
			if (part.opening()) {
				opening = opening.add(part.qty());
			}
			else {
				closing = closing.add(part.qty());
			}
		}
		if (entry.exitTime().isBefore(entry.entryTime())) {
			errors.add("exit time " + entry.exitTime() + " is before entry time " + entry.entryTime());
		}
		if (opening.compareTo(closing) != 0) {
			errors.add("opening quantity " + opening.toPlainString() + " differs from closing quantity "
					+ closing.toPlainString());
		}
		StreamKey stream = lifecycle.stream();
		for (FillPart part : lifecycle.parts()) {
			Fill fill = part.fill();
			if (!fill.symbol().equals(stream.symbol())) {
				errors.add("fill " + fill.id() + " has symbol " + fill.symbol() + ", not the stream's "
						+ stream.symbol());
			}
			if (fill.positionSide() != stream.positionSide()) {
				errors.add("fill " + fill.id() + " has position side " + fill.positionSide() + ", not the stream's "
						+ stream.positionSide());
			}
		}
		return errors;
	}

	private static List<String> warnings(Lifecycle lifecycle, TradeEntry entry) {
		List<String> warnings = new ArrayList<>();
		if (entry.entryPrice() != null && entry.exitPrice() != null) {
			BigDecimal gross = entry.exitPrice().subtract(entry.entryPrice()).multiply(entry.quantity());
			BigDecimal recomputed = entry.direction() == Direction.LONG ? gross : gross.negate();
			if (!withinTolerance(recomputed.subtract(entry.realizedPnl()), recomputed)) {
				warnings.add(PNL_MISMATCH + ": recomputed gross PnL " + format8(recomputed) + " vs realized "
						+ format8(entry.realizedPnl()));
			}
		}
		TreeSet<Long> zeroCommission = new TreeSet<>();
		for (FillPart part : lifecycle.parts()) {
			if (!part.opening() && part.fill().commission().signum() == 0) {
				zeroCommission.add(part.fill().id());
			}
		}
		if (!zeroCommission.isEmpty()) {
			warnings.add(ZERO_COMMISSION_CLOSE + ": fills "
					+ zeroCommission.stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}
		if (entry.feeOther() != null) {
			warnings.add(NON_QUOTE_FEE + ": " + entry.feeOther());
		}
		return warnings;
	}

	/** |diff| <= max(0.001 * |reference|, 0.01): the contract's tolerance for money figures. */
	public static boolean withinTolerance(BigDecimal diff, BigDecimal reference) {
		BigDecimal tolerance = reference.abs().multiply(RELATIVE_TOLERANCE).max(ABSOLUTE_TOLERANCE);
		return diff.abs().compareTo(tolerance) <= 0;
	}

	private static String format8(BigDecimal value) {
		return value.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
	}
}
