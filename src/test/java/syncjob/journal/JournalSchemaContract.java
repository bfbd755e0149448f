package syncjob.journal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import syncjob.lifecycle.IncomeRecord;
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
					"sync_watermark", "sync_symbol_figures", "sync_rejected_trades", "open_positions",
					"open_positions_as_of", "sync_open_positions", "klines_cache" }) {
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

	@Test
	void aBatchOfTradeInsertsReportsOneForEachNewRowAndZeroForEachDuplicate() throws SQLException {
		// the trade writer counts inserted rows from these per-statement counts
		try (Connection c = this.database.connect()) {
			insertTrade(c, "main", "BTCUSDT-LONG-2");
			try (PreparedStatement ps = c.prepareStatement(TRADE_INSERT)) {
				for (String tradeId : new String[] { "BTCUSDT-LONG-1", "BTCUSDT-LONG-2", "BTCUSDT-LONG-3" }) {
					bindTrade(ps, "main", tradeId);
					ps.addBatch();
				}
				assertThat(ps.executeBatch()).containsExactly(1, 0, 1);
			}
		}
	}

	@Test
	void stagingCountsExactlyTheNewRecordsOfEachPage() {
		// given a page of 2500 records (three statements) staged once
		IncomeStaging staging = new IncomeStaging(new NamedParameterJdbcTemplate(new DriverManagerDataSource(
				this.database.url(), this.database.username(), this.database.password())));
		List<IncomeRecord> first = incomePage(0, 2500);

		// when it is staged again, and then a page overlapping its last 500
		int firstNew = staging.stage("main", 1, first);
		int againNew = staging.stage("main", 2, first);
		int overlappingNew = staging.stage("main", 3, incomePage(2000, 1000));

		// then
		assertThat(firstNew).isEqualTo(2500);
		assertThat(againNew).isZero();
		assertThat(overlappingNew).isEqualTo(500);
		assertThat(staging.windowTotals("main", Instant.parse("2026-09-01T00:00:00Z"),
				Instant.parse("2026-10-01T00:00:00Z")))
			.singleElement()
			.satisfies((total) -> assertThat(total.income()).isEqualByComparingTo("-3000.003"));
	}

	@Test
	void stagedIncomeReadsBackExactlyWhateverCharactersItsValuesHold() {
		// given records whose text holds what a bulk load's format must escape, and a page of them
		// staged again inside a transaction beside a new record (a restart's page)
		DriverManagerDataSource dataSource = new DriverManagerDataSource(this.database.url(),
				this.database.username(), this.database.password());
		IncomeStaging staging = new IncomeStaging(new NamedParameterJdbcTemplate(dataSource));
		IncomeRecord escaped = new IncomeRecord("BTCUSDT", "COMMISSION", new BigDecimal("-0.000000012345"), "USDT",
				Instant.parse("2026-09-01T00:00:00.123Z"), "71", "901", "tab\there\\n\tback\\slash\r\nend\\N");
		IncomeRecord plain = new IncomeRecord("BTCUSDT", "REALIZED_PNL", new BigDecimal("12.5"), "USDT",
				Instant.parse("2026-09-01T00:00:01Z"), "72", "901", "");
		IncomeRecord later = new IncomeRecord("BTCUSDT", "COMMISSION", new BigDecimal("-3"), "USDT",
				Instant.parse("2026-09-01T00:00:02Z"), "73", "902", "\\.");
		int firstNew = staging.stage("main", 1, List.of(escaped, plain));
		Integer againNew = new TransactionTemplate(new DataSourceTransactionManager(dataSource))
			.execute((status) -> staging.stage("main", 2, List.of(escaped, later)));

		// when the symbol's income is read back
		List<IncomeRecord> read = staging
			.symbolIncome("main", List.of("BTCUSDT"), Instant.parse("2026-09-01T00:00:00Z"),
					Instant.parse("2026-09-02T00:00:00Z"), Instant.parse("2026-09-02T00:00:00Z"))
			.get("BTCUSDT");

		// then each record is as staged, once
		assertThat(firstNew).isEqualTo(2);
		assertThat(againNew).isEqualTo(1);
		assertThat(read).containsExactly(escaped, plain, later);
	}

	@Test
	void aBatchReadsEachSymbolsFundingThenTradeIncomeWhateverExecutionStagedThem() {
		// given income staged by two executions (the second a restart), for two symbols, another
		// symbol and another account, around the window [from, to) and the trade bound now
		IncomeStaging staging = new IncomeStaging(new NamedParameterJdbcTemplate(new DriverManagerDataSource(
				this.database.url(), this.database.username(), this.database.password())));
		Instant from = Instant.parse("2026-09-01T00:00:00Z");
		Instant to = Instant.parse("2026-09-10T00:00:00Z");
		Instant now = Instant.parse("2026-09-12T00:00:00Z");
		IncomeRecord btcFundingLate = income("BTCUSDT", "FUNDING_FEE", "-0.5", "2026-09-05T08:00:00Z", "11", "");
		IncomeRecord btcFundingEarly = income("BTCUSDT", "FUNDING_FEE", "0.25", "2026-09-01T08:00:00Z", "12", "");
		IncomeRecord btcFundingAfterTo = income("BTCUSDT", "FUNDING_FEE", "-1", "2026-09-11T00:00:00Z", "13", "");
		IncomeRecord btcFundingBefore = income("BTCUSDT", "FUNDING_FEE", "-1", "2026-08-31T23:59:59Z", "14", "");
		IncomeRecord btcPnl = income("BTCUSDT", "REALIZED_PNL", "1.5", "2026-09-03T00:00:00Z", "21", "700");
		IncomeRecord btcFee = income("BTCUSDT", "COMMISSION", "-0.001", "2026-09-03T00:00:00Z", "21", "700");
		IncomeRecord btcFeeAfterTo = income("BTCUSDT", "COMMISSION", "-0.002", "2026-09-11T00:00:00Z", "22", "701");
		IncomeRecord btcFeeAtNow = income("BTCUSDT", "COMMISSION", "-0.003", "2026-09-12T00:00:00Z", "23", "702");
		IncomeRecord btcTransfer = income("BTCUSDT", "TRANSFER", "5", "2026-09-03T00:00:00Z", "31", "");
		IncomeRecord ethFee = income("ETHUSDT", "COMMISSION", "-0.1", "2026-09-02T00:00:00Z", "41", "800");
		IncomeRecord solFee = income("SOLUSDT", "COMMISSION", "-0.1", "2026-09-02T00:00:00Z", "51", "900");
		staging.stage("main", 1, List.of(btcFundingLate, btcPnl, btcFeeAfterTo, btcTransfer, ethFee));
		staging.stage("main", 2, List.of(btcFundingEarly, btcFundingAfterTo, btcFundingBefore, btcFee, btcFeeAtNow,
				solFee));
		staging.stage("other", 3, List.of(income("BTCUSDT", "FUNDING_FEE", "-9", "2026-09-02T00:00:00Z", "61", "")));

		// when
		var income = staging.symbolIncome("main", List.of("BTCUSDT", "ETHUSDT", "XRPUSDT"), from, to, now);

		// then every symbol asked is a key; funding in [from, to), then trade income in [from, now), by time
		// (a time and tranId shared by a fill's two records broken by type)
		assertThat(income).containsOnlyKeys("BTCUSDT", "ETHUSDT", "XRPUSDT");
		assertThat(income.get("BTCUSDT")).containsExactly(btcFundingEarly, btcFundingLate, btcFee, btcPnl,
				btcFeeAfterTo);
		assertThat(income.get("ETHUSDT")).containsExactly(ethFee);
		assertThat(income.get("XRPUSDT")).isEmpty();
		// amounts come back as reported, not padded to the column's scale
		assertThat(income.get("BTCUSDT").get(0).income()).isEqualTo(new BigDecimal("0.25"));
	}

	private static IncomeRecord income(String symbol, String type, String amount, String time, String tranId,
			String tradeId) {
		return new IncomeRecord(symbol, type, new BigDecimal(amount), "USDT", Instant.parse(time), tranId, tradeId, "");
	}

	/** Commission records {@code first .. first + count - 1}, one a second from 2026-09-01. */
	private static List<IncomeRecord> incomePage(int first, int count) {
		List<IncomeRecord> records = new ArrayList<>();
		for (int i = first; i < first + count; i++) {
			records.add(new IncomeRecord("BTCUSDT", "COMMISSION", new BigDecimal(i < 3 ? "-1.001" : "-1"), "USDT",
					Instant.parse("2026-09-01T00:00:00Z").plusSeconds(i), String.valueOf(9_000_000_000_000_000_000L + i),
					String.valueOf(500 + i), ""));
		}
		return records;
	}

	private static final String TRADE_INSERT = """
			INSERT INTO trade_entries (account, source, binance_trade_id, symbol, direction, position_side,
			    entry_time, exit_time, quantity, entry_price, exit_price, realized_pnl, fees, funding_fees,
			    net_pnl, fill_count, max_position, validation_status)
			VALUES (?, 'binance', ?, 'BTCUSDT', 'LONG', 'BOTH', ?, ?, 1, ?, 2, 0, 0, 0, 0, 2, 1, 'VALID')
			ON CONFLICT DO NOTHING""";

	/**
	 * A new journal runs the baseline script alone; journals created before it ran V1 to V5. Both
	 * must end at the same tables, columns (order, type, size, nullability, default), keys and
	 * indexes, and a journal of V1 to V5 must take the baseline's presence without a change.
	 */
	@Test
	void aNewJournalsBaselineEndsWhereTheVersionedMigrationsEnd() throws SQLException {
		try (TestDatabase versioned = newDatabase()) {
			// with a prefix that matches no file, Flyway sees only V1 to V5, as before the baseline existed
			Flyway.configure()
				.dataSource(versioned.url(), versioned.username(), versioned.password())
				.configuration(java.util.Map.of("flyway.baselineMigrationPrefix", "NO_BASELINE_"))
				.load()
				.migrate();

			assertThat(schema(this.database)).isNotEmpty().isEqualTo(schema(versioned));
			assertThat(appliedScripts(this.database)).containsExactly("B5__journal_schema.sql");
			assertThat(appliedScripts(versioned)).hasSize(5).allMatch((script) -> script.startsWith("V"));
			int executed = Flyway.configure()
				.dataSource(versioned.url(), versioned.username(), versioned.password())
				.load()
				.migrate().migrationsExecuted;
			assertThat(executed).as("the baseline leaves an existing journal alone").isZero();
		}
	}

	/** Every journal table's columns, primary key and indexes, as the JDBC driver describes them. */
	private static List<String> schema(TestDatabase database) throws SQLException {
		List<String> described = new ArrayList<>();
		try (Connection c = database.connect()) {
			java.sql.DatabaseMetaData meta = c.getMetaData();
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					if (!rs.getString("TABLE_NAME").equalsIgnoreCase("flyway_schema_history")) {
						tables.add(rs.getString("TABLE_NAME"));
					}
				}
			}
			for (String table : tables) {
				try (ResultSet rs = meta.getColumns(null, c.getSchema(), table, "%")) {
					while (rs.next()) {
						described.add(String.join(" ", table, "column", rs.getString("ORDINAL_POSITION"),
								rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"), rs.getString("COLUMN_SIZE"),
								String.valueOf(rs.getString("DECIMAL_DIGITS")), rs.getString("IS_NULLABLE"),
								String.valueOf(rs.getString("COLUMN_DEF"))));
					}
				}
				try (ResultSet rs = meta.getPrimaryKeys(null, c.getSchema(), table)) {
					while (rs.next()) {
						described.add(String.join(" ", table, "key", rs.getString("KEY_SEQ"), rs.getString("COLUMN_NAME")));
					}
				}
				try (ResultSet rs = meta.getIndexInfo(null, c.getSchema(), table, false, false)) {
					while (rs.next()) {
						// H2 names the indexes behind keys by a counter of what was created before them
						String index = String.valueOf(rs.getString("INDEX_NAME"))
							.replaceAll("^PRIMARY_KEY_[0-9A-F]+$", "PRIMARY_KEY")
							.replaceAll("_INDEX_[0-9A-F]+$", "_INDEX");
						described.add(String.join(" ", table, "index", index,
								rs.getString("NON_UNIQUE"), rs.getString("ORDINAL_POSITION"),
								String.valueOf(rs.getString("COLUMN_NAME"))));
					}
				}
			}
		}
		described.sort(null);
		return described;
	}

	private static List<String> appliedScripts(TestDatabase database) throws SQLException {
		List<String> scripts = new ArrayList<>();
		try (Connection c = database.connect(); ResultSet rs = c.createStatement()
			.executeQuery("SELECT script FROM flyway_schema_history WHERE success AND script LIKE '%.sql' ORDER BY installed_rank")) {
			while (rs.next()) {
				scripts.add(rs.getString(1));
			}
		}
		return scripts;
	}

	private static int insertTrade(Connection c, String account, String tradeId) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(TRADE_INSERT)) {
			bindTrade(ps, account, tradeId);
			return ps.executeUpdate();
		}
	}

	private static void bindTrade(PreparedStatement ps, String account, String tradeId) throws SQLException {
		ps.setString(1, account);
		ps.setString(2, tradeId);
		ps.setObject(3, OffsetDateTime.ofInstant(Instant.parse("2026-09-01T10:15:30.123Z"), ZoneOffset.UTC));
		ps.setObject(4, OffsetDateTime.ofInstant(Instant.parse("2026-09-02T00:00:00Z"), ZoneOffset.UTC));
		ps.setBigDecimal(5, new BigDecimal("2500.123456789012"));
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
