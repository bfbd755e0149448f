package syncjob.job;

import java.util.List;

/** A plain aligned table for the console: headers, a rule, rows; numbers right-aligned. */
final class TextTable {

	private TextTable() {
	}

	static String format(List<String> headers, List<Boolean> numeric, List<List<String>> rows) {
		int[] widths = new int[headers.size()];
		for (int c = 0; c < widths.length; c++) {
			widths[c] = headers.get(c).length();
			for (List<String> row : rows) {
				widths[c] = Math.max(widths[c], row.get(c).length());
			}
		}
		StringBuilder out = new StringBuilder();
		line(out, widths, headers, null);
		StringBuilder rule = new StringBuilder();
		for (int c = 0; c < widths.length; c++) {
			rule.append(c > 0 ? "  " : "").append("-".repeat(widths[c]));
		}
		out.append(rule).append('\n');
		for (List<String> row : rows) {
			line(out, widths, row, numeric);
		}
		return out.toString();
	}

	private static void line(StringBuilder out, int[] widths, List<String> cells, List<Boolean> numeric) {
		StringBuilder line = new StringBuilder();
		for (int c = 0; c < widths.length; c++) {
			String text = cells.get(c);
			String pad = " ".repeat(widths[c] - text.length());
			line.append(c > 0 ? "  " : "");
			line.append(numeric != null && numeric.get(c) ? pad + text : text + pad);
		}
		out.append(line.toString().stripTrailing()).append('\n');
	}

}
