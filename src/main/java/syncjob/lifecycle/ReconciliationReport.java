package syncjob.lifecycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reconciliation of a window: one row per symbol (sorted) and the total. */
public record ReconciliationReport(List<ReconciliationRow> symbols, ReconciliationRow total) {

	private static final List<Column> COLUMNS = List.of(new Column("SYMBOL", false, ReconciliationRow::symbol),
			money("INCOME_PNL", ReconciliationRow::incomeRealizedPnl),
			money("FILL_PNL", ReconciliationRow::fillRealizedPnl),
			money("PNL_DIFF", ReconciliationRow::realizedPnlDiff),
			money("INCOME_FEE", ReconciliationRow::incomeCommission),
			money("FILL_FEE", ReconciliationRow::fillCommission),
			money("FEE_DIFF", ReconciliationRow::commissionDiff),
			new Column("FEE_OTHER_DIFF", false, r -> r.commissionOther() == null ? "-" : r.commissionOther()),
			money("INCOME_FUNDING", ReconciliationRow::incomeFunding),
			money("FUNDING_ACCT", ReconciliationRow::fundingAccounted),
			money("FUNDING_DIFF", ReconciliationRow::fundingDiff),
			money("UNATTRIBUTED", ReconciliationRow::fundingUnattributed),
			money("INSURANCE_CLEAR", ReconciliationRow::incomeInsuranceClear),
			money("PNL_RECORDED", ReconciliationRow::pnlRecorded), money("PNL_OPEN", ReconciliationRow::pnlOpen),
			money("PNL_REJECTED", ReconciliationRow::pnlRejected),
			money("PNL_INCOMPLETE", ReconciliationRow::pnlIncomplete),
			count("TRADES", ReconciliationRow::tradesRecorded), count("REJECTED", ReconciliationRow::tradesRejected),
			count("OPEN", ReconciliationRow::lifecyclesOpen),
			count("INCOMPLETE", ReconciliationRow::lifecyclesIncomplete),
			count("WITHHELD", ReconciliationRow::lifecyclesWithheld),
			new Column("STATUS", false, r -> r.reconciled() ? "OK" : "DIFF"));

	public ReconciliationReport {
		symbols = List.copyOf(symbols);
	}

	/** Whether every row is reconciled. */
	public boolean reconciled() {
		return total.reconciled() && symbols.stream().allMatch(ReconciliationRow::reconciled);
	}

	/**
	 * Fixed-width text table for the console: a header, one line per symbol, then TOTAL.
	 * Amounts are plain decimals without trailing zeros.
	 */
	public String format() {
		List<ReconciliationRow> rows = new ArrayList<>(symbols);
		rows.add(total);
		int[] widths = new int[COLUMNS.size()];
		for (int c = 0; c < COLUMNS.size(); c++) {
			widths[c] = COLUMNS.get(c).header().length();
			for (ReconciliationRow row : rows) {
				widths[c] = Math.max(widths[c], COLUMNS.get(c).value().apply(row).length());
			}
		}
		StringBuilder out = new StringBuilder();
		line(out, widths, c -> COLUMNS.get(c).header(), false);
		for (ReconciliationRow row : rows) {
			line(out, widths, c -> COLUMNS.get(c).value().apply(row), true);
		}
		return out.toString();
	}

	private static void line(StringBuilder out, int[] widths, Function<Integer, String> cell, boolean alignNumbers) {
		StringBuilder line = new StringBuilder();
		for (int c = 0; c < widths.length; c++) {
			String text = cell.apply(c);
			String pad = " ".repeat(widths[c] - text.length());
			if (c > 0) {
				line.append("  ");
			}
			line.append(alignNumbers && COLUMNS.get(c).numeric() ? pad + text : text + pad);
		}
		out.append(line.toString().stripTrailing()).append('\n');
	}

	private static Column money(String header, Function<ReconciliationRow, BigDecimal> value) {
		return new Column(header, true, r -> plain(value.apply(r)));
	}

	private static Column count(String header, Function<ReconciliationRow, Integer> value) {
		return new Column(header, true, r -> String.valueOf(value.apply(r)));
	}

	private static String plain(BigDecimal value) {
		return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
	}

	private record Column(String header, boolean numeric, Function<ReconciliationRow, String> value) {
	}
}
