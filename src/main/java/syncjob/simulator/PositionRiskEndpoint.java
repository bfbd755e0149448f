package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;

/**
 * {@code GET /fapi/v3/positionRisk} (only non-zero positions) and {@code /fapi/v2/positionRisk}
 * (every symbol and side, zero or not), cross margin at 20x. The mark price is the account's
 * (the generator's price path at the end; for a hand-made account without one, the symbol's
 * last fill price, else the entry price), unrealised profit {@code (mark - entry) * positionAmt},
 * notional {@code positionAmt * mark}, and margins, break-even and liquidation prices follow
 * from them as Binance's formulas roughly do for a cross position.
 */
final class PositionRiskEndpoint implements EndpointHandler {

	private static final BigDecimal LEVERAGE = BigDecimal.valueOf(20);

	private static final BigDecimal MAINTENANCE_RATE = new BigDecimal("0.004");

	/** Taker fee to open and to close: what the price must move to break even. */
	private static final BigDecimal ROUND_TRIP_FEE = new BigDecimal("0.0010");

	private static final int SCALE = 8;

	private final AccountBook book;

	private final boolean everySide;

	private PositionRiskEndpoint(AccountBook book, boolean everySide) {
		this.book = book;
		this.everySide = everySide;
	}

	static PositionRiskEndpoint v3(AccountBook book) {
		return new PositionRiskEndpoint(book, false);
	}

	static PositionRiskEndpoint v2(AccountBook book) {
		return new PositionRiskEndpoint(book, true);
	}

	@Override
	public JsonNode respond(QueryParams params, Instant serverNow) {
		Optional<String> symbol = params.text("symbol");
		symbol.ifPresent(book::listedSymbol);
		ArrayNode rows = ExchangeJson.array();
		for (PositionSnapshot position : served(symbol)) {
			if (everySide) {
				rows.add(v2Row(position));
			}
			else {
				rows.add(v3Row(position));
			}
		}
		return rows;
	}

	private List<PositionSnapshot> served(Optional<String> symbol) {
		List<PositionSnapshot> served = new ArrayList<>();
		if (!everySide) {
			book.positions()
				.stream()
				.filter(p -> p.positionAmt().signum() != 0)
				.filter(p -> symbol.isEmpty() || symbol.get().equals(p.symbol()))
				.forEach(served::add);
			return served;
		}
		List<PositionSide> sides = book.dualSidePosition()
				? List.of(PositionSide.BOTH, PositionSide.LONG, PositionSide.SHORT) : List.of(PositionSide.BOTH);
		for (SymbolSpec spec : book.symbols()) {
			if (symbol.isPresent() && !symbol.get().equals(spec.symbol())) {
				continue;
			}
			for (PositionSide side : sides) {
				served.add(book.position(spec.symbol(), side)
					.orElse(new PositionSnapshot(spec.symbol(), side, BigDecimal.ZERO, BigDecimal.ZERO, null)));
			}
		}
		return served;
	}

	private ObjectNode v3Row(PositionSnapshot position) {
		BigDecimal mark = markPrice(position);
		BigDecimal notional = position.positionAmt().multiply(mark);
		BigDecimal initialMargin = notional.abs().divide(LEVERAGE, SCALE, RoundingMode.HALF_EVEN);
		ObjectNode row = ExchangeJson.object();
		row.put("symbol", position.symbol());
		row.put("positionSide", position.positionSide().name());
		ExchangeJson.decimal(row, "positionAmt", position.positionAmt());
		ExchangeJson.decimal(row, "entryPrice", position.entryPrice());
		ExchangeJson.decimal(row, "breakEvenPrice", breakEven(position));
		ExchangeJson.decimal(row, "markPrice", mark);
		ExchangeJson.decimal(row, "unRealizedProfit", unrealized(position, mark));
		ExchangeJson.decimal(row, "liquidationPrice", liquidation(position));
		ExchangeJson.decimal(row, "isolatedMargin", BigDecimal.ZERO);
		ExchangeJson.decimal(row, "notional", notional);
		row.put("marginAsset", quoteAsset(position));
		ExchangeJson.decimal(row, "isolatedWallet", BigDecimal.ZERO);
		ExchangeJson.decimal(row, "initialMargin", initialMargin);
		ExchangeJson.decimal(row, "maintMargin", notional.abs().multiply(MAINTENANCE_RATE));
		ExchangeJson.decimal(row, "positionInitialMargin", initialMargin);
		ExchangeJson.decimal(row, "openOrderInitialMargin", BigDecimal.ZERO);
		row.put("adl", position.positionAmt().signum() == 0 ? 0 : 1);
		ExchangeJson.decimal(row, "bidNotional", BigDecimal.ZERO);
		ExchangeJson.decimal(row, "askNotional", BigDecimal.ZERO);
		ExchangeJson.time(row, "updateTime", position.updateTime());
		return row;
	}

