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
 * (every symbol and side, zero or not). The simulator has no market, so the mark price is
 * the entry price and unrealised profit is zero.
 */
final class PositionRiskEndpoint implements EndpointHandler {

	private static final BigDecimal LEVERAGE = BigDecimal.valueOf(20);

	private static final BigDecimal MAINTENANCE_RATE = new BigDecimal("0.004");

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
		BigDecimal initialMargin = notional.abs().divide(LEVERAGE, 8, RoundingMode.HALF_EVEN);
		ObjectNode row = ExchangeJson.object();
		row.put("symbol", position.symbol());
		row.put("positionSide", position.positionSide().name());
		ExchangeJson.decimal(row, "positionAmt", position.positionAmt());
		ExchangeJson.decimal(row, "entryPrice", position.entryPrice());
		ExchangeJson.decimal(row, "breakEvenPrice", position.entryPrice());
		ExchangeJson.decimal(row, "markPrice", mark);
		ExchangeJson.decimal(row, "unRealizedProfit", BigDecimal.ZERO);
		ExchangeJson.decimal(row, "liquidationPrice", BigDecimal.ZERO);
		ExchangeJson.decimal(row, "isolatedMargin", BigDecimal.ZERO);
		ExchangeJson.decimal(row, "notional", notional);
		row.put("marginAsset", quoteAsset(position));
		ExchangeJson.decimal(row, "isolatedWallet", BigDecimal.ZERO);
		ExchangeJson.decimal(row, "initialMargin", initialMargin);
		ExchangeJson.decimal(row, "maintMargin", notional.abs().multiply(MAINTENANCE_RATE));
		ExchangeJson.decimal(row, "positionInitialMargin", initialMargin);
		ExchangeJson.decimal(row, "openOrderInitialMargin", BigDecimal.ZERO);
		row.put("adl", 0);
		ExchangeJson.decimal(row, "bidNotional", BigDecimal.ZERO);
		ExchangeJson.decimal(row, "askNotional", BigDecimal.ZERO);
		ExchangeJson.time(row, "updateTime", position.updateTime());
		return row;
	}

	private ObjectNode v2Row(PositionSnapshot position) {
		BigDecimal mark = markPrice(position);
		ObjectNode row = ExchangeJson.object();
		ExchangeJson.decimal(row, "entryPrice", position.entryPrice());
		ExchangeJson.decimal(row, "breakEvenPrice", position.entryPrice());
		row.put("marginType", "cross");
		row.put("isAutoAddMargin", "false");
		ExchangeJson.decimal(row, "isolatedMargin", BigDecimal.ZERO);
		row.put("leverage", LEVERAGE.toPlainString());
		ExchangeJson.decimal(row, "liquidationPrice", BigDecimal.ZERO);
		ExchangeJson.decimal(row, "markPrice", mark);
		row.put("maxNotionalValue", "1000000");
		ExchangeJson.decimal(row, "positionAmt", position.positionAmt());
		ExchangeJson.decimal(row, "notional", position.positionAmt().multiply(mark));
		ExchangeJson.decimal(row, "isolatedWallet", BigDecimal.ZERO);
		row.put("symbol", position.symbol());
		ExchangeJson.decimal(row, "unRealizedProfit", BigDecimal.ZERO);
		row.put("positionSide", position.positionSide().name());
		ExchangeJson.time(row, "updateTime", position.updateTime());
		return row;
	}

	private static BigDecimal markPrice(PositionSnapshot position) {
		return position.entryPrice() == null ? BigDecimal.ZERO : position.entryPrice();
	}

	private String quoteAsset(PositionSnapshot position) {
		return book.symbol(position.symbol()).map(SymbolSpec::quoteAsset).orElse("USDT");
	}
}
