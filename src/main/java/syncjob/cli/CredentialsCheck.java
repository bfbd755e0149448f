package syncjob.cli;

import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

import syncjob.binance.BinanceSettings;
import syncjob.command.UsageException;

/**
 * A new sync reaches the exchange, so its credentials must be there before the database is
 * touched: checked once every property source is known, before the context starts. The same
 * settings record the job binds; a restart checks them only once it found something to
 * restart, the demo brings its own, and a run of several accounts reads each account's own.
 */
final class CredentialsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (Binder.get(event.getEnvironment()).bind("sync.accounts-file", String.class).isBound()) {
			// several accounts, each with its own credentials, checked when its run starts
			return;
		}
		BinanceSettings settings = Binder.get(event.getEnvironment()).bindOrCreate("binance", BinanceSettings.class);
		List<String> missing = settings.credentialProblems();
		if (!missing.isEmpty()) {
			throw new UsageException(String.join("; ", missing));
		}
	}

}
