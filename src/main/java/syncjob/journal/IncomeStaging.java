package syncjob.journal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;

/** Income as Binance reported it, deduplicated on (account, income type, tranId). */
public final class IncomeStaging {

	/**
	 * One statement per page, its columns as arrays: the statement stays the same whatever the
	 * page size, and its update count is exactly the rows it added. Standard {@code CAST ... ARRAY}
	 * and {@code unnest}, which PostgreSQL and H2 both take. Amounts and times travel as text, cast
	 * by the database: the PostgreSQL driver encodes a NUMERIC array in binary at a
	 * {@code BigInteger} division per four digits, a large share of the income step's allocation.
	 */
	private static final String INSERT = """
			INSERT INTO income_staging (account, income_type, tran_id, symbol, income, asset, income_time,
			    trade_id, info, job_execution_id)
			SELECT ?, r.income_type, r.tran_id, r.symbol, r.income, r.asset, r.income_time, r.trade_id, r.info, ?
			FROM unnest(CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY),
			    CAST(? AS NUMERIC ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS TIMESTAMP WITH TIME ZONE ARRAY),
			    CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY))
			    AS r (income_type, tran_id, symbol, income, asset, income_time, trade_id, info)
			ON CONFLICT DO NOTHING""";

	private static final String SELECT = """
			SELECT symbol, income_type, income, asset, income_time, tran_id, trade_id, info
			FROM income_staging
			WHERE account = :account AND income_time >= :from AND income_time < :to""";

	/**
	 * Ordered by time per symbol as the readers of each type want it; the type breaks a tie of
	 * time and tranId (a REALIZED_PNL and a COMMISSION record may share both).
	 */
	private static final String SELECT_BY_SYMBOL = SELECT
			+ " AND symbol = :symbol AND income_type IN (:types) ORDER BY income_time, tran_id, income_type";

	private final NamedParameterJdbcTemplate jdbc;

