package syncjob.job;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.testing.PostgresTest;
import syncjob.testing.TestDatabase;

@PostgresTest
@ParameterizedClass(name = "id-only paging reaches {0} days (0 = all)")
@ValueSource(ints = { 0, 30, 7 })
class SyncJobProcessPostgresFunctionalTests extends SyncJobProcessContract {

	@Parameter
	int idPagingDays;

	@Override
	int idPagingDays() {
		return this.idPagingDays;
	}

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.postgres();
	}

}
