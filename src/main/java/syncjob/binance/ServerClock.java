package syncjob.binance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The exchange's clock as seen from here: the local clock plus the offset measured with
 * {@code GET /fapi/v1/time}. Timestamps are signed with it and the weight budget counts its
 * minutes, because Binance checks and counts by its own time.
 */
final class ServerClock extends Clock {

	private final Clock local;

	private volatile long offsetMillis;

	private volatile Instant lastSync;

	ServerClock(Clock local) {
		this.local = local;
	}

	@Override
	public long millis() {
		return local.millis() + offsetMillis;
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the server clock is UTC only");
	}

	Clock local() {
		return local;
	}

	boolean syncDue(Duration interval) {
		Instant last = lastSync;
		return last == null || !local.instant().isBefore(last.plus(interval));
	}

	/** Assumes the server read its clock half-way through the round trip. */
	void update(long serverTime, long sentAtLocal, long receivedAtLocal) {
		offsetMillis = serverTime - (sentAtLocal + (receivedAtLocal - sentAtLocal) / 2);
		lastSync = Instant.ofEpochMilli(receivedAtLocal);
	}

	long offsetMillis() {
		return offsetMillis;
	}
}
