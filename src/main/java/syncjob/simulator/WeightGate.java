package syncjob.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Binance's per-IP request weight: a counter per clock minute (fixed windows), HTTP 429
 * when a request would push it over the limit, and an IP ban (HTTP 418) for a client that
 * keeps calling in the minute it was told to stop. Bans start at 2 minutes and double with
 * every repeat offence, up to 3 days. One gate per client address ({@link WeightGates}).
 */
final class WeightGate {

	private static final long MINUTE = 60_000;

	private static final Duration FIRST_BAN = Duration.ofMinutes(2);

	private static final Duration LONGEST_BAN = Duration.ofDays(3);

	private final int limit;

	private final int graceRequestsAfter429;

	private long minute = Long.MIN_VALUE;

	private int used;

	private boolean rejectedThisMinute;

	private int requestsAfter429;

	private long bannedUntil = Long.MIN_VALUE;

	private int offences;

	private final String address;

	WeightGate(int limit, int graceRequestsAfter429) {
		this(limit, graceRequestsAfter429, "127.0.0.1");
	}

	/** @param address the client address this gate counts for, named in ban messages */
	WeightGate(int limit, int graceRequestsAfter429, String address) {
		this.limit = limit;
		this.graceRequestsAfter429 = graceRequestsAfter429;
		this.address = address;
	}

	/** Refuses the call while a ban lasts; weight is not looked at. */
	synchronized Verdict checkBan(Instant now) {
		long millis = now.toEpochMilli();
		roll(millis);
		if (millis < bannedUntil) {
			return banned(millis);
		}
		return Verdict.admitted(used, 0);
	}

	/** Charges {@code weight} to the current minute, or refuses with 429 or 418. */
	synchronized Verdict charge(Instant now, int weight) {
		long millis = now.toEpochMilli();
		roll(millis);
		if (millis < bannedUntil) {
			return banned(millis);
		}
		if (rejectedThisMinute) {
			if (requestsAfter429 >= graceRequestsAfter429) {
				offences++;
				bannedUntil = millis + banLength().toMillis();
				return banned(millis);
			}
			requestsAfter429++;
		}
		if (used + weight > limit) {
			rejectedThisMinute = true;
			long retryAfter = ceilSeconds((minute + 1) * MINUTE - millis);
			return Verdict.refused(429, used, retryAfter, "Too many requests; current limit of IP is " + limit
					+ " requests per minute. Please use the websocket for live updates to avoid polling the API.");
		}
		used += weight;
		return Verdict.admitted(used, weight);
	}

	synchronized int used(Instant now) {
		roll(now.toEpochMilli());
		return used;
	}

	private Duration banLength() {
		Duration ban = FIRST_BAN;
		for (int i = 1; i < offences && ban.compareTo(LONGEST_BAN) < 0; i++) {
			ban = ban.multipliedBy(2);
		}
		return ban.compareTo(LONGEST_BAN) > 0 ? LONGEST_BAN : ban;
	}

	private Verdict banned(long millis) {
		return Verdict.refused(418, used, ceilSeconds(bannedUntil - millis), "Way too many requests; IP(" + address
				+ ") banned until " + bannedUntil + ". Please use the websocket for live updates to avoid bans.");
	}

	private void roll(long millis) {
		long current = Math.floorDiv(millis, MINUTE);
		if (current != minute) {
			minute = current;
			used = 0;
			rejectedThisMinute = false;
			requestsAfter429 = 0;
		}
	}

	private static long ceilSeconds(long millis) {
		return Math.max(1, (millis + 999) / 1000);
	}

	/** The gate's answer: admitted with the minute's weight so far, or refused with a status. */
	record Verdict(boolean admitted, int status, int usedWeight, int charged, long retryAfterSeconds, String message) {

		static Verdict admitted(int usedWeight, int charged) {
			return new Verdict(true, 200, usedWeight, charged, 0, null);
		}

		static Verdict refused(int status, int usedWeight, long retryAfterSeconds, String message) {
			return new Verdict(false, status, usedWeight, 0, retryAfterSeconds, message);
		}
	}
}
