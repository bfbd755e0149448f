package syncjob.journal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import syncjob.lifecycle.IncomeRecord;
import syncjob.testing.PostgresTest;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class JournalSchemaPostgresTest extends JournalSchemaContract {

	private TestDatabase database;

	@Override
	TestDatabase newDatabase() {
		this.database = TestDatabase.postgres();
		return this.database;
	}

	@Test
	void theStagedIncomesStatisticsAreRefreshedOnlyOnceRecordsWereAdded() throws SQLException {
		// given 3000 records staged (the planner has not sampled the table since it was created)
		IncomeStaging staging = new IncomeStaging(new NamedParameterJdbcTemplate(new DriverManagerDataSource(
				this.database.url(), this.database.username(), this.database.password())));
		List<IncomeRecord> records = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			records.add(new IncomeRecord("BTCUSDT", "COMMISSION", BigDecimal.ONE.negate(), "USDT",
					Instant.parse("2026-09-01T00:00:00Z").plusSeconds(i), String.valueOf(i), String.valueOf(i), ""));
		}
		staging.refreshStatistics(staging.stage("main", 1, records.subList(0, 1000)) - 1000);
		double notRefreshed = plannerRows();
		staging.stage("main", 1, records.subList(1000, 3000));

		// when the step says it added them
		staging.refreshStatistics(3000);

		// then the planner knows the table's rows
		assertThat(notRefreshed).isLessThan(1000);
		assertThat(plannerRows()).isEqualTo(3000);
	}

	private double plannerRows() throws SQLException {
		try (Connection c = this.database.connect(); Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("SELECT reltuples FROM pg_class WHERE relname = 'income_staging'")) {
			assertThat(rs.next()).isTrue();
			return rs.getDouble(1);
		}
	}

}
