package syncjob.testing;

import java.util.List;
import java.util.UUID;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Where the RabbitMQ test broker is: 127.0.0.1:5672, guest/guest, unless SYNC_JOB_RABBIT_HOST /
 * SYNC_JOB_RABBIT_PORT say otherwise. Each test names its own queue, so tests never share
 * requests, and deletes it when done.
 */
public final class RabbitService {

	private static volatile Boolean available;

	private RabbitService() {
	}

	public static String host() {
		return env("SYNC_JOB_RABBIT_HOST", "127.0.0.1");
	}

	public static int port() {
		return Integer.parseInt(env("SYNC_JOB_RABBIT_PORT", "5672"));
	}

	public static String describe() {
		return "guest@" + host() + ":" + port();
	}

	/** The command-line options that point a manager or worker at the broker and at {@code queue}. */
	public static List<String> options(String queue) {
		return List.of("--spring.rabbitmq.host=" + host(), "--spring.rabbitmq.port=" + port(),
				"--sync.remote.queue=" + queue);
	}

	public static String newQueueName() {
		return "sync-job.test." + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A connection of the plain client, for tests that publish or inspect by hand. */
	public static Connection connect() throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(host());
		factory.setPort(port());
		factory.setUsername("guest");
		factory.setPassword("guest");
		factory.setConnectionTimeout(3000);
		return factory.newConnection("sync-job-test");
	}

	/** Messages waiting in {@code queue} (not counting those delivered and not yet acknowledged). */
	public static long waiting(String queue) throws Exception {
		try (Connection c = connect(); Channel channel = c.createChannel()) {
			return channel.queueDeclarePassive(queue).getMessageCount();
		}
	}

	public static void deleteQueue(String queue) {
		try (Connection c = connect(); Channel channel = c.createChannel()) {
			channel.queueDelete(queue);
		}
		catch (Exception ex) {
			// the broker is gone: nothing to clean up
		}
	}

	/** Whether the broker answers; asked once per test JVM. */
	public static boolean available() {
		if (available == null) {
			synchronized (RabbitService.class) {
				if (available == null) {
					try (Connection c = connect()) {
						available = c.isOpen();
					}
					catch (Exception ex) {
						available = false;
					}
				}
			}
		}
		return available;
	}

	/** CI (or -Drabbitmq.required=true) must never skip the RabbitMQ tests silently. */
	public static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("rabbitmq.required");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
