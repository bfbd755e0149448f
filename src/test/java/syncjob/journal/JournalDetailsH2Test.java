package syncjob.journal;

import syncjob.testing.TestDatabase;

class JournalDetailsH2Test extends JournalDetailsContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.h2();
	}

}
