package syncjob.cli;

import java.io.PrintStream;
import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The process entry: parse, print help, or run the Spring application and return the
 * contract's exit code. Usage problems found before or while the environment is prepared
 * end with exit 2 before any bean touches the database.
 */
public final class SyncJobCommand {

	public static final int EXIT_OK = 0;

	public static final int EXIT_FAILED = 1;

	public static final int EXIT_USAGE = 2;

	public static final int EXIT_DIFFERENCES = 3;

	private final Class<?> application;

	private final PrintStream out;

	private final PrintStream err;

	public SyncJobCommand(Class<?> application, PrintStream out, PrintStream err) {
		this.application = application;
		this.out = out;
		this.err = err;
	}

	public int run(String... args) {
		SyncRequest request;
		try {
			request = new CommandLineParser(Clock.systemUTC()).parse(args);
		}
		catch (UsageException ex) {
			this.err.println("sync-job: " + ex.getMessage());
			return EXIT_USAGE;
		}
		if (request.help()) {
			this.out.print(Usage.TEXT);
			return EXIT_OK;
		}
		SpringApplication app = new SpringApplication(this.application);
		app.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton("syncRequest", request);
			context.getBeanFactory().registerSingleton("console", new Console(this.out, this.err));
		});
		app.addListeners(new SettingsCheck(request));
		if (request.demo()) {
			app.setAdditionalProfiles("demo");
		}
		try (ConfigurableApplicationContext context = app.run(request.springArguments().toArray(String[]::new))) {
			return SpringApplication.exit(context);
		}
		catch (RuntimeException ex) {
			UsageException usage = usageCause(ex);
			if (usage != null) {
				this.err.println("sync-job: " + usage.getMessage());
				return EXIT_USAGE;
			}
			String root = rootMessage(ex);
			if (root.contains("The file is locked")) {
				// H2's file lock: the embedded database admits one process at a time.
				this.err.println("sync-job: another sync-job process is using the embedded database (" + root
						+ "): wait for it to finish, or use a PostgreSQL database for concurrent accounts");
			}
			else {
				this.err.println("sync-job: could not start: " + root
						+ " (check spring.datasource.url and the other settings in application.yml)");
			}
			return EXIT_USAGE;
		}
	}

	private static UsageException usageCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof UsageException usage) {
				return usage;
			}
		}
		return null;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
	}

}
