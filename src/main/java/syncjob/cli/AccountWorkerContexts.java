package syncjob.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.MapPropertySource;

import syncjob.binance.BinanceSettings;
import syncjob.binance.Sleeper;
import syncjob.binance.WeightBudget;
import syncjob.command.AccountContexts;

/**
 * The account contexts of a worker of several accounts: the worker's own settings plus one
 * account's credentials, read where the accounts file says when the account's first request
 * arrives, as a run of several accounts does. They share the worker's connection pool (its
 * size already follows {@code sync.max-parallel-partitions}, which bounds the partitions of
 * every account together) and its address's weight budget, one fair lane per account.
 */
final class AccountWorkerContexts implements AccountContexts, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AccountWorkerContexts.class);

	private final Class<?> application;

	private final List<String> arguments;

	private final Map<String, AccountEntry> accounts = new LinkedHashMap<>();

	private final String file;

	private final UnaryOperator<String> environment;

	private final ConfigurableApplicationContext worker;

	private final Map<String, ConfigurableApplicationContext> started = new LinkedHashMap<>();

	private WeightBudget budget;

	private boolean closed;

	AccountWorkerContexts(Class<?> application, List<String> arguments, List<AccountEntry> accounts, String file,
			UnaryOperator<String> environment, ConfigurableApplicationContext worker) {
		this.application = application;
		this.arguments = List.copyOf(arguments);
		accounts.forEach((entry) -> this.accounts.put(entry.name(), entry));
		this.file = file;
		this.environment = environment;
		this.worker = worker;
	}

	@Override
	public synchronized <T> Optional<T> bean(String account, Class<T> type) {
		AccountEntry entry = this.accounts.get(account);
		if (entry == null || this.closed) {
			return Optional.empty();
		}
		ConfigurableApplicationContext context = this.started.get(account);
		if (context == null) {
			context = start(entry);
			this.started.put(account, context);
		}
		return Optional.of(context.getBean(type));
	}

	@Override
	public synchronized <T> List<T> started(Class<T> type) {
		List<T> beans = new ArrayList<>();
		this.started.values().forEach((context) -> beans.add(context.getBean(type)));
		return beans;
	}

	private ConfigurableApplicationContext start(AccountEntry account) {
		String origin = account.origin(this.file == null ? "" : String.valueOf(Path.of(this.file).getFileName()));
		List<String> problems = new ArrayList<>();
		Optional<String> key = account.key().read(this.environment,
				(problem) -> problems.add("API key (" + origin + "): " + problem));
		Optional<String> secret = account.secret().read(this.environment,
				(problem) -> problems.add("API secret (" + origin + "): " + problem));
		if (!problems.isEmpty()) {
			// not kept: the next request tries again, once the operator fixed the file or the variable
			throw new IllegalStateException(String.join("; ", problems));
		}
		if (this.budget == null) {
			this.budget = WeightBudget.shared(this.worker.getBean(Clock.class), this.worker.getBean(Sleeper.class),
					this.worker.getBean(BinanceSettings.class).maxBanWait());
		}
		WeightBudget lane = this.budget.lane(account.name());
		DataSource pool = this.worker.getBean(DataSource.class);
		SpringApplication app = AccountApplication.of(this.application);
		// the worker's own shutdown stops the partitions first, then closes these contexts
		app.setRegisterShutdownHook(false);
		app.addInitializers((context) -> {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
					"sync-job account " + account.name(),
					Map.of("binance.api-key", key.get(), "binance.api-secret", secret.get())));
			context.getBeanFactory().registerSingleton("accountContextMember", new Member(account.name()));
			context.getBeanFactory().registerSingleton("accountWeightLane", lane);
			context.getBeanFactory().registerSingleton("dataSource", pool);
		});
		log.info("Starting the context of account {} for its partitions", account.name());
		try {
			return app.run(this.arguments.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
			throw new IllegalStateException(root.getMessage() != null ? root.getMessage() : root.toString(), ex);
		}
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		this.started.values().forEach(ConfigurableApplicationContext::close);
		this.started.clear();
	}

}