	private ObjectNode v2Row(PositionSnapshot position) {
		BigDecimal mark = markPrice(position);
		ObjectNode row = ExchangeJson.object();
		ExchangeJson.decimal(row, "entryPrice", position.entryPrice());
		ExchangeJson.decimal(row, "breakEvenPrice", breakEven(position));
		row.put("marginType", "cross");
		row.put("isAutoAddMargin", "false");
		ExchangeJson.decimal(row, "isolatedMargin", BigDecimal.ZERO);
		row.put("leverage", LEVERAGE.toPlainString());
		ExchangeJson.decimal(row, "liquidationPrice", liquidation(position));
		ExchangeJson.decimal(row, "markPrice", mark);
		row.put("maxNotionalValue", "1000000");
		ExchangeJson.decimal(row, "positionAmt", position.positionAmt());
		ExchangeJson.decimal(row, "notional", position.positionAmt().multiply(mark));
		ExchangeJson.decimal(row, "isolatedWallet", BigDecimal.ZERO);
		row.put("symbol", position.symbol());
		ExchangeJson.decimal(row, "unRealizedProfit", unrealized(position, mark));
		row.put("positionSide", position.positionSide().name());
		ExchangeJson.time(row, "updateTime", position.updateTime());
		return row;
	}

	private BigDecimal markPrice(PositionSnapshot position) {
		return book.markPrice(position.symbol()).orElse(entryPrice(position));
	}

	private static BigDecimal entryPrice(PositionSnapshot position) {
		return position.entryPrice() == null ? BigDecimal.ZERO : position.entryPrice();
	}

	private static BigDecimal unrealized(PositionSnapshot position, BigDecimal mark) {
		if (position.positionAmt().signum() == 0) {
			return BigDecimal.ZERO;
		}
		return mark.subtract(entryPrice(position)).multiply(position.positionAmt());
	}

	/** The entry price moved by the fees of opening and closing, against the position. */
	private static BigDecimal breakEven(PositionSnapshot position) {
		int sign = position.positionAmt().signum();
		if (sign == 0) {
			return BigDecimal.ZERO;
		}
		BigDecimal factor = sign > 0 ? BigDecimal.ONE.add(ROUND_TRIP_FEE) : BigDecimal.ONE.subtract(ROUND_TRIP_FEE);
		return entryPrice(position).multiply(factor).setScale(SCALE, RoundingMode.HALF_EVEN);
	}

	/** Where the margin of the position alone would be used up: 1/leverage less maintenance away from entry. */
	private BigDecimal liquidation(PositionSnapshot position) {
		int sign = position.positionAmt().signum();
		if (sign == 0) {
			return BigDecimal.ZERO;
		}
		BigDecimal distance = BigDecimal.ONE.divide(LEVERAGE).subtract(MAINTENANCE_RATE);
		BigDecimal factor = sign > 0 ? BigDecimal.ONE.subtract(distance) : BigDecimal.ONE.add(distance);
		return entryPrice(position).multiply(factor)
			.setScale(book.pricePrecision(position.symbol()), RoundingMode.HALF_EVEN);
	}

	private String quoteAsset(PositionSnapshot position) {
		return book.symbol(position.symbol()).map(SymbolSpec::quoteAsset).orElse("USDT");
	}
}
