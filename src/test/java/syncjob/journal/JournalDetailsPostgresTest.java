package syncjob.journal;

import syncjob.testing.PostgresTest;
import syncjob.testing.TestDatabase;

@PostgresTest
class JournalDetailsPostgresTest extends JournalDetailsContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.postgres();
	}

}
