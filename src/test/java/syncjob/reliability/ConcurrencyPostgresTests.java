package syncjob.reliability;

import syncjob.testing.PostgresTest;
import syncjob.testing.TestDatabase;

/** On PostgreSQL the account lock is a session advisory lock. */
@PostgresTest
class ConcurrencyPostgresTests extends ConcurrencyContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.postgres();
	}

}
