package syncjob.reliability;

import java.time.Duration;

import org.awaitility.Awaitility;

import syncjob.testing.JournalRows;
import syncjob.testing.TestDatabase;

/** The job's sessions on a PostgreSQL test database, seen and ended from the test's own session. */
final class PostgresSessions {

	private static final String OTHERS = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";

	private PostgresSessions() {
	}

	/** Blocks until some other session of the database matches {@code condition} (SQL on pg_stat_activity). */
	static void awaitOther(TestDatabase database, String condition) {
		Awaitility.await("a session where " + condition)
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> JournalRows.count(database, "SELECT COUNT(*) " + OTHERS + " AND " + condition) > 0);
	}

	/**
	 * Terminates every other session of the database and waits until each has ended: the
	 * job's pool, its partition's transaction and the account lock's session alike.
	 */
	static long terminateOthers(TestDatabase database) {
		return JournalRows.count(database, "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid, 10000) " + OTHERS
				+ ") terminated");
	}

}
