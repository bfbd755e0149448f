package syncjob.job;

import syncjob.testing.TestDatabase;

/** Several accounts in one run, on H2. */
class ManyAccountsH2FunctionalTests extends ManyAccountsContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.h2();
	}

}
