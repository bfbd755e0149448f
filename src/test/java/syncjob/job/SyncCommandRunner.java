package syncjob.job;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import syncjob.SyncJobApplication;
import syncjob.cli.SyncJobCommand;
import syncjob.testing.TestDatabase;

/** Runs the real command line in this JVM, as {@code java -jar} would, against a test database. */
final class SyncCommandRunner {

	private final TestDatabase database;

	private final List<String> options;

	SyncCommandRunner(TestDatabase database, List<String> options) {
		this.database = database;
		this.options = List.copyOf(options);
	}

	Result run(String... arguments) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<String> args = new ArrayList<>(Arrays.asList(this.database.properties()));
		args.addAll(this.options);
		args.addAll(Arrays.asList(arguments));
		int code = new SyncJobCommand(SyncJobApplication.class, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8))
			.run(args.toArray(String[]::new));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	record Result(int exitCode, String out, String err) {

	}

}
