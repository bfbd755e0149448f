package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.lifecycle.Fills.d;
import static syncjob.lifecycle.Fills.t;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReconcilerTest {

	@Test
	void perSymbolAndTotal() {
		SymbolFigures btc = new SymbolFigures("BTCUSDT", "USDT", d("10"), Map.of("USDT", d("0.5"), "BNB", d("0.001")),
				d("8"), d("2"), d("0"), d("0"), d("-0.2"), d("0"), 1, 0, 1, 0);
		SymbolFigures eth = new SymbolFigures("ETHUSDT", "USDT", d("5"), Map.of("USDT", d("0.2")), d("3"), d("0"),
				d("2"), d("0"), d("0"), d("0"), 1, 1, 0, 0);
		List<IncomeRecord> income = List.of(income("BTCUSDT", IncomeType.REALIZED_PNL, "10", "USDT"),
				income("BTCUSDT", IncomeType.COMMISSION, "-0.5", "USDT"),
				income("BTCUSDT", IncomeType.COMMISSION, "-0.001", "BNB"),
				income("BTCUSDT", IncomeType.FUNDING_FEE, "-0.2", "USDT"),
				income("ETHUSDT", IncomeType.REALIZED_PNL, "5.5", "USDT"),
				income("ETHUSDT", IncomeType.COMMISSION, "-0.2", "USDT"),
				income("ETHUSDT", IncomeType.COMMISSION, "-0.0005", "BNB"),
				income("SOLUSDT", IncomeType.FUNDING_FEE, "-0.07", "USDT"),
				income("", IncomeType.TRANSFER, "1000", "USDT"));
		ReconciliationReport report = Reconciler.reconcile(income, List.of(eth, btc));

		assertThat(report.symbols().stream().map(ReconcilerTest::normalized).toList())
			.isEqualTo(List.of( new ReconciliationRow("BTCUSDT", d("10"), d("10"), d("0"), d("0.5"), d("0.5"), d("0.0"), null, d("-0.2"), d("-0.2"), d("0.0"), d("0"), d("8"), d("2"), d("0"), d("0"), 1, 0, 1, 0, d("0"), 0, 0, 0, d("0"), true), new ReconciliationRow("ETHUSDT", d("5.5"), d("5"), d("0.5"), d("0.2"), d("0.2"), d("0.0"), "BNB:0.0005", d("0"), d("0"), d("0"), d("0"), d("3"), d("0"), d("2"), d("0"), 1, 1, 0, 0, d("0"), 0, 0, 0, d("0"), false), new ReconciliationRow("SOLUSDT", d("0"), d("0"), d("0"), d("0"), d("0"), d("0"), null, d("-0.07"), d("-0.07"), d("0.00"), d("-0.07"), d("0"), d("0"), d("0"), d("0"), 0, 0, 0, 0, d("0"), 0, 0, 0, d("0"), true)) .stream() .map(ReconcilerTest::normalized) .toList());
		assertThat(normalized(report.total()))
			.isEqualTo(normalized(new ReconciliationRow("TOTAL", d("15.5"), d("15"), d("0.5"), d("0.7"), d("0.7"), d("0"), "BNB:0.0005", d("-0.27"), d("-0.27"), d("0"), d("-0.07"), d("11"), d("2"), d("2"), d("0"), 2, 1, 1, 0, d("0"), 0, 0, 0, d("0"), false)));
		assertThat(report.reconciled()).isFalse();

		String table = report.format();
		System.out.println(table);
		List<String> lines = table.lines().toList();
		assertThat(lines.size()).isEqualTo(5);
		assertThat(lines.get(0).startsWith("SYMBOL ")).isTrue();
		assertThat(lines.get(1).startsWith("BTCUSDT ") && lines.get(1).endsWith(" OK")).isTrue();
		assertThat(lines.get(2).startsWith("ETHUSDT ") && lines.get(2).endsWith(" DIFF")).isTrue();
		assertThat(lines.get(4).startsWith("TOTAL ") && lines.get(4).endsWith(" DIFF")).isTrue();
		assertThat(lines.get(2).contains(" BNB:0.0005 ")).isTrue();
		// fixed width: every column starts at the same offset on every line
		int statusColumn = lines.get(0).indexOf("STATUS");
		lines.forEach(line -> assertThat(line.lastIndexOf("  ") + 2).as(line).isEqualTo(statusColumn));
	}

	@Test
	void insuranceClearIncomeIsReportedPerSymbolAndInTotalWithoutMakingADifference() {
		SymbolFigures btc = new SymbolFigures("BTCUSDT", "USDT", d("-50"), Map.of("USDT", d("0.5")), d("-50"), d("0"),
				d("0"), d("0"), d("0"), d("0"), 1, 0, 0, 0);
		List<IncomeRecord> income = List.of(income("BTCUSDT", IncomeType.REALIZED_PNL, "-50", "USDT"),
				income("BTCUSDT", IncomeType.COMMISSION, "-0.5", "USDT"),
				income("BTCUSDT", IncomeType.INSURANCE_CLEAR, "-1.25", "USDT"),
				income("BTCUSDT", IncomeType.INSURANCE_CLEAR, "-0.25", "USDT"),
				// a liquidation of a symbol not synced still shows
				income("ETHUSDT", IncomeType.INSURANCE_CLEAR, "-0.4", "USDT"));

		ReconciliationReport report = Reconciler.reconcile(income, List.of(btc));

		assertThat(report.symbols().stream().map(ReconciliationRow::symbol).toList())
			.isEqualTo(List.of("BTCUSDT", "ETHUSDT"));
		assertThat(d("-1.5").compareTo(report.symbols().get(0).incomeInsuranceClear())).isEqualTo(0);
		assertThat(d("-0.4").compareTo(report.symbols().get(1).incomeInsuranceClear())).isEqualTo(0);
		assertThat(d("-1.9").compareTo(report.total().incomeInsuranceClear())).isEqualTo(0);
		// not a commission: the fee columns reconcile exactly
		assertThat(d("0.5").compareTo(report.symbols().get(0).incomeCommission())).isEqualTo(0);
		assertThat(report.reconciled()).as(report.format()).isTrue();
		assertThat(report.format().lines().findFirst().orElseThrow().contains(" INSURANCE_CLEAR ")).isTrue();
	}

	@Test
	void toleranceIsTheLargerOfTenthOfAPercentAndOneCent() {
		SymbolFigures figures = new SymbolFigures("BTCUSDT", "USDT", d("99.9"), Map.of("USDT", d("0.99"), "BNB",
				d("0.0002")), d("99.9"), d("0"), d("0"), d("0"), d("-1.01"), d("-1.01"), 1, 0, 0, 0);
		List<IncomeRecord> income = List.of(income("BTCUSDT", IncomeType.REALIZED_PNL, "100", "USDT"),
				income("BTCUSDT", IncomeType.COMMISSION, "-1", "USDT"),
				income("BTCUSDT", IncomeType.FUNDING_FEE, "-1", "USDT"));
		ReconciliationReport report = Reconciler.reconcile(income, List.of(figures));
		ReconciliationRow row = report.symbols().get(0);
		assertThat(row.commissionOther()).isEqualTo("BNB:-0.0002");
		assertThat(row.reconciled()).as("0.1 of 100, 0.01 of 1 and -0.0002 BNB are within tolerance").isTrue();
		assertThat(report.reconciled()).isTrue();

		SymbolFigures beyond = new SymbolFigures("BTCUSDT", "USDT", d("99.89"), Map.of("USDT", d("1")), d("0"), d("0"),
				d("0"), d("0"), d("-1"), d("0"), 0, 0, 0, 0);
		assertThat(Reconciler.reconcile(income, List.of(beyond)).reconciled()).isFalse();
		SymbolFigures bnbBeyond = new SymbolFigures("BTCUSDT", "USDT", d("100"), Map.of("USDT", d("1"), "BNB",
				d("0.011")), d("0"), d("0"), d("0"), d("0"), d("-1"), d("0"), 0, 0, 0, 0);
		assertThat(Reconciler.reconcile(income, List.of(bnbBeyond)).reconciled()).isFalse();
	}

	@Test
	void pipelineFiguresReconcileWithTheIncomeTheyCameFrom() {
		Instant from = t(10);
		Instant to = t(100);
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("2", "100").at(5).fee("0.08")
			.sell("1", "110").at(20).pnl("10").fee("0.044")
			.sell("1", "90").at(30).pnl("-10").fee("0.0001", "BNB")
			.buy("1", "95").at(40).fee("0.038")
			.list();
		List<IncomeRecord> funding = List.of(GoldenRowsTest.funding(t(8), "-0.1"),
				GoldenRowsTest.funding(t(24), "-0.2"), GoldenRowsTest.funding(t(32), "-0.05"),
				GoldenRowsTest.funding(t(48), "0.03"));
		SymbolOutcome outcome = SymbolPipeline.process(
				new SymbolInput("acc", "BTCUSDT", "USDT", from, to, fills, Map.of(), funding, Map.of()));
		assertThat(outcome.trades().size()).isEqualTo(1);
		assertThat(d("-0.3").compareTo(outcome.trades().get(0).fundingFees())).isEqualTo(0);
		List<IncomeRecord> income = List.of(income("BTCUSDT", IncomeType.REALIZED_PNL, "10", "USDT"),
				income("BTCUSDT", IncomeType.REALIZED_PNL, "-10", "USDT"),
				income("BTCUSDT", IncomeType.COMMISSION, "-0.044", "USDT"),
				income("BTCUSDT", IncomeType.COMMISSION, "-0.0001", "BNB"),
				income("BTCUSDT", IncomeType.COMMISSION, "-0.038", "USDT"), funding.get(1), funding.get(2),
				funding.get(3));
		ReconciliationReport report = Reconciler.reconcile(income, List.of(outcome.figures()));
		ReconciliationRow row = report.symbols().get(0);
		assertThat(report.reconciled()).as(report.format()).isTrue();
		assertThat(row.commissionOther()).isNull();
		assertThat(d("0.082").compareTo(row.fillCommission())).isEqualTo(0);
		assertThat(d("-0.22").compareTo(row.fundingAccounted())).isEqualTo(0);
		assertThat(d("-0.05").compareTo(row.fundingUnattributed())).isEqualTo(0);
		assertThat(d("0").compareTo(row.fillRealizedPnl())).isEqualTo(0);
		assertThat(d("0").compareTo(row.pnlRecorded())).isEqualTo(0);
		assertThat(row.lifecyclesOpen()).isEqualTo(1);
	}

	static IncomeRecord income(String symbol, String type, String amount, String asset) {
		return new IncomeRecord(symbol, type, new BigDecimal(amount), asset, t(50), type + symbol + amount, "", "");
	}

	private static ReconciliationRow normalized(ReconciliationRow r) {
		return new ReconciliationRow(r.symbol(), n(r.incomeRealizedPnl()), n(r.fillRealizedPnl()),
				n(r.realizedPnlDiff()), n(r.incomeCommission()), n(r.fillCommission()), n(r.commissionDiff()),
				r.commissionOther(), n(r.incomeFunding()), n(r.fundingAccounted()), n(r.fundingDiff()),
				n(r.fundingUnattributed()), n(r.pnlRecorded()), n(r.pnlOpen()), n(r.pnlRejected()),
				n(r.pnlIncomplete()), r.tradesRecorded(), r.tradesRejected(), r.lifecyclesOpen(),
				r.lifecyclesIncomplete(), n(r.pnlWithheld()), r.lifecyclesWithheld(), r.tradesFundingNotServed(),
				r.tradesOrderNotServed(), n(r.incomeInsuranceClear()), r.reconciled());
	}

	private static BigDecimal n(BigDecimal value) {
		return value.stripTrailingZeros();
	}
}
