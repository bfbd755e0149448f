package syncjob.binance;

import java.time.Duration;

/** Every wait of the client goes through this, so tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

	Sleeper SYSTEM = duration -> {
		if (!duration.isNegative() && !duration.isZero()) {
			Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
		}
	};

	void sleep(Duration duration) throws InterruptedException;
}
