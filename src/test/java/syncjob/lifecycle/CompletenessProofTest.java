package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.lifecycle.Fills.d;
import static syncjob.lifecycle.Fills.t;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The completeness proof: each check must fail on the data a missing fill leaves behind, and
 * hold on a complete history, so that no wrong lifecycle is ever recorded.
 */
class CompletenessProofTest {

	private static final Instant NOW = t(1_000);

	@Test
	void aCompleteHistoryWithItsIncomeRecordsEveryTrade() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("2", "100")
			.sell("1", "110").pnl("10")
			.buy("1", "130")
			.sell("2", "120").pnl("10")
			.list();

		SymbolOutcome outcome = process(fills, Map.of(), income(fills));

		assertThat(outcome.gaps()).isEmpty();
		assertThat(outcome.trades()).extracting(TradeEntry::binanceTradeId).containsExactly("BTCUSDT-LONG-1");
	}

	@Test
	void incomeNamingAFillThatWasNotServedWithholdsEveryLifecycleUpToItButNotLaterOnes() {
		List<Fill> all = Fills.of("BTCUSDT")
			.buy("1", "100").at(10)
			.sell("1", "110").at(20).pnl("10")
			.buy("1", "100").at(30)
			.sell("1", "105").at(40).pnl("5")
			.list();
		// fill 2 realized PnL and paid a fee: its income names it, but userTrades did not serve it
		List<Fill> served = List.of(all.get(0), all.get(2), all.get(3));
		// today flat: the position before the served fills is derived as 0 - (1 + 1 - 1) = -1
		Map<StreamKey, BigDecimal> start = Map.of(new StreamKey("BTCUSDT", PositionSide.BOTH), d("-1"));

		SymbolOutcome outcome = process(served, start, income(all));

		assertThat(outcome.gaps()).singleElement().satisfies((gap) -> {
			assertThat(gap.reason()).isEqualTo("fill 2 at " + t(20) + " has income but was not served by userTrades");
			assertThat(gap.side()).isEmpty();
		});
		assertThat(outcome.trades()).extracting(TradeEntry::binanceTradeId).containsExactly("BTCUSDT-LONG-3");
		assertThat(outcome.figures().fillGaps()).hasSize(1);
	}

	@Test
	void aHiddenOpeningFillWithNeitherFeeNorPnlMovesTheAverageAndTheLifecycleIsWithheld() {
		// buy 1 @ 100, buy 1 @ 120 (zero fee, zero PnL: no income names it), sell 2 @ 130 realizing
		// 2 * (130 - 110) = 40. Without the middle fill the served fills make a lifecycle of 1
		// opened at 100 whose close would realize 30 on 1, never 40 on 2.
		List<Fill> all = Fills.of("BTCUSDT")
			.buy("1", "100")
			.buy("1", "120").fee("0")
			.sell("2", "130").pnl("40")
			.list();
		List<Fill> served = List.of(all.get(0), all.get(2));
		// the position before the served fills is derived from today's (flat): 0 - (1 - 2) = 1
		Map<StreamKey, BigDecimal> start = Map.of(new StreamKey("BTCUSDT", PositionSide.BOTH), d("1"));

		SymbolOutcome outcome = process(served, start, income(all));

		assertThat(outcome.trades()).isEmpty();
		assertThat(outcome.incomplete()).hasSize(1);
		// and when the lookback (wrongly) finds a start at the first served fill instead
		SymbolOutcome fromZero = process(served, Map.of(), income(all));
		assertThat(fromZero.trades()).isEmpty();
		assertThat(fromZero.withheld()).extracting(Lifecycle::tradeId).containsExactly("BTCUSDT-LONG-1");
		assertThat(fromZero.gaps()).singleElement()
			.satisfies((gap) -> assertThat(gap.reason()).contains("realized 40 where the fills served imply"));
	}

	@Test
	void anOpeningFillThatRealizedPnlProvesAFillMissing() {
		// the fills say flat, then a buy that opens; but the buy realized 10, so it closed a short
		List<Fill> served = Fills.of("BTCUSDT").buy("1", "90").pnl("10").sell("1", "100").pnl("10").list();

		SymbolOutcome outcome = process(served, Map.of(), income(served));

		assertThat(outcome.trades()).isEmpty();
		assertThat(outcome.gaps()).singleElement()
			.satisfies((gap) -> assertThat(gap.reason())
				.isEqualTo("fill 1 at " + t(1) + " realized 10 though the fills served make it an opening fill"));
	}

	@Test
	void aHedgeStreamThatChangesSignProvesAFillMissing() {
		List<Fill> served = Fills.of("BTCUSDT")
			.side(PositionSide.LONG)
			.buy("1", "100")
			.sell("2", "110").pnl("10")
			.list();

		SymbolOutcome outcome = process(served, Map.of(), income(served));

		assertThat(outcome.trades()).isEmpty();
		assertThat(outcome.gaps()).isNotEmpty()
			.allSatisfy((gap) -> assertThat(gap.side()).contains(PositionSide.LONG));
	}

	@Test
	void aRealizedPnlDifferentFromItsIncomeProvesTheFillsWrong() {
		List<Fill> served = Fills.of("BTCUSDT").buy("1", "100").sell("1", "110").pnl("10").list();
		List<IncomeRecord> income = new ArrayList<>(income(served));
		income.replaceAll((r) -> r.is(IncomeType.REALIZED_PNL)
				? new IncomeRecord(r.symbol(), r.incomeType(), d("11"), r.asset(), r.time(), r.tranId(), r.tradeId(), "")
				: r);

		SymbolOutcome outcome = process(served, Map.of(), income);

		assertThat(outcome.gaps()).singleElement()
			.satisfies((gap) -> assertThat(gap.reason()).isEqualTo("fill 2 realized 10 but its REALIZED_PNL income is 11"));
	}

	@Test
	void incomeBeforeTheCheckedSpanOrAfterNowIsNotChecked() {
		List<Fill> all = Fills.of("BTCUSDT").buy("1", "100").at(10).sell("1", "110").at(20).pnl("10").list();

		SymbolOutcome outcome = SymbolPipeline.process(new SymbolInput(Rows.ACCOUNT, "BTCUSDT", "USDT", t(0), NOW,
				NOW, List.of(), Map.of(), income(all), t(25), ServedData.orders(Map.of())));

		assertThat(outcome.gaps()).isEmpty();
	}

	static SymbolOutcome process(List<Fill> fills, Map<StreamKey, BigDecimal> start, List<IncomeRecord> income) {
		return SymbolPipeline.process(new SymbolInput(Rows.ACCOUNT, "BTCUSDT", "USDT", t(0), NOW, NOW, fills, start,
				income, t(0), new ServedData(Map.of(), false, Set.of(), Optional.empty())));
	}

	/** The REALIZED_PNL and COMMISSION income Binance writes for the fills. */
	static List<IncomeRecord> income(List<Fill> fills) {
		List<IncomeRecord> income = new ArrayList<>();
		for (Fill fill : fills) {
			if (fill.realizedPnl().signum() != 0) {
				income.add(new IncomeRecord(fill.symbol(), IncomeType.REALIZED_PNL, fill.realizedPnl(), "USDT",
						fill.time(), "P" + fill.id(), String.valueOf(fill.id()), ""));
			}
			if (fill.commission().signum() != 0) {
				income.add(new IncomeRecord(fill.symbol(), IncomeType.COMMISSION, fill.commission().negate(),
						fill.commissionAsset(), fill.time(), "C" + fill.id(), String.valueOf(fill.id()), ""));
			}
		}
		return income;
	}

}
