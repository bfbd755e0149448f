package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.lifecycle.Fills.d;
import static syncjob.lifecycle.Fills.t;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each validation error of SPEC section 4, with the texts naming the problem and fill. */
class TradeValidatorTest {

	private static final StreamKey BTC = new StreamKey("BTCUSDT", PositionSide.BOTH);

	@Test
	void validTradeHasNoErrors() {
		ValidatedTrade trade = validate(
				Lifecycles.group("BTCUSDT", Fills.of("BTCUSDT").buy("1", "100").sell("1", "110").pnl("10").list(),
						Map.of()).closed().get(0));
		assertThat(trade.rejected()).isFalse();
		assertThat(trade.entry().validationStatus()).isEqualTo(ValidationStatus.VALID);
		assertThat(trade.entry().warnings()).isNull();
	}

	@Test
	void zeroQuantityLifecycle() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("0", "100").list();
		Lifecycle lifecycle = Lifecycles.group("BTCUSDT", fills, Map.of()).closed().get(0);
		assertThat(lifecycle.tradeId()).isEqualTo("BTCUSDT-SHORT-1");
		ValidatedTrade trade = validate(lifecycle);
		assertThat(trade.errors())
			.isEqualTo(List.of("quantity 0 is not positive", "fill 1 has non-positive quantity 0"));
		assertThat(trade.entry().entryPrice()).isNull();
		assertThat(trade.entry().exitPrice()).isNull();
	}

	@Test
	void nonPositiveFillQuantity() {
		List<Fill> zero = Fills.of("BTCUSDT").buy("1", "100").buy("0", "100").sell("1", "101").pnl("1").list();
		assertThat(validate(Lifecycles.group("BTCUSDT", zero, Map.of()).closed().get(0)).errors())
			.isEqualTo(List.of("fill 2 has non-positive quantity 0"));

		// a BUY of -1 moves the position like a SELL of 1
		List<Fill> negative = Fills.of("BTCUSDT").buy("2", "100").buy("-1", "101").sell("1", "101").list();
		assertThat(validate(Lifecycles.group("BTCUSDT", negative, Map.of()).closed().get(0)).errors())
			.isEqualTo(List.of("fill 2 has non-positive quantity -1"));
	}

	@Test
	void nonPositivePrice() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "-5").sell("1", "0").list();
		assertThat(validate(Lifecycles.group("BTCUSDT", fills, Map.of()).closed().get(0)).errors())
			.isEqualTo(List.of("fill 1 has non-positive price -5", "fill 2 has non-positive price 0"));
	}

	@Test
	void exitBeforeEntry() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").at(5).sell("1", "101").at(4).list();
		Lifecycle lifecycle = new Lifecycle(BTC, Direction.LONG,
				List.of(new FillPart(fills.get(0), d("1"), d("0"), d("0.01"), true, d("1")),
						new FillPart(fills.get(1), d("1"), d("1"), d("0.01"), false, d("0"))),
				true);
		assertThat(validate(lifecycle).errors())
			.isEqualTo(List.of("exit time " + t(4) + " is before entry time " + t(5)));
	}

	@Test
	void openingAndClosingQuantitiesDiffer() {
		// hedge: a fill crossing zero is applied whole, no flip
		List<Fill> fills = Fills.of("BTCUSDT")
			.side(PositionSide.LONG)
			.buy("1", "100")
			.sell("3", "101")
			.buy("2", "100")
			.list();
		GroupingResult grouping = Lifecycles.group("BTCUSDT", fills, Map.of());
		assertThat(grouping.closed().size()).isEqualTo(1);
		assertThat(validate(grouping.closed().get(0)).errors())
			.isEqualTo(List.of("opening quantity 4 differs from closing quantity 2"));
	}

	@Test
	void fillOfAnotherSymbol() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").sell("1", "110").symbol("ETHUSDT").list();
		Lifecycle lifecycle = Lifecycles.group("BTCUSDT", fills, Map.of()).closed().get(0);
		assertThat(validate(lifecycle).errors())
			.isEqualTo(List.of("fill 2 has symbol ETHUSDT, not the stream's BTCUSDT"));
	}

	@Test
	void fillOfAnotherPositionSide() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.side(PositionSide.LONG)
			.buy("1", "100")
			.sell("1", "110")
			.positionSide(PositionSide.BOTH)
			.list();
		LifecycleGrouper grouper = new LifecycleGrouper(new StreamKey("BTCUSDT", PositionSide.LONG), BigDecimal.ZERO);
		grouper.accept(fills.get(0));
		Lifecycle lifecycle = grouper.accept(fills.get(1)).get(0);
		assertThat(validate(lifecycle).errors())
			.isEqualTo(List.of("fill 2 has position side BOTH, not the stream's LONG"));
	}

	@Test
	void errorsAndWarningsTogether() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").sell("1", "0").fee("0").list();
		ValidatedTrade trade = validate(Lifecycles.group("BTCUSDT", fills, Map.of()).closed().get(0));
		assertThat(trade.rejected()).isTrue();
		assertThat(trade.errors()).isEqualTo(List.of("fill 2 has non-positive price 0"));
		assertThat(trade.entry().warnings())
			.isEqualTo("PNL_MISMATCH: recomputed gross PnL -100 vs realized 0; ZERO_COMMISSION_CLOSE: fills 2");
	}

	private static ValidatedTrade validate(Lifecycle lifecycle) {
		return TradeValidator.validate(lifecycle,
				TradeAggregator.aggregate(Rows.ACCOUNT, lifecycle, "USDT", BigDecimal.ZERO, Map.of()));
	}
}
