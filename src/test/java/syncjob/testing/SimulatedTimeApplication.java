package syncjob.testing;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import syncjob.SyncJobApplication;
import syncjob.binance.Sleeper;

/**
 * The jar's application with the clock and the client's sleeper taken from the installed
 * {@link SimulatedTime}. Deliberately not a {@code @Configuration}: the application scans
 * {@code syncjob}, and this class must apply only to the runs that name it.
 */
@Import(SyncJobApplication.class)
public class SimulatedTimeApplication {

	@Bean
	@Primary
	Clock simulatedClock() {
		return SimulatedTime.current().jobClock();
	}

	@Bean
	@Primary
	Sleeper simulatedSleeper() {
		return SimulatedTime.current().sleeper();
	}

}
