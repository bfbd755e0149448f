package syncjob.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The text a Pushgateway receives: Prometheus names, suffixes per meter type, escaped labels. */
class PrometheusTextTest {

	@Test
	void countersGaugesAndTimersInTheExpositionFormat() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		Counter.builder("syncjob.binance.calls").tag("endpoint", "/fapi/v1/income").tag("status", "200")
			.register(registry).increment(3);
		Gauge.builder("syncjob.trades.open", () -> 2).tag("account", "a\"b\\c").register(registry);
		Timer.builder("syncjob.binance.weight.wait").register(registry).record(Duration.ofMillis(1500));

		String text = PrometheusText.of(registry);

		assertThat(text.lines()).containsExactly(
				"syncjob_binance_calls_total{endpoint=\"/fapi/v1/income\",status=\"200\"} 3",
				"syncjob_binance_weight_wait_seconds_count 1",
				"syncjob_binance_weight_wait_seconds_max 1.5",
				"syncjob_binance_weight_wait_seconds_sum 1.5",
				"syncjob_trades_open{account=\"a\\\"b\\\\c\"} 2");
	}

}
