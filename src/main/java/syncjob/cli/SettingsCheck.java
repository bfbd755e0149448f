package syncjob.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Checks the settings once every property source is known and before the context (and so
 * the database) starts, so that a misconfiguration exits 2 having written nothing.
 */
final class SettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private final SyncRequest request;

	SettingsCheck(SyncRequest request) {
		this.request = request;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Binder binder = Binder.get(event.getEnvironment());
		List<String> problems = new ArrayList<>();
		positive(binder, "sync.symbols-per-partition", problems);
		positive(binder, "sync.max-parallel-partitions", problems);
		if (!problems.isEmpty()) {
			throw new UsageException(String.join("; ", problems));
		}
	}

	private static void positive(Binder binder, String name, List<String> problems) {
		binder.bind(name, Integer.class).ifBound((value) -> {
			if (value <= 0) {
				problems.add(name + "=" + value + " must be a positive whole number: set it to 1 or more");
			}
		});
	}

}
