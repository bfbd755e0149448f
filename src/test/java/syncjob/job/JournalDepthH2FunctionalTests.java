package syncjob.job;

import syncjob.testing.TestDatabase;

/** The journal's detail columns and open positions end to end on H2. */
class JournalDepthH2FunctionalTests extends JournalDepthContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.h2();
	}

}
