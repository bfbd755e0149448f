package syncjob.cli;

import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Makes a worker ({@code --role=worker}) with {@code sync.accounts-file} or {@code accounts=} a
 * worker of those accounts: registers their {@link AccountWorkerContexts} in the worker's
 * context, once the settings are known, for its queue consumers to route requests by account.
 * A worker without them holds one account's credentials, as before.
 */
final class AccountWorkers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private final Class<?> application;

	private final CommandLine commandLine;

	private final UnaryOperator<String> environment;

	AccountWorkers(Class<?> application, CommandLine commandLine, UnaryOperator<String> environment) {
		this.application = application;
		this.commandLine = commandLine;
		this.environment = environment;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Binder binder = Binder.get(context.getEnvironment());
		boolean worker = binder.bind("sync.role", String.class).map(String::strip)
			.map("worker"::equalsIgnoreCase).orElse(false);
		String file = binder.bind("sync.accounts-file", String.class).map(String::strip)
			.map((f) -> f.isEmpty() ? null : f).orElse(null);
		List<String> named = this.commandLine.accounts();
		if (!worker || (file == null && named.isEmpty())) {
			return;
		}
		context.getBeanFactory().registerSingleton("accountContexts", new AccountWorkerContexts(this.application,
				this.commandLine.springArguments(), ManyAccountsRun.entries(named, file), file, this.environment,
				context));
	}

}
