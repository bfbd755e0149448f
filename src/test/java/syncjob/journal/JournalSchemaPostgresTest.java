package syncjob.journal;

import syncjob.testing.PostgresTest;
import syncjob.testing.TestDatabase;

@PostgresTest
class JournalSchemaPostgresTest extends JournalSchemaContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.postgres();
	}

}
