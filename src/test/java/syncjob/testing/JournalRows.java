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

import syncjob.lifecycle.Direction;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.TradeEntry;
import syncjob.lifecycle.ValidationStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads {@code trade_entries} back as domain rows, and compares them column by column. */
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
							rs.getString("warnings")));
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
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

	/** Every column equal; amounts by value, since NUMERIC(38,12) pads the scale. */
	public static void assertSameRows(List<TradeEntry> actual, List<TradeEntry> expected) {
		assertThat(actual).extracting(TradeEntry::binanceTradeId)
			.containsExactlyElementsOf(expected.stream().map(TradeEntry::binanceTradeId).toList());
		for (int i = 0; i < actual.size(); i++) {
			assertThat(actual.get(i)).as(expected.get(i).binanceTradeId())
				.usingRecursiveComparison(RecursiveComparisonConfiguration.builder()
					.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
					.build())
				.isEqualTo(expected.get(i));
		}
	}

}