	public IncomeStaging(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stages the records; returns how many were new. This is a large sync's largest write, so
	 * it is one statement per page rather than a statement per record: on PostgreSQL a
	 * {@code COPY} ({@link IncomeCopy}) unless a record of the page is staged already.
	 */
	public int stage(String account, long executionId, List<IncomeRecord> records) {
		if (records.isEmpty()) {
			return 0;
		}
		OptionalInt copied = this.jdbc.getJdbcOperations()
			.execute((ConnectionCallback<OptionalInt>) (connection) -> IncomeCopy.stage(connection, account,
					executionId, records));
		if (copied != null && copied.isPresent()) {
			return copied.getAsInt();
		}
		return insert(account, executionId, records);
	}

	/** One statement skipping the records staged already: H2's way, and PostgreSQL's on a restart. */
	private int insert(String account, long executionId, List<IncomeRecord> records) {
		int n = records.size();
		String[] types = new String[n];
		String[] tranIds = new String[n];
		String[] symbols = new String[n];
		String[] amounts = new String[n];
		String[] assets = new String[n];
		String[] times = new String[n];
		String[] tradeIds = new String[n];
		String[] infos = new String[n];
		for (int i = 0; i < n; i++) {
			IncomeRecord r = records.get(i);
			types[i] = r.incomeType();
			tranIds[i] = r.tranId();
			symbols[i] = r.symbol();
			// exact: the plain digits of the reported value, scale kept
			amounts[i] = r.income().toPlainString();
			assets[i] = r.asset();
			// ISO-8601 with Z: both databases read it back as the same instant
			times[i] = r.time().toString();
			tradeIds[i] = r.tradeId();
			infos[i] = r.info();
		}
		return this.jdbc.getJdbcOperations().update(INSERT, (statement) -> {
			Connection connection = statement.getConnection();
			statement.setString(1, account);
			statement.setLong(2, executionId);
			statement.setArray(3, connection.createArrayOf("varchar", types));
			statement.setArray(4, connection.createArrayOf("varchar", tranIds));
			statement.setArray(5, connection.createArrayOf("varchar", symbols));
			statement.setArray(6, connection.createArrayOf("varchar", amounts));
			statement.setArray(7, connection.createArrayOf("varchar", assets));
			statement.setArray(8, connection.createArrayOf("varchar", times));
			statement.setArray(9, connection.createArrayOf("varchar", tradeIds));
			statement.setArray(10, connection.createArrayOf("varchar", infos));
		});
	}

	/**
	 * Has PostgreSQL sample the staged income again after {@code added} new records; nothing on
	 * H2, which samples a table itself as it grows. The planner otherwise knows the table only
	 * as autovacuum last saw it (after a first large staging: empty) until its next round, a
	 * minute or more later, and reads every batch's income by the time index alone: on the
	 * 1M-fill benchmark a scan of all 1.4 million records per batch instead of the batch's own.
	 */
	public void refreshStatistics(int added) {
		if (added > 0) {
			this.jdbc.getJdbcOperations().execute((ConnectionCallback<Void>) (connection) -> {
				if (IncomeCopy.isPostgres(connection)) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("ANALYZE income_staging");
					}
				}
				return null;
			});
		}
	}

	/**
	 * The account's staged income in [from, to) summed per symbol, type and asset, one record
	 * per sum (time {@code from}, no tranId): all reconciliation needs, without loading
	 * millions of records. SUM over NUMERIC is exact.
	 */
	public List<IncomeRecord> windowTotals(String account, Instant from, Instant to) {
		return List.copyOf(this.jdbc.query("""
				SELECT symbol, income_type, asset, SUM(income) AS total
				FROM income_staging
				WHERE account = :account AND income_time >= :from AND income_time < :to
				GROUP BY symbol, income_type, asset
				ORDER BY symbol, income_type, asset""", params(account, from, to),
				(rs, i) -> new IncomeRecord(rs.getString("symbol"), rs.getString("income_type"),
						strip(rs.getBigDecimal("total")), rs.getString("asset"), from, "", "", "")));
	}

	/**
	 * The symbols' staged income a partition's batch reads, one query per symbol: per
	 * symbol (every one of {@code symbols} a key), its FUNDING_FEE records in [from, to), then its
	 * REALIZED_PNL and COMMISSION records in [from, tradeTo), each ordered by time. The trade
	 * income names the fills that must have been served, which is how the partition proves its
	 * fills complete. It reads whatever any execution staged, so a restarted run finds what an
	 * earlier one staged.
	 */
	public Map<String, List<IncomeRecord>> symbolIncome(String account, Collection<String> symbols, Instant from,
			Instant to, Instant tradeTo) {
		Map<String, Staged> bySymbol = new LinkedHashMap<>();
		symbols.forEach((symbol) -> bySymbol.put(symbol, new Staged(symbol)));
		if (!bySymbol.isEmpty()) {
			Instant until = to.isAfter(tradeTo) ? to : tradeTo;
			Map<String, String> shared = new HashMap<>();
			List<String> types = List.of(IncomeType.FUNDING_FEE, IncomeType.REALIZED_PNL, IncomeType.COMMISSION);
			// One symbol at a time, not all at once: PostgreSQL then reads each symbol's records in
			// the time index's order and only puts ties of time in order, where the batch's records
			// together needed a sort that spilled to disk on the 1M-fill benchmark.
			for (Staged staged : bySymbol.values()) {
				// columns by position: a lookup by name per row and column was a good part of the mapping
				this.jdbc.query(SELECT_BY_SYMBOL,
						params(account, from, until).addValue("symbol", staged.symbol).addValue("types", types),
						(RowCallbackHandler) (rs) -> {
							String type = one(shared, rs.getString(2));
							Instant time = Timestamps.instant(rs, 5);
							boolean funding = IncomeType.FUNDING_FEE.equals(type);
							if (!time.isBefore(funding ? to : tradeTo)) {
								return;
							}
							IncomeRecord record = new IncomeRecord(staged.symbol, type, strip(rs.getBigDecimal(3)),
									one(shared, rs.getString(4)), time, rs.getString(6), rs.getString(7),
									emptyShared(rs.getString(8)));
							(funding ? staged.funding : staged.trade).add(record);
						});
			}
		}
		Map<String, List<IncomeRecord>> income = new LinkedHashMap<>();
		bySymbol.forEach((symbol, staged) -> income.put(symbol, staged.records()));
		return income;
	}

	/**
	 * The symbol's staged records in [from, to) naming its smallest trade id (its commission
	 * and realized PnL): the fill paging starts there. Trade ids are decimal text, so shorter
	 * means smaller.
	 */
	public List<IncomeRecord> firstTrade(String account, String symbol, Instant from, Instant to) {
		List<IncomeRecord> first = query(SELECT + " AND symbol = :symbol AND trade_id <> ''"
				+ " ORDER BY CHAR_LENGTH(trade_id), trade_id FETCH FIRST 8 ROWS ONLY",
				params(account, from, to).addValue("symbol", symbol));
		return first.stream().filter((record) -> record.tradeId().equals(first.get(0).tradeId())).toList();
	}

	private static MapSqlParameterSource params(String account, Instant from, Instant to) {
		return new MapSqlParameterSource().addValue("account", account)
			.addValue("from", Timestamps.utc(from))
			.addValue("to", Timestamps.utc(to));
	}

	/**
	 * The driver makes a new string per row and column; a busy symbol's trade income is tens of
	 * thousands of rows held until its batch commits, so the few distinct symbols, types, assets
	 * and empty infos are shared: about a third less heap per record.
	 */
	private List<IncomeRecord> query(String sql, MapSqlParameterSource params) {
		Map<String, String> shared = new HashMap<>();
		return List.copyOf(this.jdbc.query(sql, params,
				(rs, i) -> new IncomeRecord(one(shared, rs.getString("symbol")), one(shared, rs.getString("income_type")),
						strip(rs.getBigDecimal("income")), one(shared, rs.getString("asset")),
						Timestamps.instant(rs, "income_time"), rs.getString("tran_id"), rs.getString("trade_id"),
						emptyShared(rs.getString("info")))));
	}

	/** One symbol's records as {@link #symbolIncome} reads them. */
	private static final class Staged {

		private final List<IncomeRecord> funding = new ArrayList<>();

		private final List<IncomeRecord> trade = new ArrayList<>();

		/** The caller's instance, for every record (see {@link #query}). */
		private final String symbol;

		Staged(String symbol) {
			this.symbol = symbol;
		}

		List<IncomeRecord> records() {
			List<IncomeRecord> records = new ArrayList<>(this.funding.size() + this.trade.size());
			records.addAll(this.funding);
			records.addAll(this.trade);
			return List.copyOf(records);
		}

	}

	private static String one(Map<String, String> shared, String value) {
		return value == null ? null : shared.computeIfAbsent(value, (v) -> v);
	}

	private static String emptyShared(String value) {
		return value != null && value.isEmpty() ? "" : value;
	}

	/** NUMERIC(38,12) pads scale; the staged value is the reported one. */
	private static BigDecimal strip(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}
