package syncjob.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

/**
 * {@code --demo} through the real command line: the demo's exchange starts because the profile
 * is active when the context starts (not by a condition the build could decide ahead of time),
 * and the run syncs its generated account completely.
 */
class DemoRunTests {

	@Test
	void theDemoSyncsItsGeneratedAccountCompletelyAndExitsZero() throws Exception {
		try (TestDatabase database = TestDatabase.h2()) {
			SyncCommandRunner.Result result = new SyncCommandRunner(database, List.of()).run("--demo");

			assertThat(result.exitCode()).as(result.err()).isZero();
			assertThat(result.out()).contains("completed and reconciled");
			try (var connection = database.connect();
					var rows = connection.createStatement()
						.executeQuery("SELECT count(*), count(DISTINCT symbol) FROM trade_entries WHERE account = 'demo'")) {
				rows.next();
				assertThat(rows.getInt(1)).as("trades").isPositive();
				assertThat(rows.getInt(2)).as("symbols").isGreaterThan(1);
			}
		}
	}

}
