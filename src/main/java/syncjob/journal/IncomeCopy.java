package syncjob.journal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

import org.postgresql.PGConnection;

import syncjob.lifecycle.IncomeRecord;

/**
 * Stages a page of income on PostgreSQL with {@code COPY}: about a third less of the server's
 * CPU than the array insert, on the 1M-fill benchmark PostgreSQL's largest share of the income
 * step. {@code COPY} knows no {@code ON CONFLICT}: it adds every row or, when one of them is
 * staged already (a restarted run fetches its income again), none. Then the caller stages the
 * page with the insert that skips staged records, so the count of new records stays exact.
 */
final class IncomeCopy {

	private static final String COPY = """
			COPY income_staging (account, income_type, tran_id, symbol, income, asset, income_time, trade_id, info,
			    job_execution_id) FROM STDIN""";

	/** PostgreSQL's unique_violation. */
	private static final String UNIQUE_VIOLATION = "23505";

	/** Characters per record besides its values' own: tabs, a newline, about what escaping adds. */
	private static final int ROW_EXTRA = 32;

	private IncomeCopy() {
	}

	/**
	 * @return how many records were added (all of them), or empty when the connection is not
	 * PostgreSQL's or a record was staged already, and nothing was added
	 */
	static OptionalInt stage(Connection connection, String account, long executionId, List<IncomeRecord> records)
			throws SQLException {
		if (!isPostgres(connection)) {
			return OptionalInt.empty();
		}
		byte[] rows = rows(account, executionId, records);
		// inside a transaction a failed statement would abort it: undo just this one
		Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
		try {
			long added = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn(COPY, new ByteArrayInputStream(rows));
			if (before != null) {
				connection.releaseSavepoint(before);
			}
			return OptionalInt.of(Math.toIntExact(added));
		}
		catch (SQLException ex) {
			if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
				throw ex;
			}
			if (before != null) {
				connection.rollback(before);
			}
			return OptionalInt.empty();
		}
		catch (IOException ex) {
			// reading a byte array does not fail; the driver declares it for streams in general
			throw new SQLException("could not send income to COPY", ex);
		}
	}

	static boolean isPostgres(Connection connection) throws SQLException {
		return connection.isWrapperFor(PGConnection.class);
	}

	/**
	 * The records in COPY's text format, values as the array insert sends them, grouped by
	 * symbol (in their order within a symbol). A page of income is in time order across all
	 * symbols, and each batch reads its symbols' records back: grouped, a symbol's records of a
	 * page share a block or two of the table instead of one block each.
	 */
	static byte[] rows(String account, long executionId, List<IncomeRecord> records) {
		List<IncomeRecord> bySymbol = new ArrayList<>(records);
		bySymbol.sort(Comparator.comparing(IncomeRecord::symbol));
		StringBuilder text = new StringBuilder(records.size() * (ROW_EXTRA + 96));
		String execution = Long.toString(executionId);
		for (IncomeRecord r : bySymbol) {
			value(text, account).append('\t');
			value(text, r.incomeType()).append('\t');
			value(text, r.tranId()).append('\t');
			value(text, r.symbol()).append('\t');
			// exact: the plain digits of the reported value, scale kept. Not PlainDecimal: here it
			// cost the 1M-fill run (klines off) 3 to 4 s more CPU than toPlainString, measured
			text.append(r.income().toPlainString()).append('\t');
			value(text, r.asset()).append('\t');
			// ISO-8601 in UTC, as the insert sends it; the offset date-time's text costs a fraction of
			// Instant's, which goes through a formatter (and drops zero seconds: still ISO-8601)
			text.append(Timestamps.utc(r.time())).append('\t');
			value(text, r.tradeId()).append('\t');
			value(text, r.info()).append('\t');
			text.append(execution).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A value escaped for the text format: a backslash, tab, newline or carriage return is data. */
	private static StringBuilder value(StringBuilder text, String value) {
		if (plain(value)) {
			// nearly every value: appended at once rather than a character at a time
			return text.append(value);
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
		return text;
	}

	private static boolean plain(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
				return false;
			}
		}
		return true;
	}

}
