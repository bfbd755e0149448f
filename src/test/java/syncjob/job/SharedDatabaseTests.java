package syncjob.job;

import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import syncjob.journal.AccountLock;
import syncjob.journal.AccountLocks;
import syncjob.journal.Databases;
import syncjob.journal.SharedH2;
import syncjob.simulator.GeneratorConfig;
import syncjob.testing.ChildProcess;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An embedded H2 file admits one process, so while this test's JVM holds the database open
 * (as a running sync does), other processes reach it through the server this JVM publishes:
 * {@code --status} and {@code --sql} answer from a second process, and a sync of an account
 * whose lock this JVM holds is refused there.
 */
class SharedDatabaseTests {

	private static final String ACCOUNT = "shared";

	private TestDatabase database;

	private ExchangeFixture exchange;

	@BeforeEach
	void syncOnce() {
		this.database = TestDatabase.h2File();
		this.exchange = ExchangeFixture.start(GeneratorConfig.of(17, 4, 30, Instant.now()));
		SyncCommandRunner.Result synced = new SyncCommandRunner(this.database, this.exchange.options())
			.run("account=" + ACCOUNT, "from=" + this.exchange.end().minus(Duration.ofDays(10)));
		assertThat(synced.exitCode()).as(synced.err()).isZero();
	}

	@AfterEach
	void close() {
		this.exchange.close();
		this.database.close();
	}

	private List<String> args(String... more) {
		List<String> args = new ArrayList<>(List.of(this.database.properties()));
		args.addAll(List.of(more));
		return args;
	}

	@Test
	void aSecondProcessReadsTheDatabaseThisOneHoldsOpenAndRespectsItsAccountLock() throws Exception {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(this.database.url(), "sa", "");
		long trades = JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries");
		String status;
		int statusExit;
		String sql;
		int sqlExit;
		String refused;
		int refusedExit;
		try (Connection held = dataSource.getConnection(); DatabaseServer server = DatabaseServer.start(dataSource)) {
			Optional<AccountLock> lock = new AccountLocks(dataSource).tryAcquire(ACCOUNT);
			assertThat(lock).isPresent();
			try (AccountLock l = lock.get(); ChildProcess child = ChildProcess.start(args("--status", "account=" + ACCOUNT))) {
				statusExit = child.awaitExit(Duration.ofSeconds(120));
				status = child.output();
				try (ChildProcess query = ChildProcess.start(args("--sql", "select count(*) as n from trade_entries"))) {
					sqlExit = query.awaitExit(Duration.ofSeconds(120));
					sql = query.output();
				}
				List<String> sync = new ArrayList<>(args("account=" + ACCOUNT, "days=3"));
				sync.addAll(this.exchange.options());
				try (ChildProcess second = ChildProcess.start(sync)) {
					refusedExit = second.awaitExit(Duration.ofSeconds(120));
					refused = second.output();
				}
			}
		}

		assertThat(statusExit).as(status).isZero();
		assertThat(status).contains("Account " + ACCOUNT + " in jdbc:h2:file:", "COMPLETED");
		assertThat(status).as("the served database keeps its key private").doesNotContain("jdbc:h2:tcp");
		assertThat(sqlExit).as(sql).isZero();
		assertThat(sql).containsPattern("\\n\\s*" + trades + "\\n\\(1 row\\)");
		assertThat(refusedExit).as(refused).isEqualTo(2);
		assertThat(refused).contains("another sync of account '" + ACCOUNT + "' is running");
	}


	/**
	 * The race of a look with a sync that ends: the look chose the sync's server, which stopped
	 * before the look's first connection. A stand-in server answers the one check and closes,
	 * as the ending process does; the look then starts again on the file itself.
	 */
	@Test
	void aLookWhoseServerEndedBeforeItConnectedStartsAgainOnTheFile() throws Exception {
		AtomicInteger checks = new AtomicInteger();
		try (ServerSocket ending = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
				SharedH2 published = SharedH2.publish(Databases.h2File(this.database.url()).orElseThrow(),
						ending.getLocalPort(), SharedH2.newKey())) {
			Thread server = new Thread(() -> {
				try (Socket checked = ending.accept()) {
					checks.incrementAndGet();
					ending.close();
				}
				catch (java.io.IOException ex) {
					// closed by the test's end without a check: the count says so
				}
			}, "ending-server");
			server.start();

			SyncCommandRunner.Result status = new SyncCommandRunner(this.database, List.of()).run("--status",
					"account=" + ACCOUNT);

			server.join(java.time.Duration.ofSeconds(30).toMillis());
			assertThat(checks).as("the look chose the server first").hasValue(1);
			assertThat(status.exitCode()).as(status.err()).isZero();
			assertThat(status.out()).contains("Account " + ACCOUNT + " in jdbc:h2:file:", "COMPLETED");
		}
	}

}
