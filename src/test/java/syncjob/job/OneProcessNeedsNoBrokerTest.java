package syncjob.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

/**
 * Without {@code --role} the job runs in one process as before: the RabbitMQ libraries on the
 * class path never open a connection. The broker settings point at a listening socket this
 * test owns, so any attempt would be seen.
 */
class OneProcessNeedsNoBrokerTest {

	@Test
	void aSyncWithoutARoleNeverConnectsToTheBroker() throws Exception {
		try (ServerSocketChannel broker = ServerSocketChannel.open();
				ExchangeFixture exchange = ExchangeFixture
					.start(GeneratorConfig.of(7, 3, 30, Instant.now().minus(Duration.ofDays(1))));
				TestDatabase database = TestDatabase.h2()) {
			broker.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			broker.configureBlocking(false);
			Instant to = exchange.end();
			Instant from = to.minus(Duration.ofDays(20));
			java.util.List<String> options = new java.util.ArrayList<>(exchange.options());
			options.add("--spring.rabbitmq.host=127.0.0.1");
			options.add("--spring.rabbitmq.port=" + broker.socket().getLocalPort());

			SyncCommandRunner.Result result = new SyncCommandRunner(database, options).run("account=solo",
					"from=" + from, "to=" + to);

			assertThat(result.exitCode()).as(result.err()).isZero();
			JournalRows.assertSameRows(JournalRows.read(database, "solo"), exchange.truth("solo", from, to, true).trades());
			assertThat(broker.accept()).as("a connection to the broker").isNull();
		}
	}

}
