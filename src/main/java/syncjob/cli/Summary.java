package syncjob.cli;

import java.util.ArrayList;
import java.util.List;

import syncjob.command.ExitCode;
import syncjob.command.SyncOutcome.Ran;
import syncjob.command.SyncOutcome.Report;
import syncjob.command.SyncOutcome.Totals;

/**
 * The end of a completed run as a person reads it: at most about fifteen lines of at most 80
 * columns. The full per-symbol reconciliation is in the database, printed by
 * {@code --report=ID}; lists longer than a few lines are cut there with a count. A word
 * longer than a line (a database URL) is not broken.
 */
final class Summary {

	static final int WIDTH = 80;

	/** Lines of gaps and of rejected trades shown before the rest is left to {@code --report}. */
	static final int SHOWN = 3;

	/** Symbols named on the differences line before the rest are counted. */
	static final int NAMES = 6;

	static final String TABLES = "tables trade_entries, open_positions, sync_reconciliation";

	private Summary() {
	}

	static List<String> of(Ran ran, Report report) {
		Totals totals = report.totals();
		List<String> lines = new ArrayList<>();
		add(lines, "Account: ", ran.account() + " (execution " + ran.executionId() + ")");
		add(lines, "Window:  ", ran.from() + " to " + ran.to());
		add(lines, "Trades:  ", ran.inserted() + " inserted, " + ran.alreadyPresent() + " already present, "
				+ totals.rejected() + " rejected, " + totals.open() + " still open at the end");
		String symbols = totals.reconciled() + " of " + totals.symbols() + " reconciled with Binance's income";
		if (!totals.differing().isEmpty()) {
			List<String> names = totals.differing();
			symbols += "; differences: " + String.join(", ", names.subList(0, Math.min(names.size(), NAMES)))
					+ (names.size() > NAMES ? " and " + (names.size() - NAMES) + " more" : "");
		}
		add(lines, "Symbols: ", symbols);
		List<String> notes = new ArrayList<>(report.gaps());
		if (totals.incomplete() > 0 && notes.stream().noneMatch((gap) -> gap.contains("incomplete"))) {
			notes.add(totals.incomplete() + " lifecycles started before what Binance serves (not recorded)");
		}
		for (int i = 0; i < notes.size() && i < SHOWN; i++) {
			add(lines, "Gap:     ", notes.get(i));
		}
		if (notes.size() > SHOWN) {
			add(lines, "         ", (notes.size() - SHOWN) + " more: see --report=" + ran.executionId());
		}
		if (!report.rejectedTrades().isEmpty()) {
			lines.add("Rejected trades (not inserted):");
			// whole, not wrapped: each names a trade id and a reason a person may search for
			report.rejectedTrades().stream().limit(SHOWN).forEach((line) -> lines.add("  " + line));
			if (report.rejectedTrades().size() > SHOWN) {
				lines.add("  " + (report.rejectedTrades().size() - SHOWN) + " more: see --report=" + ran.executionId());
			}
		}
		add(lines, "Result:  ", meaning(ran.exitCode()));
		add(lines, "Data:    ", ran.database());
		add(lines, "         ", TABLES);
		add(lines, "Next:    ", next(ran));
		return lines;
	}

	static String meaning(ExitCode exit) {
		return switch (exit) {
			case OK -> "exit 0, completed and reconciled";
			case DIFFERENCES -> "exit 3, completed; trades were rejected or differences remain "
					+ "(the inserted trades are fine)";
			case FAILED -> "exit 1, failed; completed batches are kept";
			case USAGE -> "exit 2, refused; nothing was written";
		};
	}

	private static String next(Ran ran) {
		String report = "--report=" + ran.executionId();
		return ran.exitCode() == ExitCode.OK
				? report + " for the per-symbol reconciliation; --sql \"select ...\" to query the journal"
				: report + " shows what differs per symbol and why";
	}

	/** A labelled value, wrapped at word boundaries under its label. */
	private static void add(List<String> lines, String label, String value) {
		String indent = " ".repeat(label.length());
		StringBuilder line = new StringBuilder(label);
		for (String word : value.split(" ")) {
			if (line.length() > label.length() && line.length() + 1 + word.length() > WIDTH) {
				lines.add(line.toString());
				line = new StringBuilder(indent);
			}
			if (line.length() > indent.length()) {
				line.append(' ');
			}
			line.append(word);
		}
		lines.add(line.toString());
	}

}
