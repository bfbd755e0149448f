package syncjob.reliability;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.testing.ChildProcess;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.reliability.Runs.window;

/**
 * The API key, the secret and every request signature stay out of the logs (at DEBUG), out of
 * exception messages and out of every table, the job repository's included. A signature is
 * an HMAC-SHA256 in hex, so any 64-hex-digit run counts as one.
 */
class SecretsTests {

	private static final Pattern SIGNATURE = Pattern.compile("(?i)\\b[0-9a-f]{64}\\b|signature=");

	private TestDatabase database;

	private ExchangeFixture exchange;

	@BeforeEach
	void start() {
		this.database = TestDatabase.h2File();
		this.exchange = ExchangeFixture.start(AccountGenerator.generate(GeneratorConfig.of(701, 8, 40, Instant.now())),
				(o) -> o.seed(701).serverErrorRate(0.1).timeoutRate(0.05), 180);
	}

	@AfterEach
	void stop() {
		this.exchange.close();
		this.database.close();
	}

	@Test
	void noLogExceptionMessageOrTableHoldsTheKeyTheSecretOrASignature() throws Exception {
		Instant to = this.exchange.end();
		Instant from = to.minus(Duration.ofDays(20));
		String broken = Runs.batches(this.exchange.account(), from, to).get(1).get(0);
		this.exchange.exchange().faults().malformedSymbol(broken);
		List<String> debug = List.of("--logging.level.syncjob=DEBUG", "--logging.level.org.springframework.batch=DEBUG",
				"--binance.max-retries=2", "--binance.read-timeout=1s");
		List<String> args = new ArrayList<>(List.of(this.database.properties()));
		args.addAll(this.exchange.options());
		args.addAll(debug);
		args.addAll(List.of(window(from, to)));
		String failedRunLog;
		int failedExit;
		try (ChildProcess child = ChildProcess.start(args)) {
			failedExit = child.awaitExit(Duration.ofSeconds(120));
			failedRunLog = child.output();
		}
		this.exchange.exchange().faults().clearSymbol(broken);
		List<String> options = new ArrayList<>(this.exchange.options());
		options.addAll(debug);
		SyncCommandRunner.Result restarted = new SyncCommandRunner(this.database, options).run("--restart");
		SyncCommandRunner.Result refused = new SyncCommandRunner(this.database,
				List.of("--binance.base-url=" + this.exchange.exchange().baseUrl(),
						"--binance.api-key=" + this.exchange.exchange().apiKey(),
						"--binance.api-secret=" + this.exchange.exchange().apiSecret() + "x"))
			.run("account=other", "days=5");

		assertThat(failedExit).as(failedRunLog).isEqualTo(1);
		assertThat(failedRunLog).as("the run logged at DEBUG").contains("DEBUG").contains(broken);
		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertThat(refused.exitCode()).isEqualTo(2);
		assertClean("the failed run's output", failedRunLog);
		assertClean("the restart's console", restarted.out() + restarted.err());
		assertClean("the refused run's console", refused.out() + refused.err());
		List<String> tables = new ArrayList<>();
		String everyRow = everyRowOfEveryTable(tables);
		assertThat(tables).contains("batch_job_execution_params", "batch_job_execution_context",
				"batch_step_execution", "batch_step_execution_context", "trade_entries", "income_staging",
				"sync_reconciliation", "sync_rejected_trades", "sync_symbol_figures", "sync_watermark");
		assertThat(everyRow).as("the failed partition's message is in the repository").contains(broken);
		assertClean("the database", everyRow);
	}

	private void assertClean(String where, String text) {
		assertThat(text).as(where + ": API key").doesNotContain(this.exchange.exchange().apiKey());
		assertThat(text).as(where + ": API secret").doesNotContain(this.exchange.exchange().apiSecret());
		assertThat(SIGNATURE.matcher(text).find()).as(where + ": a signature").isFalse();
	}

	private String everyRowOfEveryTable(List<String> tables) throws SQLException {
		StringBuilder all = new StringBuilder();
		try (Connection c = this.database.connect()) {
			DatabaseMetaData meta = c.getMetaData();
			try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", null)) {
				while (rs.next()) {
					if (rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT).contains("TABLE")) {
						tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
			for (String table : tables) {
				try (Statement st = c.createStatement(); ResultSet rows = st.executeQuery("SELECT * FROM " + table)) {
					int columns = rows.getMetaData().getColumnCount();
					while (rows.next()) {
						for (int i = 1; i <= columns; i++) {
							all.append(rows.getString(i)).append('\n');
						}
					}
				}
			}
		}
		return all.toString();
	}

}
