package syncjob.reliability;

import syncjob.testing.PostgresTest;
import syncjob.testing.TestDatabase;

@PostgresTest
class SqlInjectionPostgresTests extends SqlInjectionContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.postgres();
	}

}
