package syncjob.journal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** What the journal schema guarantees, checked on each database it must run on. */
abstract class JournalSchemaContract {

	private TestDatabase database;

	abstract TestDatabase newDatabase();

	@BeforeEach
	void migrate() {
		this.database = newDatabase();
		Flyway.configure()
			.dataSource(this.database.url(), this.database.username(), this.database.password())
			.load()
			.migrate();
	}

	@AfterEach
	void drop() {
		this.database.close();
	}

	@Test
	void migrationCreatesEveryJournalTable() throws SQLException {
		try (Connection c = this.database.connect()) {
			for (String table : new String[] { "trade_entries", "income_staging", "sync_reconciliation",
					"sync_watermark", "sync_symbol_figures", "sync_rejected_trades" }) {
				try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
					assertThat(rs.next()).as(table).isTrue();
					assertThat(rs.getInt(1)).as(table).isZero();
				}
			}
		}
	}

	@Test
	void sameTradeTwiceInsertsOneRowWithoutConflictTarget() throws SQLException {
		try (Connection c = this.database.connect()) {
			assertThat(insertTrade(c, "main", "BTCUSDT-LONG-1")).isEqualTo(1);
			assertThat(insertTrade(c, "main", "BTCUSDT-LONG-1")).isZero();
			assertThat(insertTrade(c, "other", "BTCUSDT-LONG-1")).isEqualTo(1);
			try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM trade_entries")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(2);
			}
		}
	}

	@Test
	void incomeTranIdBeyondSignedLongIsKeptAsTextPerIncomeType() throws SQLException {
		String tranId = "9300000000000000001";
		try (Connection c = this.database.connect()) {
			assertThat(insertIncome(c, "COMMISSION", tranId)).isEqualTo(1);
			assertThat(insertIncome(c, "COMMISSION", tranId)).isZero();
			assertThat(insertIncome(c, "REALIZED_PNL", tranId)).isEqualTo(1);
			try (ResultSet rs = c.createStatement()
				.executeQuery("SELECT tran_id FROM income_staging WHERE income_type = 'COMMISSION'")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo(tranId);
			}
		}
	}

	@Test
	void amountsKeepTwelveDecimalPlacesAndTimesStayUtc() throws SQLException {
		try (Connection c = this.database.connect()) {
			insertTrade(c, "main", "ETHUSDT-SHORT-7");
			try (ResultSet rs = c.createStatement()
				.executeQuery("SELECT entry_price, entry_time FROM trade_entries")) {
				rs.next();
				assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("2500.123456789012");
				assertThat(rs.getObject(2, OffsetDateTime.class).toInstant())
					.isEqualTo(Instant.parse("2026-09-01T10:15:30.123Z"));
			}
		}
	}

	private static int insertTrade(Connection c, String account, String tradeId) throws SQLException {
		String sql = """
				INSERT INTO trade_entries (account, source, binance_trade_id, symbol, direction, position_side,
				    entry_time, exit_time, quantity, entry_price, exit_price, realized_pnl, fees, funding_fees,
				    net_pnl, fill_count, max_position, validation_status)
				VALUES (?, 'binance', ?, 'BTCUSDT', 'LONG', 'BOTH', ?, ?, 1, ?, 2, 0, 0, 0, 0, 2, 1, 'VALID')
				ON CONFLICT DO NOTHING""";
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, account);
			ps.setString(2, tradeId);
			ps.setObject(3, OffsetDateTime.ofInstant(Instant.parse("2026-09-01T10:15:30.123Z"), ZoneOffset.UTC));
			ps.setObject(4, OffsetDateTime.ofInstant(Instant.parse("2026-09-02T00:00:00Z"), ZoneOffset.UTC));
			ps.setBigDecimal(5, new BigDecimal("2500.123456789012"));
			return ps.executeUpdate();
		}
	}

	private static int insertIncome(Connection c, String type, String tranId) throws SQLException {
		String sql = """
				INSERT INTO income_staging (account, income_type, tran_id, symbol, income, asset, income_time,
				    trade_id, info)
				VALUES ('main', ?, ?, 'BTCUSDT', -0.5, 'USDT', ?, '', '')
				ON CONFLICT DO NOTHING""";
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, type);
			ps.setString(2, tranId);
			ps.setObject(3, OffsetDateTime.ofInstant(Instant.parse("2026-09-01T00:00:00Z"), ZoneOffset.UTC));
			return ps.executeUpdate();
		}
	}

}
