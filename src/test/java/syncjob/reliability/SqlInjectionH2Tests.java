package syncjob.reliability;

import syncjob.testing.TestDatabase;

class SqlInjectionH2Tests extends SqlInjectionContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.h2();
	}

}
