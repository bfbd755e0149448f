package syncjob.binance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request-weight budget of one run, shared by all its threads. A call reserves its weight
 * before it is sent and waits for the next minute when the reservation would pass the limit
 * minus a safety margin. Weight still in flight when a minute turns is counted in the new
 * minute too, since the server may count it there; {@code X-MBX-USED-WEIGHT-1M} raises the
 * count when others spend weight from the same IP. A 429 or 418 pauses every thread.
 */
public final class WeightBudget {

	/** Binance's documented USD-M limit, used until exchangeInfo says otherwise. */
	static final int DEFAULT_LIMIT = 2400;

	private static final long MINUTE_MILLIS = 60_000;

	private static final Logger log = LoggerFactory.getLogger(WeightBudget.class);

	private final Clock clock;

	private final Sleeper sleeper;

	private final Duration maxPause;

	private int limit = DEFAULT_LIMIT;

	private long minute = Long.MIN_VALUE;

	private int used;

	private int inFlight;

	private long pausedUntil = Long.MIN_VALUE;

	private String pauseReason = "";

	/**
	 * @param clock the exchange's clock: minutes are the server's minutes
	 * @param maxPause the longest pause (429 or ban) worth waiting out; beyond it calls fail
	 */
	WeightBudget(Clock clock, Sleeper sleeper, Duration maxPause) {
		this.clock = clock;
		this.sleeper = sleeper;
		this.maxPause = maxPause;
	}

	public synchronized int limitPerMinute() {
		return limit;
	}

	/** Weight counted against the current minute, including calls still in flight. */
	public synchronized int usedThisMinute() {
		roll(clock.millis());
		return used;
	}

	synchronized void seedLimit(int weightLimitPerMinute) {
		if (weightLimitPerMinute <= 0) {
			throw new IllegalArgumentException("weight limit must be positive: " + weightLimitPerMinute);
		}
		limit = weightLimitPerMinute;
	}

	private volatile WaitListener listener = WaitListener.NONE;

	/** Who is told of each wait, e.g. the live status line. */
	public void listen(WaitListener waitListener) {
		this.listener = waitListener == null ? WaitListener.NONE : waitListener;
	}

	/** Tells the listener of a retry: the budget is where every thread's waits meet. */
	void retrying(int retry, int maxRetries, String problem) {
		this.listener.retrying(retry, maxRetries, problem);
	}

	/** Tells the listener that a retried call went through. */
	void proceeded() {
		this.listener.proceeding();
	}

	/** Blocks until {@code weight} fits in the current minute and no pause is in force, then reserves it. */
	Ticket reserve(int weight) {
		boolean waited = false;
		while (true) {
			long wait;
			String reason;
			synchronized (this) {
				long now = clock.millis();
				if (now < pausedUntil) {
					if (pausedUntil - now > maxPause.toMillis()) {
						throw new BinanceRetryableException(pauseReason + " until " + Instant.ofEpochMilli(pausedUntil)
								+ ", longer than binance.max-ban-wait (" + maxPause + "); restart the job later", null);
					}
					wait = pausedUntil - now;
					reason = pauseReason;
				}
				else {
					roll(now);
					if (used + weight <= usable() || used == 0) {
						used += weight;
						inFlight += weight;
						if (waited) {
							this.listener.proceeding();
						}
						return new Ticket(weight, minute);
					}
					wait = MINUTE_MILLIS - Math.floorMod(now, MINUTE_MILLIS);
					reason = "weight limit";
					log.debug("weight budget: {} used of {} this minute, waiting {} ms for the next minute", used,
							limit, wait);
				}
			}
			waited = true;
			this.listener.waiting(Instant.ofEpochMilli(clock.millis() + wait), reason);
			sleep(Duration.ofMillis(wait));
		}
	}

	/** Ends a reservation; {@code serverUsed} is the response's X-MBX-USED-WEIGHT-1M, if any. */
	synchronized void complete(Ticket ticket, OptionalInt serverUsed) {
		roll(clock.millis());
		inFlight -= ticket.weight();
		// the header counts only what the server has seen; calls still in flight come on top
		if (serverUsed.isPresent() && ticket.minute() == minute) {
			used = Math.max(used, serverUsed.getAsInt() + inFlight);
		}
	}

	/** Stops every thread's calls until {@code until}. */
	synchronized void pause(Instant until, String reason) {
		if (until.toEpochMilli() > pausedUntil) {
			pausedUntil = until.toEpochMilli();
			pauseReason = reason;
		}
	}

	synchronized boolean pauseTooLong(Instant until) {
		return until.toEpochMilli() - clock.millis() > maxPause.toMillis();
	}

	/** The limit minus a small margin for clock skew between here and the server. */
	private int usable() {
		return limit - Math.max(1, (limit + 19) / 20);
	}

	private void roll(long now) {
		long current = Math.floorDiv(now, MINUTE_MILLIS);
		if (current != minute) {
			minute = current;
			used = inFlight;
		}
	}

	private void sleep(Duration duration) {
		try {
			sleeper.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new BinanceRetryableException("interrupted while waiting for the Binance request-weight budget", e);
		}
	}

	/** A reservation: its weight and the server minute it was made in. */
	record Ticket(int weight, long minute) {
	}
}
