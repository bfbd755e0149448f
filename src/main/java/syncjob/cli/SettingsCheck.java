package syncjob.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

import syncjob.binance.BinanceSettings;

/**
 * Checks the settings once every property source is known and before the context (and so
 * the database) starts, so that a misconfiguration exits 2 having written nothing. In demo
 * mode the simulated exchange supplies the base URL and the credentials.
 */
final class SettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private final SyncRequest request;

	SettingsCheck(SyncRequest request) {
		this.request = request;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Binder binder = Binder.get(event.getEnvironment());
		List<String> problems = new ArrayList<>(Settings.problems(Settings.sync(binder)));
		if (!this.request.demo()) {
			BinanceSettings binance = Settings.binance(binder);
			problems.addAll(binance.problems());
		}
		if (!problems.isEmpty()) {
			throw new UsageException(String.join("; ", problems));
		}
	}

}
