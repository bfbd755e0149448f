package syncjob.job;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Pushes the run's meters to a Prometheus Pushgateway when the context closes, after the job
 * and Spring Batch's own timers have finished: a batch job lives too short for scraping. One
 * group per account ({@code /metrics/job/sync-job/account/NAME}), replaced by the account's
 * next run. A gateway that cannot be reached costs a warning, never the run's result.
 */
final class MetricsPush implements DisposableBean {

	static final String JOB = "sync-job";

	private static final Logger log = LoggerFactory.getLogger(MetricsPush.class);

	private final String gateway;

	private final MeterRegistry registry;

	private final MetricsAccount account;

	/** @param gateway the Pushgateway's URL, or null to push nothing */
	MetricsPush(String gateway, MeterRegistry registry, MetricsAccount account) {
		this.gateway = gateway == null || !gateway.endsWith("/") ? gateway : gateway.substring(0, gateway.length() - 1);
		this.registry = registry;
		this.account = account;
	}

	@Override
	public void destroy() {
		if (this.gateway != null) {
			this.account.account().ifPresent(this::push);
		}
	}

	void push(String account) {
		URI uri = URI.create(this.gateway + "/metrics/job/" + JOB + "/account/"
				+ URLEncoder.encode(account, StandardCharsets.UTF_8));
		String body = PrometheusText.of(this.registry);
		try {
			HttpResponse<String> response = HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(10))
				.build()
				.send(HttpRequest.newBuilder(uri)
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
					.PUT(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				log.warn("Metrics push to {} answered HTTP {}: {}", uri, response.statusCode(), response.body());
			}
			else {
				log.info("Metrics of account {} pushed to {}", account, this.gateway);
			}
		}
		catch (IOException ex) {
			log.warn("Metrics push to {} failed: {}", uri, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.warn("Metrics push to {} interrupted", uri);
		}
	}

}
