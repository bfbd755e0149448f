package syncjob.job;

import syncjob.testing.TestDatabase;

/** Exchange truth on H2, under the literal reading of the docs: id-only requests reach 7 days. */
class ExchangeTruthH2FunctionalTests extends ExchangeTruthContract {

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.h2();
	}

	@Override
	int idPagingDays() {
		return 7;
	}

}
