package syncjob.job;

import syncjob.testing.TestDatabase;

class SyncJobProcessH2FunctionalTests extends SyncJobProcessContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.h2File();
	}

}
