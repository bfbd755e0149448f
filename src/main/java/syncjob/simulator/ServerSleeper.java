package syncjob.simulator;

import java.time.Duration;

/**
 * How the server waits (latency, held responses). Injected so tests can record the waits
 * instead of spending them.
 */
@FunctionalInterface
public interface ServerSleeper {

	ServerSleeper SYSTEM = duration -> {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	};

	void sleep(Duration duration);
}
