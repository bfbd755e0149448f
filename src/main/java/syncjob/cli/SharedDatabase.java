package syncjob.cli;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import syncjob.journal.SharedH2;

/**
 * When the configured embedded H2 file is held open by another sync-job process, this one
 * reaches it through that process's server instead of failing on H2's file lock: so
 * {@code --status} and {@code --sql} work while a sync runs, and so does another account's
 * sync. Decided once the properties are known, before the connection pool exists.
 */
final class SharedDatabase implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	static final String URL = "spring.datasource.url";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		String url = environment.getProperty(URL);
		Optional<String> served = url == null ? Optional.empty() : SharedH2.servedUrl(url);
		served.ifPresent((remote) -> environment.getPropertySources()
			.addFirst(new MapPropertySource("syncjob.sharedDatabase", Map.of(URL, remote))));
	}

}
