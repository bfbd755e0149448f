package syncjob.job;

import syncjob.testing.PostgresTest;
import syncjob.testing.TestDatabase;

@PostgresTest
class SyncJobProcessPostgresFunctionalTests extends SyncJobProcessContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.postgres();
	}

}
