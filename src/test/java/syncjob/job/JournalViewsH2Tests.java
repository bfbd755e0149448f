package syncjob.job;

import syncjob.testing.TestDatabase;

class JournalViewsH2Tests extends JournalViewsContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.h2();
	}

}
