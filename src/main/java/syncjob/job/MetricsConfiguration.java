package syncjob.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The run's meters: Spring Batch's own job and step metrics (its observations, recorded into
 * the registry once an {@link ObservationRegistry} bean exists), the client's calls and the
 * job's trades and differences, all tagged with the account. Kept in memory and pushed to a
 * Prometheus Pushgateway at the end when {@code sync.metrics-push-url} is set; otherwise they
 * cost a few counters and go nowhere.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	MetricsAccount metricsAccount() {
		return new MetricsAccount();
	}

	@Bean
	@ConditionalOnMissingBean
	MeterRegistry meterRegistry(MetricsAccount account) {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(account);
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean
	ObservationRegistry observationRegistry(MeterRegistry meters) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		return registry;
	}

	@Bean
	ClientMetrics clientMetrics(MeterRegistry meters) {
		return new ClientMetrics(meters);
	}

	@Bean
	JobMetrics jobMetrics(MeterRegistry meters) {
		return new JobMetrics(meters);
	}

	@Bean
	MetricsPush metricsPush(SyncSettings settings, MeterRegistry meters, MetricsAccount account) {
		return new MetricsPush(settings.metricsPushUrl(), meters, account);
	}

}
