package syncjob.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.testing.ChildProcess;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM in the middle of the partitioned step, as Kubernetes sends it: the process exits 1
 * (the README's code for a stopped, restartable run, not the JVM's 143) and says so in one
 * line, with no stack trace.
 */
class SigtermExitTest {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private TestDatabase database;

	private ExchangeFixture exchange;

	@BeforeEach
	void start() {
		this.database = TestDatabase.h2File();
		this.exchange = ExchangeFixture.start(AccountGenerator.generate(GeneratorConfig.of(32, 12, 90, Instant.now())),
				(options) -> options.latency(Duration.ofMillis(120)), 180);
	}

	@AfterEach
	void stop() {
		this.exchange.close();
		this.database.close();
	}

	@Test
	void sigtermExitsOneWithOneLineSayingHowToResume() throws Exception {
		List<String> args = new ArrayList<>(Arrays.asList(this.database.properties()));
		args.addAll(this.exchange.options());
		Instant to = this.exchange.end();
		args.addAll(List.of("--sync.max-parallel-partitions=1", "account=main",
				"from=" + to.minus(Duration.ofDays(60)), "to=" + to));
		int exit;
		String output;
		try (ChildProcess child = ChildProcess.start(args)) {
			child.awaitLine("Finished batch 1/", PATIENCE);

			exit = child.terminate(PATIENCE);
			output = child.output();
		}

		assertThat(exit).as(output).isEqualTo(1);
		assertThat(output.lines().filter((line) -> line.startsWith("sync-job:"))).as(output)
			.singleElement()
			.asString()
			.contains("was stopped (STOPPED, restartable)", "resume it with --restart");
		assertThat(output).as("no stack trace, no error").doesNotContain("Exception", "\tat ", " ERROR ");
	}

}
