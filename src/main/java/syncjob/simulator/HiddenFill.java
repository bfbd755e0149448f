package syncjob.simulator;

import java.util.Objects;

/**
 * A fill the exchange has lost: userTrades never serves it, while its income records, its
 * order's executed quantity and the positions stay as they were.
 */
public record HiddenFill(String symbol, long id) {

	public HiddenFill {
		Objects.requireNonNull(symbol, "symbol");
	}

	/** {@code SYMBOL:ID}, as {@code --hide-fill} takes it. */
	public static HiddenFill parse(String text) {
		int colon = text.lastIndexOf(':');
		if (colon <= 0 || colon == text.length() - 1) {
			throw new IllegalArgumentException("a hidden fill is SYMBOL:ID, got '" + text + "'");
		}
		try {
			return new HiddenFill(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("a hidden fill is SYMBOL:ID with a numeric id, got '" + text + "'", e);
		}
	}

	@Override
	public String toString() {
		return symbol + ":" + id;
	}
}
