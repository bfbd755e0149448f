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
 * sync. Decided once the properties are known, before the connection pool exists; should that
 * server stop before the pool connects, the command starts once more ({@link #servedDatabaseGone()}).
 */
final class SharedDatabase implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	static final String URL = "spring.datasource.url";

	/** The configured URL, when this start reaches it through another process's server. */
	private volatile String servedInstead;

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		String url = environment.getProperty(URL);
		Optional<String> served = url == null ? Optional.empty() : SharedH2.servedUrl(url);
		this.servedInstead = served.isPresent() ? url : null;
		served.ifPresent((remote) -> environment.getPropertySources()
			.addFirst(new MapPropertySource("syncjob.sharedDatabase", Map.of(URL, remote))));
	}

	/**
	 * Whether the last start chose another process's server and that server has gone since: the
	 * process ended (a sync finishing) between the choice and the first connection, and the file
	 * is free to open now. Such a start failed before it wrote anything and can simply be retried.
	 */
	boolean servedDatabaseGone() {
		String url = this.servedInstead;
		return url != null && SharedH2.servedUrl(url).isEmpty();
	}

}
