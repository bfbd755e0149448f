package syncjob.journal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * One query a person types, run so that it cannot change the journal: only a statement that
 * begins as a query is accepted; it runs in a read-only transaction (PostgreSQL refuses any
 * write in it, a data-modifying {@code WITH} included), and the transaction is rolled back
 * whatever happened. H2 has no read-only transaction, so there the first keyword and the
 * rollback guard it, and its file-writing functions are refused by name.
 */
public final class ReadOnlyQuery {

	private static final Set<String> QUERY_KEYWORDS = Set.of("select", "with", "values", "table", "explain", "show");

	/** Leading whitespace, comments and parentheses before the first keyword. */
	private static final Pattern LEADING = Pattern.compile("^(\\s+|--[^\\n]*\\n?|/\\*.*?\\*/|\\()+", Pattern.DOTALL);

	/** H2 functions that write files or reach other databases even inside a SELECT. */
	private static final Pattern H2_SIDE_EFFECTS = Pattern
		.compile("(?i)\\b(csvwrite|file_write|link_schema|script|runscript)\\b");

	private final DataSource dataSource;

	private final int maxRows;

	public ReadOnlyQuery(DataSource dataSource, int maxRows) {
		this.dataSource = dataSource;
		this.maxRows = maxRows;
	}

	/** Why the text is not accepted as a query, or empty when it is. */
	public static Optional<String> refusal(String sql) {
		String rest = LEADING.matcher(sql).replaceFirst("");
		String first = rest.split("[\\s(;]", 2)[0].toLowerCase(Locale.ROOT);
		if (!QUERY_KEYWORDS.contains(first)) {
			return Optional.of("only a query is accepted (select, with, values, table, explain, show); '"
					+ (first.isEmpty() ? sql.strip() : first) + "' would not be read-only");
		}
		if (rest.strip().replaceAll(";\\s*$", "").contains(";")) {
			return Optional.of("give one statement, without ';' between statements");
		}
		return Optional.empty();
	}

	public Result run(String sql) throws SQLException {
		Optional<String> refused = refusal(sql);
		if (refused.isPresent()) {
			throw new SQLException(refused.get());
		}
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			boolean postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
			if (!postgres && H2_SIDE_EFFECTS.matcher(sql).find()) {
				throw new SQLException("functions that write files or link databases are not accepted here");
			}
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			try {
				if (postgres) {
					try (Statement st = connection.createStatement()) {
						st.execute("SET TRANSACTION READ ONLY");
					}
				}
				try (Statement st = connection.createStatement()) {
					st.setMaxRows(this.maxRows + 1);
					if (!st.execute(sql.strip().replaceAll(";\\s*$", ""))) {
						throw new SQLException("the statement returned no rows: only queries are accepted");
					}
					try (ResultSet rs = st.getResultSet()) {
						return read(rs);
					}
				}
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	private Result read(ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		int count = meta.getColumnCount();
		List<String> columns = new ArrayList<>();
		List<Boolean> numeric = new ArrayList<>();
		for (int c = 1; c <= count; c++) {
			columns.add(meta.getColumnLabel(c));
			numeric.add(isNumeric(meta.getColumnType(c)));
		}
		List<List<String>> rows = new ArrayList<>();
		boolean truncated = false;
		while (rs.next()) {
			if (rows.size() == this.maxRows) {
				truncated = true;
				break;
			}
			List<String> row = new ArrayList<>();
			for (int c = 1; c <= count; c++) {
				Object value = rs.getObject(c);
				row.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
			}
			rows.add(row);
		}
		return new Result(columns, numeric, rows, truncated);
	}

	private static boolean isNumeric(int type) {
		return switch (type) {
			case Types.NUMERIC, Types.DECIMAL, Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT,
					Types.DOUBLE, Types.FLOAT, Types.REAL -> true;
			default -> false;
		};
	}

	/** Column labels, which are numeric, the rows as text (null as empty), and whether more rows were cut. */
	public record Result(List<String> columns, List<Boolean> numeric, List<List<String>> rows, boolean truncated) {

		public Result {
			columns = List.copyOf(columns);
			numeric = List.copyOf(numeric);
			rows = rows.stream().map(List::copyOf).toList();
		}

	}

}
