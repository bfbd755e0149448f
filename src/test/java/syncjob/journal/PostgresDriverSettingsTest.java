package syncjob.journal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDriverSettingsTest {

	@Test
	void postgresqlGetsDecimalsAsText() {
		assertThat(PostgresDriverSettings.forUrl("jdbc:postgresql://127.0.0.1:5432/journal"))
			.containsExactly(Map.entry("binaryTransferDisable", "NUMERIC"));
	}

	@Test
	void otherDatabasesGetNothing() {
		// H2 refuses connection settings it does not know
		assertThat(PostgresDriverSettings.forUrl("jdbc:h2:file:./data/sync-job;MODE=PostgreSQL")).isEmpty();
		assertThat(PostgresDriverSettings.forUrl("jdbc:h2:tcp://127.0.0.1:9092/journal")).isEmpty();
		assertThat(PostgresDriverSettings.forUrl(null)).isEmpty();
	}

}
