package syncjob.journal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import syncjob.journal.TradeEntryRows.DetailColumn;
import syncjob.lifecycle.TradeEntry;

/**
 * Fills the section 3b columns of rows that already exist (the insert skipped them), where they
 * are null: rows an earlier version wrote, or whose klines Binance did not serve then. A stored
 * value is never overwritten, and a value computed from the net PnL is filled only where the
 * stored net PnL is the one it was computed from. One {@code UPDATE ... WHERE c IS NULL} per
 * column, batched (H2 has no {@code ON CONFLICT DO UPDATE}), for the rows that lack something.
 */
public final class TradeDetailsBackfill {

	/** Rows asked about per query. */
	private static final int IDS_PER_QUERY = 500;

	private static final String ANY_NULL = TradeEntryRows.DETAIL_COLUMNS.stream()
		.map(c -> c.column() + " IS NULL")
		.collect(Collectors.joining(" OR "));

	private final NamedParameterJdbcTemplate jdbc;

	public TradeDetailsBackfill(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param existing rows as this sync computed them, already in the table
	 * @return how many rows got at least one column
	 */
	public int fill(List<TradeEntry> existing) {
		Map<TradeEntry, BigDecimal> lacking = lacking(existing);
		Set<String> filled = new TreeSet<>();
		for (DetailColumn column : TradeEntryRows.DETAIL_COLUMNS) {
			List<SqlParameterSource> batch = new ArrayList<>();
			List<String> ids = new ArrayList<>();
			lacking.forEach((trade, storedNetPnl) -> {
				Object value = column.valueOf(trade);
				if (value != null && column.fits(trade, storedNetPnl)) {
					batch.add(new MapSqlParameterSource("value", value).addValue("account", trade.account())
						.addValue("id", trade.binanceTradeId()));
					ids.add(trade.account() + "\n" + trade.binanceTradeId());
				}
			});
			if (batch.isEmpty()) {
				continue;
			}
			int[] counts = this.jdbc.batchUpdate("UPDATE trade_entries SET " + column.column() + " = :value "
					+ "WHERE account = :account AND binance_trade_id = :id AND " + column.column() + " IS NULL",
					batch.toArray(SqlParameterSource[]::new));
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] != 0) {
					filled.add(ids.get(i));
				}
			}
		}
		return filled.size();
	}

	/** The rows with some section 3b column null, each with its stored net PnL. */
	private Map<TradeEntry, BigDecimal> lacking(List<TradeEntry> existing) {
		Map<String, Map<String, TradeEntry>> byAccount = new LinkedHashMap<>();
		for (TradeEntry trade : existing) {
			if (trade.details() != null) {
				byAccount.computeIfAbsent(trade.account(), a -> new LinkedHashMap<>())
					.put(trade.binanceTradeId(), trade);
			}
		}
		Map<TradeEntry, BigDecimal> lacking = new LinkedHashMap<>();
		byAccount.forEach((account, byId) -> {
			List<String> ids = new ArrayList<>(byId.keySet());
			for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
				Map<String, BigDecimal> netPnl = new HashMap<>();
				this.jdbc.query("SELECT binance_trade_id, net_pnl FROM trade_entries WHERE account = :account "
						+ "AND binance_trade_id IN (:ids) AND (" + ANY_NULL + ")",
						new MapSqlParameterSource("account", account).addValue("ids",
								ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY))),
						rs -> {
							netPnl.put(rs.getString("binance_trade_id"), rs.getBigDecimal("net_pnl"));
						});
				netPnl.forEach((id, stored) -> lacking.put(byId.get(id), stored));
			}
		});
		return lacking;
	}

}
