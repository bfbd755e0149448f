package syncjob.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;

/** Income as Binance reported it, deduplicated on (account, income type, tranId). */
public final class IncomeStaging {

	private static final String INSERT = """
			INSERT INTO income_staging (account, income_type, tran_id, symbol, income, asset, income_time,
			    trade_id, info, job_execution_id)
			VALUES """;

	private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** 10 parameters a row: well under PostgreSQL's 65535 parameters a statement. */
	private static final int ROWS_PER_STATEMENT = 1000;

	private static final String SELECT = """
			SELECT symbol, income_type, income, asset, income_time, tran_id, trade_id, info
			FROM income_staging
			WHERE account = :account AND income_time >= :from AND income_time < :to""";

	private final NamedParameterJdbcTemplate jdbc;

	public IncomeStaging(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stages the records; returns how many were new. One multi-row insert per 1000 records: its
	 * update count is exactly the rows it added, and the database does a thousandth of the
	 * statement work of a batch of single-row inserts (this is the run's largest write).
	 */
	public int stage(String account, long executionId, List<IncomeRecord> records) {
		int inserted = 0;
		for (int start = 0; start < records.size(); start += ROWS_PER_STATEMENT) {
			List<IncomeRecord> rows = records.subList(start, Math.min(records.size(), start + ROWS_PER_STATEMENT));
			String sql = INSERT + String.join(", ", Collections.nCopies(rows.size(), ROW)) + " ON CONFLICT DO NOTHING";
			inserted += this.jdbc.getJdbcOperations().update(sql, (statement) -> {
				int i = 0;
				for (IncomeRecord r : rows) {
					statement.setString(++i, account);
					statement.setString(++i, r.incomeType());
					statement.setString(++i, r.tranId());
					statement.setString(++i, r.symbol());
					statement.setBigDecimal(++i, r.income());
					statement.setString(++i, r.asset());
					statement.setObject(++i, Timestamps.utc(r.time()));
					statement.setString(++i, r.tradeId());
					statement.setString(++i, r.info());
					statement.setLong(++i, executionId);
				}
			});
		}
		return inserted;
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

	/** One symbol's staged FUNDING_FEE records in [from, to), ordered by time. */
	public List<IncomeRecord> funding(String account, String symbol, Instant from, Instant to) {
		return query(SELECT + " AND symbol = :symbol AND income_type = :type ORDER BY income_time, tran_id",
				params(account, from, to).addValue("symbol", symbol).addValue("type", IncomeType.FUNDING_FEE));
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

	private List<IncomeRecord> query(String sql, MapSqlParameterSource params) {
		return List.copyOf(this.jdbc.query(sql, params,
				(rs, i) -> new IncomeRecord(rs.getString("symbol"), rs.getString("income_type"),
						strip(rs.getBigDecimal("income")), rs.getString("asset"), Timestamps.instant(rs, "income_time"),
						rs.getString("tran_id"), rs.getString("trade_id"), rs.getString("info"))));
	}

	/** NUMERIC(38,12) pads scale; the staged value is the reported one. */
	private static BigDecimal strip(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}
