package syncjob.binance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request-weight budget of one run, shared by all its threads. A call reserves its weight
 * before it is sent and waits for the next minute when the reservation would pass the limit
 * minus a safety margin. Weight still in flight when a minute turns is counted in the new
 * minute too, since the server may count it there; {@code X-MBX-USED-WEIGHT-1M} raises the
 * count when others spend weight from the same IP. A 429 or 418 pauses every thread.
 * <p>
 * Several accounts synced in one process share their IP's budget: {@link #shared} makes the
 * budget, {@link #lane} one view of it per account, and reservations take turns fairly
 * between the accounts ({@link FairTurns}).
 */
public final class WeightBudget {

	/** Binance's documented USD-M limit, used until exchangeInfo says otherwise. */
	static final int DEFAULT_LIMIT = 2400;

	private static final long MINUTE_MILLIS = 60_000;

	/** How long after its last reservation a lane still counts as active, its fair share kept for it. */
	static final long LANE_ACTIVE_MILLIS = 5_000;

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

	/** The budget this one is a lane of, or null when it is a budget itself. */
	private final WeightBudget shared;

	private final String lane;

	private final FairTurns turns;

	private volatile CallListener listener = CallListener.NONE;

	/** Told of this budget's (this lane's) waits and retries, e.g. the live status line. */
	private volatile WaitListener waitListener = WaitListener.NONE;

	/** Per lane, what it spent of the current minute (only in a budget, not in a lane view). */
	private final Map<String, LaneUse> laneUse = new HashMap<>();

	/**
	 * @param clock the exchange's clock: minutes are the server's minutes
	 * @param maxPause the longest pause (429 or ban) worth waiting out; beyond it calls fail
	 */
	WeightBudget(Clock clock, Sleeper sleeper, Duration maxPause) {
		this.clock = clock;
		this.sleeper = sleeper;
		this.maxPause = maxPause;
		this.shared = null;
		this.lane = "";
		this.turns = new FairTurns();
	}

	private WeightBudget(WeightBudget shared, String lane) {
		this.clock = shared.clock;
		this.sleeper = shared.sleeper;
		this.maxPause = shared.maxPause;
		this.shared = shared;
		this.lane = lane;
		this.turns = shared.turns;
	}

	/**
	 * One IP's budget for the clients of several accounts in this process: give each client its
	 * own {@link #lane}.
	 *
	 * @param clock the exchange's minutes (the system clock is close enough: a margin is kept)
	 * @param maxPause {@code binance.max-ban-wait}
	 */
	public static WeightBudget shared(Clock clock, Sleeper sleeper, Duration maxPause) {
		return new WeightBudget(clock, sleeper, maxPause);
	}

	/** This budget as one account's client spends it: reservations take turns with the other lanes'. */
	public WeightBudget lane(String name) {
		if (shared != null) {
			throw new IllegalStateException("a lane of a lane");
		}
		return new WeightBudget(this, name);
	}

	/** Weight granted to each lane so far, as the fair turns count it. */
	public Map<String, Long> grantedByLane() {
		return turns.granted();
	}

	/** Callers of every lane waiting for their turn to reserve. */
	int waitingCallers() {
		return turns.waitingCallers();
	}

	/** Whether a caller has the turn to reserve now. */
	boolean turnTaken() {
		return turns.taken();
	}

	public int limitPerMinute() {
		if (shared != null) {
			return shared.limitPerMinute();
		}
		synchronized (this) {
			return limit;
		}
	}

	/** Weight counted against the current minute, including calls still in flight. */
	public int usedThisMinute() {
		if (shared != null) {
			return shared.usedThisMinute();
		}
		synchronized (this) {
			roll(clock.millis());
			return used;
		}
	}

	void seedLimit(int weightLimitPerMinute) {
		if (shared != null) {
			shared.seedLimit(weightLimitPerMinute);
			return;
		}
		seedOwnLimit(weightLimitPerMinute);
	}

	private synchronized void seedOwnLimit(int weightLimitPerMinute) {
		if (weightLimitPerMinute <= 0) {
			throw new IllegalArgumentException("weight limit must be positive: " + weightLimitPerMinute);
		}
		limit = weightLimitPerMinute;
	}

	/**
	 * Blocks until it is this lane's turn, {@code weight} fits in the current minute (beside the
	 * fair share kept for the other active lanes) and no pause is in force, then reserves it.
	 */
	Ticket reserve(int weight) {
		long start = clock.millis();
		Ticket ticket = reserveFairly(weight);
		long waited = clock.millis() - start;
		if (waited > 0) {
			listener.waitedForWeight(Duration.ofMillis(waited));
			waitListener.proceeding();
		}
		return ticket;
	}

	/** Who is told about this budget's (this lane's) waits, for metrics. */
	void listen(CallListener listener) {
		this.listener = listener;
	}

	/** Who is told of each wait and retry, e.g. the live status line. */
	public void listen(WaitListener waitListener) {
		this.waitListener = waitListener == null ? WaitListener.NONE : waitListener;
	}

	/** Tells the wait listener of a retry: the budget is where every thread's waits meet. */
	void retrying(int retry, int maxRetries, String problem) {
		this.waitListener.retrying(retry, maxRetries, problem);
	}

	/** Tells the wait listener that a retried call went through. */
	void proceeded() {
		this.waitListener.proceeding();
	}

	private Ticket reserveFairly(int weight) {
		WeightBudget budget = shared != null ? shared : this;
		while (true) {
			FairTurns.Waiter turn = turns.enter(lane, weight);
			Ticket ticket = null;
			long shareWait;
			try {
				Object result = budget.reserveInTurn(lane, weight, waitListener);
				if (result instanceof Ticket granted) {
					ticket = granted;
					return granted;
				}
				shareWait = (Long) result;
			}
			finally {
				turns.leave(turn, ticket != null);
			}
			// over its share while others may still claim theirs: wait without the turn, for the next
			// minute or for an active lane to go quiet and leave its share
			waitListener.waiting(Instant.ofEpochMilli(clock.millis() + shareWait), "weight limit (shared with other accounts)");
			sleep(Duration.ofMillis(shareWait));
		}
	}

	/** A {@link Ticket}, or how long {@code lane} must wait (outside its turn) for the next minute. */
	private Object reserveInTurn(String lane, int weight, WaitListener waits) {
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
						if (used != 0 && used + weight > usable() - roomKeptForOthers(lane, now)) {
							// until the next minute, or until a lane it waits for may have gone quiet
							// and left its share: the room kept is for lanes that use it
							return Math.min(MINUTE_MILLIS - Math.floorMod(now, MINUTE_MILLIS), LANE_ACTIVE_MILLIS);
						}
						used += weight;
						inFlight += weight;
						laneUse.computeIfAbsent(lane, name -> new LaneUse()).add(minute, weight, now);
						return new Ticket(weight, minute);
					}
					wait = MINUTE_MILLIS - Math.floorMod(now, MINUTE_MILLIS);
					reason = "weight limit";
					log.debug("weight budget: {} used of {} this minute, waiting {} ms for the next minute", used,
							limit, wait);
				}
			}
			waits.waiting(Instant.ofEpochMilli(clock.millis() + wait), reason);
			sleep(Duration.ofMillis(wait));
		}
	}

	/**
	 * The weight this minute still kept for the other lanes that are active (waiting now, or
	 * reserved within the last {@link #LANE_ACTIVE_MILLIS}, as between the calls of a chain):
	 * each active lane's equal share of the minute, less what it already spent in it. Zero when
	 * one lane spends the budget alone. A lane that went quiet (its account waits for its next
	 * batch, or is done) keeps nothing: holding its share for it would leave the busy lanes
	 * waiting for the next minute with the budget unspent.
	 */
	private long roomKeptForOthers(String lane, long now) {
		Set<String> active = new HashSet<>(turns.waitingLanes());
		laneUse.forEach((name, use) -> {
			if (now - use.lastReserved <= LANE_ACTIVE_MILLIS) {
				active.add(name);
			}
		});
		active.add(lane);
		if (active.size() == 1) {
			return 0;
		}
		long share = usable() / active.size();
		long room = 0;
		for (String other : active) {
			if (!other.equals(lane)) {
				LaneUse use = laneUse.get(other);
				long spent = use == null ? 0 : use.usedIn(minute);
				room += Math.max(0, share - spent);
			}
		}
		return room;
	}

	/** One lane's spending: in which minute it last reserved, and how much in that minute. */
	private static final class LaneUse {

		private long lastMinute = Long.MIN_VALUE;

		private long lastReserved = Long.MIN_VALUE;

		private long used;

		void add(long minute, int weight, long now) {
			lastReserved = now;
			if (minute != lastMinute) {
				lastMinute = minute;
				used = 0;
			}
			used += weight;
		}

		long usedIn(long minute) {
			return minute == lastMinute ? used : 0;
		}
	}

	/** Ends a reservation; {@code serverUsed} is the response's X-MBX-USED-WEIGHT-1M, if any. */
	void complete(Ticket ticket, OptionalInt serverUsed) {
		if (shared != null) {
			shared.complete(ticket, serverUsed);
			return;
		}
		completeOwn(ticket, serverUsed);
	}

	private synchronized void completeOwn(Ticket ticket, OptionalInt serverUsed) {
		roll(clock.millis());
		inFlight -= ticket.weight();
		// the header counts only what the server has seen; calls still in flight come on top
		if (serverUsed.isPresent() && ticket.minute() == minute) {
			used = Math.max(used, serverUsed.getAsInt() + inFlight);
		}
	}

	/** Stops every thread's calls (every lane's) until {@code until}. */
	void pause(Instant until, String reason) {
		if (shared != null) {
			shared.pause(until, reason);
			return;
		}
		pauseOwn(until, reason);
	}

	private synchronized void pauseOwn(Instant until, String reason) {
		if (until.toEpochMilli() > pausedUntil) {
			pausedUntil = until.toEpochMilli();
			pauseReason = reason;
		}
	}

	boolean pauseTooLong(Instant until) {
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
