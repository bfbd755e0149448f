package syncjob.job;

import syncjob.testing.TestDatabase;

class SyncJobH2FunctionalTests extends SyncJobContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.h2();
	}

}
