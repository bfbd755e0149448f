package syncjob.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.MapPropertySource;

import syncjob.binance.BinanceSettings;
import syncjob.binance.Sleeper;
import syncjob.binance.WeightBudget;
import syncjob.cli.AccountsSummaryText.AccountResult;
import syncjob.command.AccountsSettings;
import syncjob.command.ExitCode;
import syncjob.command.Restart;
import syncjob.command.SyncOutcome;
import syncjob.command.SyncRequest;
import syncjob.command.SyncRunner;
import syncjob.command.UsageException;

/**
 * A run over several accounts: the single-account run, unchanged, once per account in an
 * application context of its own (its own client, lock, watermark, job instance and
 * {@code --restart}), at most {@code sync.max-parallel-accounts} at once, all spending one
 * weight budget per IP through fair lanes. An account's credentials are read when its turn
 * comes and go only into its own context's settings. One account's failure never stops the
 * others; the run ends with a line per account and the several-accounts exit code.
 */
final class ManyAccountsRun {

	private static final Logger log = LoggerFactory.getLogger(ManyAccountsRun.class);

	/** Contexts start one at a time: their database migrations and checks must not race. */
	private static final Object STARTING = new Object();

	private final Class<?> application;

	private final CommandLine commandLine;

	private final ConfigurableApplicationContext parent;

	private final PrintStream out;

	private final UnaryOperator<String> environment;

	ManyAccountsRun(Class<?> application, CommandLine commandLine, ConfigurableApplicationContext parent,
			PrintStream out, UnaryOperator<String> environment) {
		this.application = application;
		this.commandLine = commandLine;
		this.parent = parent;
		this.out = out;
		this.environment = environment;
	}

	/** Whether this command line, with these settings, syncs several accounts. */
	static boolean applies(CommandLine commandLine, AccountsSettings settings) {
		return !commandLine.accounts().isEmpty() || settings.accountsFile() != null;
	}

	ExitCode run(AccountsSettings settings) {
		if (this.commandLine.demo()) {
			throw new UsageException("--demo syncs one generated account: remove sync.accounts-file.");
		}
		if (this.commandLine.request().restart().flatMap(Restart::executionId).isPresent()) {
			throw new UsageException("--restart=ID restarts one execution: run it without accounts= and "
					+ "sync.accounts-file, or give --restart alone to resume each account's latest failed run.");
		}
		String file = settings.accountsFile();
		List<AccountEntry> accounts = entries(file);
		WeightBudget budget = WeightBudget.shared(this.parent.getBean(Clock.class),
				this.parent.getBean(Sleeper.class), this.parent.getBean(BinanceSettings.class).maxBanWait());
		int parallel = Math.min(settings.maxParallelAccounts(), accounts.size());
		log.info("Syncing {} accounts, {} at a time", accounts.size(), parallel);
		ExecutorService pool = Executors.newFixedThreadPool(parallel, threads());
		Map<String, Future<AccountResult>> running = new LinkedHashMap<>();
		try {
			for (AccountEntry account : accounts) {
				running.put(account.name(), pool.submit(() -> runOne(account, file, budget)));
			}
			List<AccountResult> results = new ArrayList<>();
			running.forEach((name, future) -> results.add(await(name, future)));
			return AccountsSummaryText.print(this.out, results);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The accounts named by {@code accounts=} (from the file when there is one), or every account of the file. */
	private List<AccountEntry> entries(String file) {
		return entries(this.commandLine.accounts(), file);
	}

	/**
	 * The accounts {@code named} (from the file when there is one, else with credentials from
	 * {@code BINANCE_API_KEY_NAME} and {@code BINANCE_API_SECRET_NAME}), or every account of the file.
	 */
	static List<AccountEntry> entries(List<String> named, String file) {
		if (file == null) {
			return named.stream()
				.map((name) -> new AccountEntry(name, new CredentialSource.Environment(variable("BINANCE_API_KEY_", name)),
						new CredentialSource.Environment(variable("BINANCE_API_SECRET_", name)), 0))
				.toList();
		}
		List<AccountEntry> listed = AccountsFile.read(Path.of(file));
		if (named.isEmpty()) {
			return listed;
		}
		List<AccountEntry> chosen = new ArrayList<>();
		for (String name : named) {
			chosen.add(listed.stream().filter((a) -> a.name().equals(name)).findFirst()
				.orElseThrow(() -> new UsageException("accounts= names " + name + ", which " + file
						+ " does not list: add it there or drop it from accounts=.")));
		}
		return chosen;
	}

	/** {@code BINANCE_API_KEY_} + the name in capitals, other characters as {@code _}: alice.eu is ALICE_EU. */
	static String variable(String prefix, String account) {
		return prefix + account.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
	}

	private AccountResult runOne(AccountEntry account, String file, WeightBudget budget) {
		// the file's name only: the line stays in view when the summary clips a long path
		String origin = account.origin(file == null ? "" : String.valueOf(Path.of(file).getFileName()));
		List<String> problems = new ArrayList<>();
		Optional<String> key = account.key().read(this.environment,
				(problem) -> problems.add("API key (" + origin + "): " + problem));
		Optional<String> secret = account.secret().read(this.environment,
				(problem) -> problems.add("API secret (" + origin + "): " + problem));
		SyncOutcome outcome;
		if (!problems.isEmpty()) {
			outcome = new SyncOutcome.MissingSettings(problems);
		}
		else {
			outcome = sync(account.name(), key.get(), secret.get(), budget.lane(account.name()));
		}
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		PrintStream print = new PrintStream(text, true, StandardCharsets.UTF_8);
		ExitCode exit = new OutcomeText(print, print).print(outcome);
		synchronized (this.out) {
			this.out.println("=== account " + account.name() + " ===");
			this.out.print(text.toString(StandardCharsets.UTF_8));
			this.out.flush();
		}
		return new AccountResult(account.name(), outcome, exit);
	}

	/** The single-account run in a context of its own, with the account's credentials and budget lane. */
	private SyncOutcome sync(String account, String key, String secret, WeightBudget lane) {
		SpringApplication app = AccountApplication.of(this.application);
		app.addListeners(new BrokerOnlyWithRole());
		app.addInitializers((context) -> {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sync-job account " + account,
					Map.of("binance.api-key", key, "binance.api-secret", secret)));
			context.getBeanFactory().registerSingleton("accountWeightLane", lane);
		});
		try {
			ConfigurableApplicationContext context;
			synchronized (STARTING) {
				context = app.run(this.commandLine.springArguments().toArray(String[]::new));
			}
			try (context) {
				return context.getBean(SyncRunner.class).run(request(account));
			}
		}
		catch (RuntimeException ex) {
			Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
			log.error("Account {} could not run: {}", account, root.toString());
			return new SyncOutcome.FailedToStart(root.getMessage() != null ? root.getMessage() : root.toString());
		}
	}

	private SyncRequest request(String account) {
		SyncRequest template = this.commandLine.request();
		Optional<Restart> restart = template.restart().map((r) -> Restart.mostRecentOf(account));
		return new SyncRequest(restart, account, template.from(), template.to(), template.days());
	}

	private static AccountResult await(String account, Future<AccountResult> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			return new AccountResult(account, new SyncOutcome.FailedToStart(cause.toString()), ExitCode.FAILED);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new AccountResult(account, new SyncOutcome.FailedToStart("interrupted"), ExitCode.FAILED);
		}
	}

	private static ThreadFactory threads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> new Thread(runnable, "account-" + count.incrementAndGet());
	}

}
