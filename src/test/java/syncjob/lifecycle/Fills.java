package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fluent fixture builder for fills: {@code Fills.of("BTCUSDT").buy("1", "100").at(3).fee("0.04")
 * .sell("1", "110").pnl("10").list()}. {@code buy}/{@code sell} start a fill; the other methods
 * change the fill started last. Defaults: ids 1, 2, 3... (each one more than the previous
 * fill's), time {@code t(n)} for the n-th fill, orderId 1000 + id, realizedPnl 0, commission
 * 0.01 USDT, position side as set by {@link #side(PositionSide)} (BOTH at first).
 */
final class Fills {

	static final Instant T0 = Instant.parse("2026-09-01T00:00:00Z");

	private final String symbol;

	private PositionSide positionSide = PositionSide.BOTH;

	private final List<Draft> drafts = new ArrayList<>();

	private Fills(String symbol) {
		this.symbol = symbol;
	}

	static Fills of(String symbol) {
		return new Fills(symbol);
	}

	/** T0 plus the given minutes. */
	static Instant t(long minute) {
		return T0.plusSeconds(60 * minute);
	}

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	/** Position side of the fills started from now on. */
	Fills side(PositionSide side) {
		this.positionSide = side;
		return this;
	}

	Fills buy(String qty, String price) {
		return add(Side.BUY, qty, price);
	}

	Fills sell(String qty, String price) {
		return add(Side.SELL, qty, price);
	}

	private Fills add(Side side, String qty, String price) {
		Draft draft = new Draft();
		draft.id = drafts.isEmpty() ? 1 : last().id + 1;
		draft.orderId = 1000 + draft.id;
		draft.time = t(drafts.size() + 1);
		draft.side = side;
		draft.qty = d(qty);
		draft.price = d(price);
		draft.positionSide = positionSide;
		draft.symbol = symbol;
		drafts.add(draft);
		return this;
	}

	Fills at(long minute) {
		return at(t(minute));
	}

	Fills at(Instant time) {
		last().time = time;
		return this;
	}

	Fills id(long id) {
		last().id = id;
		last().orderId = 1000 + id;
		return this;
	}

	Fills order(long orderId) {
		last().orderId = orderId;
		return this;
	}

	Fills pnl(String realizedPnl) {
		last().realizedPnl = d(realizedPnl);
		return this;
	}

	Fills fee(String commission) {
		last().commission = d(commission);
		return this;
	}

	Fills fee(String commission, String asset) {
		last().commission = d(commission);
		last().commissionAsset = asset;
		return this;
	}

	/** Position side of the last fill only. */
	Fills positionSide(PositionSide side) {
		last().positionSide = side;
		return this;
	}

	/** Symbol of the last fill only. */
	Fills symbol(String symbol) {
		last().symbol = symbol;
		return this;
	}

	List<Fill> list() {
		return drafts.stream().map(Draft::fill).toList();
	}

	/** The fill with this id. */
	Fill fill(long id) {
		return list().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
	}

	private Draft last() {
		if (drafts.isEmpty()) {
			throw new IllegalStateException("start a fill with buy or sell first");
		}
		return drafts.get(drafts.size() - 1);
	}

	private static final class Draft {

		long id;

		long orderId;

		Instant time;

		Side side;

		BigDecimal qty;

		BigDecimal price;

		BigDecimal realizedPnl = BigDecimal.ZERO;

		BigDecimal commission = new BigDecimal("0.01");

		String commissionAsset = "USDT";

		PositionSide positionSide;

		String symbol;

		Fill fill() {
			return new Fill(symbol, id, orderId, side, positionSide, price, qty, realizedPnl, commission,
					commissionAsset, time, false);
		}
	}
}
