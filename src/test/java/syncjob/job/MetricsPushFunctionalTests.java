package syncjob.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.simulator.GeneratorConfig;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

/**
 * Metrics pushed to a Prometheus Pushgateway (a local HTTP endpoint standing in for one) when
 * {@code sync.metrics-push-url} is set: Spring Batch's job and step timers, the client's calls
 * and the job's trades, grouped and tagged by account; nothing pushed without the setting.
 */
class MetricsPushFunctionalTests {

	private final Map<String, String> pushed = new ConcurrentHashMap<>();

	private final List<String> methods = new ArrayList<>();

	private HttpServer gateway;

	private TestDatabase database;

	private ExchangeFixture exchange;

	@BeforeEach
	void start() throws IOException {
		this.gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.gateway.createContext("/", (request) -> {
			try (InputStream body = request.getRequestBody()) {
				this.pushed.put(request.getRequestURI().getPath(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
				synchronized (this.methods) {
					this.methods.add(request.getRequestMethod());
				}
			}
			request.sendResponseHeaders(200, -1);
			request.close();
		});
		this.gateway.start();
		this.database = TestDatabase.h2();
		this.exchange = ExchangeFixture.start(GeneratorConfig.of(91, 4, 30, Instant.now()));
	}

	@AfterEach
	void stop() {
		this.gateway.stop(0);
		this.exchange.close();
		this.database.close();
	}

	private SyncCommandRunner.Result sync(String... options) {
		List<String> all = new ArrayList<>(this.exchange.options());
		all.addAll(List.of(options));
		Instant to = this.exchange.end();
		return new SyncCommandRunner(this.database, all).run("account=main", "from=" + to.minus(Duration.ofDays(20)),
				"to=" + to);
	}

	@Test
	void theRunsMetricsArePushedGroupedAndTaggedByAccount() {
		SyncCommandRunner.Result result = sync("--sync.metrics-push-url=http://127.0.0.1:" + this.gateway.getAddress().getPort());

		assertThat(result.exitCode()).as(result.out() + result.err()).isIn(0, 3);
		assertThat(this.pushed).containsOnlyKeys("/metrics/job/sync-job/account/main");
		assertThat(this.methods).containsExactly("PUT");
		String body = this.pushed.get("/metrics/job/sync-job/account/main");
		int rows = JournalRows.read(this.database, "main").size();
		assertThat(rows).isPositive();
		assertThat(body).contains("syncjob_trades_inserted_total{account=\"main\"} " + rows + "\n")
			.contains("syncjob_trades_rejected_total{account=\"main\"} 0\n")
			.containsPattern("syncjob_binance_calls_total\\{account=\"main\",endpoint=\"/fapi/v1/income\",status=\"200\"\\} [1-9]")
			.containsPattern("syncjob_binance_weight_total\\{account=\"main\",endpoint=\"/fapi/v1/userTrades\"\\} [1-9]")
			.containsPattern("syncjob_reconciliation_differences\\{account=\"main\"\\} \\d")
			.containsPattern("syncjob_trades_open\\{account=\"main\"\\} \\d")
			.containsPattern("(?m)^spring_batch_job_seconds_count\\{[^}]*account=\"main\"[^}]*\\} 1$")
			.containsPattern("(?m)^spring_batch_step_seconds_count\\{[^}]*name=\"reconciliation\"[^}]*\\} 1$");
		long weight = body.lines()
			.filter((line) -> line.startsWith("syncjob_binance_weight_total"))
			.mapToLong((line) -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
		assertThat(weight).isEqualTo(this.exchange.requests().stream().mapToLong((r) -> r.weight()).sum());
	}

	@Test
	void withoutTheSettingNothingIsPushed() {
		SyncCommandRunner.Result result = sync();

		assertThat(result.exitCode()).as(result.out() + result.err()).isIn(0, 3);
		assertThat(this.pushed).isEmpty();
	}

}
