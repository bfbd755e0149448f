package syncjob.job;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import syncjob.command.SyncRequest;
import syncjob.journal.Watermarks;

/**
 * Turns a request into the window to sync: {@code to} defaults to now and is never later than
 * now (a later one would move the watermark into the future and skip what happens until
 * then); {@code from} defaults to the account's watermark, else {@code to - days}.
 */
final class WindowResolver {

	private static final Logger log = LoggerFactory.getLogger(WindowResolver.class);

	private final Watermarks watermarks;

	private final Clock clock;

	WindowResolver(Watermarks watermarks, Clock clock) {
		this.watermarks = watermarks;
		this.clock = clock;
	}

	/** The window, or empty when the account is synced up to {@code to} already. */
	Optional<SyncWindow> resolve(SyncRequest request) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant to = request.to().orElse(now);
		if (to.isAfter(now)) {
			log.warn("to={} is later than now: syncing up to now, {}, so that the watermark stays in the past", to,
					now);
			to = now;
		}
		Instant end = to;
		Instant from = request.from()
			.or(() -> this.watermarks.find(request.account()))
			.orElseGet(() -> end.minus(request.days(), ChronoUnit.DAYS));
		return from.isBefore(to) ? Optional.of(new SyncWindow(request.account(), from, to)) : Optional.empty();
	}

	/** Where the account stands when there is nothing to do. */
	Instant syncedTo(SyncRequest request) {
		return this.watermarks.find(request.account()).orElse(request.from().orElse(this.clock.instant()));
	}

}
