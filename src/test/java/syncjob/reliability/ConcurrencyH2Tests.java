package syncjob.reliability;

import syncjob.testing.TestDatabase;

/** On H2 in memory the account lock is the in-process one. */
class ConcurrencyH2Tests extends ConcurrencyContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.h2();
	}

}
