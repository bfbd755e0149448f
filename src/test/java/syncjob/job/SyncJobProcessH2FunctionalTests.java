package syncjob.job;

import syncjob.testing.TestDatabase;

/** The contract on H2, under the literal reading of Binance's docs: id-only requests reach 7 days. */
class SyncJobProcessH2FunctionalTests extends SyncJobProcessContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.h2File();
	}

	@Override
	int idPagingDays() {
		return 7;
	}

}
