package syncjob.job;

import java.util.List;

import org.junit.jupiter.api.Test;

import syncjob.testing.PostgresTest;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class JournalViewsPostgresTests extends JournalViewsContract {

	private TestDatabase database;

	@Override
	TestDatabase newDatabase() {
		this.database = TestDatabase.postgres();
		return this.database;
	}

	@Test
	void aWriteHiddenInAQueryFailsInTheReadOnlyTransaction() {
		SyncCommandRunner.Result result = new SyncCommandRunner(this.database, List.of()).run("--sql",
				"with gone as (delete from trade_entries returning 1) select count(*) from gone");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("read-only transaction");
		assertThat(syncjob.testing.JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries"))
			.isPositive();
	}

}
