package syncjob.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import syncjob.journal.IncomeStaging;
import syncjob.lifecycle.IncomeRecord;
import syncjob.testing.JournalRows;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentStagingTest {

	private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");

	private TestDatabase database;

	private IncomeStaging staging;

	@BeforeEach
	void migrate() {
		this.database = TestDatabase.h2();
		Flyway.configure()
			.dataSource(this.database.url(), this.database.username(), this.database.password())
			.load()
			.migrate();
		this.staging = new IncomeStaging(new NamedParameterJdbcTemplate(
				new DriverManagerDataSource(this.database.url(), this.database.username(), this.database.password())));
	}

	@AfterEach
	void drop() {
		this.database.close();
	}

	@Test
	void everyPageIsStagedAndTheNewRecordsCountedOnce() {
		// given 20 disjoint pages of 250 records
		List<List<IncomeRecord>> pages = new ArrayList<>();
		for (int page = 0; page < 20; page++) {
			pages.add(page(page * 250, 250, "-1"));
		}

		// when they are staged on two connections, and then all again
		int first = stageAll(pages);
		int again = stageAll(pages);

		// then
		assertThat(first).isEqualTo(5000);
		assertThat(again).isZero();
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM income_staging")).isEqualTo(5000);
	}

	@Test
	void aPageThatCannotBeStagedFailsTheStaging() {
		// given a page whose amount breaks the column's NUMERIC(38, 12)
		List<List<IncomeRecord>> pages = List.of(page(0, 10, "-1"), page(10, 10, "1e30"), page(20, 10, "-1"));

		// when / then
		assertThatThrownBy(() -> stageAll(pages)).isInstanceOf(DataAccessException.class);
	}

	private int stageAll(List<List<IncomeRecord>> pages) {
		try (ConcurrentStaging concurrent = new ConcurrentStaging(this.staging, "main", 1, 2)) {
			pages.forEach(concurrent::submit);
			return concurrent.finish();
		}
	}

	private static List<IncomeRecord> page(int first, int count, String amount) {
		List<IncomeRecord> records = new ArrayList<>();
		for (int i = first; i < first + count; i++) {
			records.add(new IncomeRecord("BTCUSDT", "COMMISSION", new BigDecimal(amount), "USDT", START.plusSeconds(i),
					Long.toString(8_000_000_000_000_000_000L + i), Long.toString(100 + i), ""));
		}
		return records;
	}

}
