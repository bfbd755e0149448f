package syncjob.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without {@code sync.role} (from any source: option, file, environment) nothing talks to a
 * RabbitMQ broker, so its auto-configuration is left out: building its connection factory took
 * a tenth of a run's start (it loads the broker client and initialises TLS) for nothing. With a
 * role, the broker is configured as before. Operators' own {@code spring.autoconfigure.exclude}
 * entries are kept.
 */
final class BrokerOnlyWithRole implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	static final String EXCLUDE = "spring.autoconfigure.exclude";

	static final List<String> BROKER_AUTO_CONFIGURATION = List.of(
			"org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
			"org.springframework.boot.amqp.autoconfigure.health.RabbitHealthContributorAutoConfiguration",
			"org.springframework.boot.amqp.autoconfigure.metrics.RabbitMetricsAutoConfiguration");

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		String role = environment.getProperty("sync.role");
		if (role != null && !role.isBlank()) {
			return;
		}
		List<String> excluded = new ArrayList<>(
				Binder.get(environment).bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
		excluded.addAll(BROKER_AUTO_CONFIGURATION);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("syncjob.brokerOnlyWithRole", Map.of(EXCLUDE, String.join(",", excluded))));
	}

}
