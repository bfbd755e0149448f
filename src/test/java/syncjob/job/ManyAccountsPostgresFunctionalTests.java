package syncjob.job;

import syncjob.testing.PostgresTest;
import syncjob.testing.TestDatabase;

/** Several accounts in one run, on PostgreSQL. */
@PostgresTest
class ManyAccountsPostgresFunctionalTests extends ManyAccountsContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.postgres();
	}

}
