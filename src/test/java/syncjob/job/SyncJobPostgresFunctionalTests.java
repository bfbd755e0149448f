package syncjob.job;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import syncjob.testing.ExchangeFixture;
import syncjob.testing.PostgresTest;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
@ParameterizedClass(name = "id-only paging reaches {0} days (0 = all)")
@ValueSource(ints = { 0, 30, 7 })
class SyncJobPostgresFunctionalTests extends SyncJobContract {

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

	@Test
	void aListeningConnectionReceivesOneNotifyPerPartition() throws Exception {
		ExchangeFixture exchange = exchange(account(21, 10));
		Instant to = exchange.end();
		try (Connection listener = this.database.connect(); Statement st = listener.createStatement()) {
			st.execute("LISTEN trade_journal_sync");

			SyncCommandRunner.Result result = runner(exchange).run("account=" + ACCOUNT,
					param("from", to.minus(Duration.ofDays(30))), param("to", to));

			assertThat(result.exitCode()).as(result.err()).isZero();
			st.execute("SELECT 1");
			PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(10_000);
			assertThat(notifications).hasSize(3);
			List<String> payloads = Arrays.stream(notifications).map(PGNotification::getParameter).toList();
			assertThat(payloads).allSatisfy((p) -> assertThat(p).contains("\"account\":\"main\"", "\"batchCount\":3",
					"\"executionId\":", "\"inserted\":", "\"totalInserted\":", "\"symbols\":["));
			assertThat(payloads).anyMatch((p) -> p.contains("\"batch\":1,"))
				.anyMatch((p) -> p.contains("\"batch\":3,"));
		}
	}

}
