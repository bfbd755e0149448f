package syncjob.job;

import syncjob.testing.PostgresTest;
import syncjob.testing.TestDatabase;

/** The journal's detail columns and open positions end to end on PostgreSQL. */
@PostgresTest
class JournalDepthPostgresFunctionalTests extends JournalDepthContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.postgres();
	}

}
