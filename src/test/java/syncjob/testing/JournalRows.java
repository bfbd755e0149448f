package syncjob.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;

import syncjob.lifecycle.CloseReason;
import syncjob.lifecycle.Direction;
import syncjob.lifecycle.KlineInterval;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.TradeDetails;
import syncjob.lifecycle.TradeEntry;
import syncjob.lifecycle.TradeResult;
import syncjob.lifecycle.ValidationStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads {@code trade_entries} back as domain rows (the section 3b columns as details, null when
 * {@code quote_asset} is: a row as an earlier version wrote it), and compares them column by
 * column.
 */
public final class JournalRows {

	private JournalRows() {
	}

	public static List<TradeEntry> read(TestDatabase database, String account) {
		try (Connection c = database.connect();
				PreparedStatement ps = c
					.prepareStatement("SELECT * FROM trade_entries WHERE account = ? ORDER BY binance_trade_id")) {
			ps.setString(1, account);
			List<TradeEntry> rows = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					rows.add(new TradeEntry(rs.getString("account"), rs.getString("source"),
							rs.getString("binance_trade_id"), rs.getString("symbol"),
							Direction.valueOf(rs.getString("direction")),
							PositionSide.valueOf(rs.getString("position_side")),
							rs.getObject("entry_time", OffsetDateTime.class).toInstant(),
							rs.getObject("exit_time", OffsetDateTime.class).toInstant(), rs.getBigDecimal("quantity"),
							rs.getBigDecimal("entry_price"), rs.getBigDecimal("exit_price"),
							rs.getBigDecimal("realized_pnl"), rs.getBigDecimal("fees"), rs.getString("fee_other"),
							rs.getBigDecimal("funding_fees"), rs.getBigDecimal("net_pnl"), rs.getInt("fill_count"),
							rs.getBigDecimal("max_position"), rs.getString("entry_order_type"),
							rs.getString("exit_order_type"), ValidationStatus.valueOf(rs.getString("validation_status")),
							rs.getString("warnings"), details(rs)));
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The section 3b columns of the current row; null when {@code quote_asset} is null. The
	 * not-served warnings are in the row's {@code warnings}, so the details carry none.
	 */
	private static TradeDetails details(ResultSet rs) throws SQLException {
		String quoteAsset = rs.getString("quote_asset");
		if (quoteAsset == null) {
			return null;
		}
		String closeReason = rs.getString("close_reason");
		String interval = rs.getString("excursion_interval");
		return new TradeDetails(quoteAsset, rs.getLong("hold_seconds"), rs.getBigDecimal("entry_notional"),
				rs.getBigDecimal("exit_notional"), rs.getBigDecimal("net_return_pct"),
				TradeResult.valueOf(rs.getString("result")), rs.getBigDecimal("maker_ratio"),
				closeReason == null ? null : CloseReason.valueOf(closeReason), rs.getBigDecimal("fee_other_quote"),
				rs.getBigDecimal("net_pnl_all_fees"),
				interval == null ? null : KlineInterval.ofCode(interval).orElseThrow(), rs.getBigDecimal("mae_price"),
				rs.getBigDecimal("mfe_price"), rs.getBigDecimal("mae_pct"), rs.getBigDecimal("mfe_pct"), List.of());
	}

	/** Where the last reconciled sync found Binance's income to begin; null when it did not need to know. */
	public static java.time.Instant incomeServedFrom(TestDatabase database) {
		try (Connection c = database.connect();
				PreparedStatement ps = c.prepareStatement("SELECT income_served_from FROM sync_reconciliation "
						+ "WHERE symbol = 'TOTAL' ORDER BY job_execution_id DESC FETCH FIRST 1 ROW ONLY");
				ResultSet rs = ps.executeQuery()) {
			if (!rs.next()) {
				return null;
			}
			OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
			return at == null ? null : at.toInstant();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static long count(TestDatabase database, String sql, Object... params) {
		try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every column of section 3 equal (the warnings included); amounts by value, since
	 * NUMERIC(38,12) pads the scale. The section 3b columns are {@link #assertSameDetails}'.
	 */
	public static void assertSameRows(List<TradeEntry> actual, List<TradeEntry> expected) {
		assertThat(actual).extracting(TradeEntry::binanceTradeId)
			.containsExactlyElementsOf(expected.stream().map(TradeEntry::binanceTradeId).toList());
		for (int i = 0; i < actual.size(); i++) {
			assertThat(actual.get(i)).as(expected.get(i).binanceTradeId())
				.usingRecursiveComparison(RecursiveComparisonConfiguration.builder()
					.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
					.withIgnoredFields("details")
					.build())
				.isEqualTo(expected.get(i));
		}
	}

	/**
	 * Every column of section 3b equal, row by row; amounts by value. The not-served warnings
	 * are compared with the row's warnings by {@link #assertSameRows}.
	 */
	public static void assertSameDetails(List<TradeEntry> actual, List<TradeEntry> expected) {
		assertThat(actual).extracting(TradeEntry::binanceTradeId)
			.containsExactlyElementsOf(expected.stream().map(TradeEntry::binanceTradeId).toList());
		for (int i = 0; i < actual.size(); i++) {
			assertThat(expected.get(i).details()).as("details of the expected " + expected.get(i).binanceTradeId())
				.isNotNull();
			assertThat(actual.get(i).details()).as(expected.get(i).binanceTradeId())
				.usingRecursiveComparison(RecursiveComparisonConfiguration.builder()
					.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
					.withIgnoredFields("warnings")
					.build())
				.isEqualTo(expected.get(i).details());
		}
	}

}
