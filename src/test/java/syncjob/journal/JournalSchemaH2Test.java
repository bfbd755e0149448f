package syncjob.journal;

import syncjob.testing.TestDatabase;

class JournalSchemaH2Test extends JournalSchemaContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.h2();
	}

}
