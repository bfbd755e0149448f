package syncjob.cli;

import java.nio.file.Path;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * A mistake in {@code sync.accounts-file} ends the run with exit 2 naming the line before the
 * context starts, so the database is not touched: read once every property source is known.
 */
final class AccountsFileCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Binder.get(event.getEnvironment())
			.bind("sync.accounts-file", String.class)
			.map(String::strip)
			.ifBound((file) -> {
				if (!file.isEmpty()) {
					AccountsFile.read(Path.of(file));
				}
			});
	}

}
