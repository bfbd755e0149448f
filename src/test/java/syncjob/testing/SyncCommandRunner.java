package syncjob.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import syncjob.SyncJobApplication;
import syncjob.cli.SyncJobCommand;

/** Runs the real command line in this JVM, as {@code java -jar} would, against a test database. */
public final class SyncCommandRunner {

	private final TestDatabase database;

	private final List<String> options;

	private final Class<?> application;

	public SyncCommandRunner(TestDatabase database, List<String> options) {
		this(database, options, SyncJobApplication.class);
	}

	/** {@code application} replaces the jar's main class, e.g. with one that adds test beans. */
	public SyncCommandRunner(TestDatabase database, List<String> options, Class<?> application) {
		this.database = database;
		this.options = List.copyOf(options);
		this.application = application;
	}

	public Result run(String... arguments) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<String> args = new ArrayList<>(Arrays.asList(this.database.properties()));
		args.addAll(this.options);
		args.addAll(Arrays.asList(arguments));
		int code = new SyncJobCommand(this.application, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8))
			.run(args.toArray(String[]::new));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	public record Result(int exitCode, String out, String err) {

	}

}
