package syncjob.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import syncjob.command.AccountsSettings;
import syncjob.command.ExitCode;
import syncjob.command.PartitionWorker;
import syncjob.command.SyncOutcome;
import syncjob.command.JournalViews;
import syncjob.command.SyncRunner;
import syncjob.command.View;
import syncjob.command.UsageException;

/**
 * The process entry: parse, print help, or start the application, hand the request to its
 * {@link SyncRunner}, word the outcome and return the contract's exit code. Usage problems
 * found before or while the context starts (settings included) end with exit 2 before
 * anything touches the database.
 */
public final class SyncJobCommand {

	private final Class<?> application;

	private final PrintStream out;

	private final PrintStream err;

	/** Whether standard output is a terminal a person watches: then the live status line is drawn. */
	private final boolean console;

	public SyncJobCommand(Class<?> application, PrintStream out, PrintStream err) {
		this(application, out, err, false);
	}

	public SyncJobCommand(Class<?> application, PrintStream out, PrintStream err, boolean console) {
		this.application = application;
		this.out = out;
		this.err = err;
		this.console = console;
	}

	public int run(String... args) {
		CommandLine commandLine;
		try {
			commandLine = new CommandLineParser(Clock.systemUTC()).parse(args);
		}
		catch (UsageException ex) {
			return usage(ex.getMessage());
		}
		if (commandLine.help()) {
			this.out.print(Usage.TEXT);
			return ExitCode.OK.code();
		}
		SpringApplication app = new SpringApplication(this.application);
		SharedDatabase shared = new SharedDatabase();
		app.addListeners(new GeneratedContextCheck(), shared, new BrokerOnlyWithRole());
		if (commandLine.look().isPresent()) {
			return look(app, shared, commandLine);
		}
		if (commandLine.demo()) {
			app.setAdditionalProfiles(GeneratedContextCheck.DEMO_PROFILE);
		}
		else if (!commandLine.request().isRestart() && commandLine.accounts().isEmpty()) {
			app.addListeners(new CredentialsCheck());
		}
		app.addListeners(new AccountsFileCheck());
		app.addInitializers(new AccountWorkers(this.application, commandLine, System::getenv));
		List<String> arguments = new ArrayList<>(commandLine.springArguments());
		boolean structured = Console.structuredLogs(arguments, System.getenv());
		if (!structured && this.console) {
			arguments.addAll(Console.liveLineArguments(arguments));
		}
		// JSON logs own standard output: the summary goes to standard error
		PrintStream summary = structured ? this.err : this.out;
		ShutdownExit shutdown = ShutdownExit.install(summary, this.err);
		try (ConfigurableApplicationContext context = start(app, shared, arguments.toArray(String[]::new))) {
			PartitionWorker worker = context.getBeanProvider(PartitionWorker.class).getIfAvailable();
			if (worker != null) {
				ExitCode exit = worker.serveUntilStopped();
				summary.println("sync-job: worker stopped");
				shutdown.decided(exit);
				return exit.code();
			}
			AccountsSettings accounts = context.getBean(AccountsSettings.class);
			if (ManyAccountsRun.applies(commandLine, accounts)) {
				ExitCode exit = new ManyAccountsRun(this.application, commandLine, context, summary, System::getenv)
					.run(accounts);
				shutdown.decided(exit);
				return exit.code();
			}
			SyncOutcome outcome = context.getBean(SyncRunner.class).run(commandLine.request());
			ExitCode exit = new OutcomeText(summary, this.err).print(outcome);
			shutdown.decided(exit);
			return exit.code();
		}
		catch (RuntimeException ex) {
			return startFailed(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ExitCode.FAILED.code();
		}
		finally {
			shutdown.uninstall();
		}
	}

	/** A read-only look: no credentials, no exchange, no lock; the demo's account without its exchange. */
	private int look(SpringApplication app, SharedDatabase shared, CommandLine commandLine) {
		try (ConfigurableApplicationContext context = start(app, shared,
				commandLine.springArguments().toArray(String[]::new))) {
			JournalViews views = context.getBean(JournalViews.class);
			String account = commandLine.request().account();
			CommandLine.Look look = commandLine.look().get();
			View view;
			if (look instanceof CommandLine.Report report) {
				view = views.report(account, report.executionId());
			}
			else if (look instanceof CommandLine.Sql sql) {
				view = views.sql(sql.query());
			}
			else {
				view = views.status(account);
			}
			return new OutcomeText(this.out, this.err).print(view).code();
		}
		catch (RuntimeException ex) {
			return startFailed(ex);
		}
	}

	/**
	 * The context, started once more when the first start reached the database through another
	 * process's server and that process ended meanwhile: nothing was written, and the file is free.
	 */
	private static ConfigurableApplicationContext start(SpringApplication app, SharedDatabase shared, String[] args) {
		try {
			return app.run(args);
		}
		catch (RuntimeException ex) {
			if (!shared.servedDatabaseGone()) {
				throw ex;
			}
			return app.run(args);
		}
	}

	private int startFailed(RuntimeException ex) {
		if (ex instanceof SpringApplication.AbandonedRunException abandoned) {
			// the build's AOT processing stops the application once its context is defined
			throw abandoned;
		}
		UsageException usage = usageCause(ex);
		if (usage != null) {
			return usage(usage.getMessage());
		}
		Optional<String> settings = SettingsProblems.of(ex);
		if (settings.isPresent()) {
			return usage(settings.get());
		}
		String root = rootMessage(ex);
		if (root.contains("The file is locked")) {
			// H2's file lock: the embedded database admits one process at a time.
			return usage("another sync-job process is using the embedded database (" + root
					+ "): wait for it to finish, or use a PostgreSQL database for concurrent accounts");
		}
		return usage("could not start: " + root
				+ " (check spring.datasource.url and the other settings in application.yml)");
	}

	private int usage(String message) {
		this.err.println("sync-job: " + message);
		return ExitCode.USAGE.code();
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
