package syncjob.job;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.testing.PostgresTest;
import syncjob.testing.TestDatabase;

/**
 * Exchange truth on PostgreSQL under each reading: an id-only request reaching back all that
 * Binance keeps, 30 days, or (as the docs read literally) 7 days.
 */
@PostgresTest
@ParameterizedClass(name = "id-only paging reaches {0} days (0 = all)")
@ValueSource(ints = { 0, 30, 7 })
class ExchangeTruthPostgresFunctionalTests extends ExchangeTruthContract {

	@Parameter
	int idPagingDays;

	@Override
	TestDatabase newDatabase() {
		return TestDatabase.postgres();
	}

	@Override
	int idPagingDays() {
		return this.idPagingDays;
	}

}
