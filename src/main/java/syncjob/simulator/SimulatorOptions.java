package syncjob.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Everything that shapes how the simulated exchange behaves, apart from the account it
 * serves. Start from {@link #defaults()} or {@link #builder()}; every field has a default
 * that behaves like Binance on a good day.
 *
 * @param seed drives the default credentials and every random choice (faults, jitter)
 * @param port 0 picks a free port
 * @param skew how far the server's clock is ahead of {@code clock} (negative: behind)
 * @param weightLimit request weight allowed per clock minute
 * @param graceRequestsAfter429 requests tolerated in the same minute after a 429 before the IP is banned
 * @param latency added to every response; {@code jitter} adds a seeded random 0..jitter on top
 * @param sleeper how latency and held responses are waited out
 * @param requestLogFile where request log lines are appended as JSON, or null for memory only
 * @param threads server worker threads (clients call from several partitions at once)
 * @param tradeRetention fills served back this far (default six calendar months)
 * @param orderRetention orders served back this far (default 90 days)
 * @param incomeRetention income served back this far (default three calendar months)
 * @param idPagingDays 0: a userTrades request by {@code fromId} alone (allOrders by {@code orderId}
 *        alone) reaches back to the retention; N > 0: only N days back, one reading of Binance's
 *        "the last 7 days' data" when no time is sent
 * @param tooOldStart what a startTime older than the endpoint's retention gets
 * @param hiddenFills fills userTrades never serves (Binance lost them)
 * @param commissionSign the sign userTrades gives a fee paid
 * @param klines whether {@code GET /fapi/v1/klines} is served; false: it is not found (404),
 *        as on an exchange without it
 */
public record SimulatorOptions(long seed, String apiKey, String apiSecret, int port, Clock clock, Duration skew,
		int weightLimit, int graceRequestsAfter429, Duration latency, Duration jitter, ServerSleeper sleeper,
		Retention tradeRetention, Retention orderRetention, Retention incomeRetention, double serverErrorRate,
		double timeoutRate, TimeoutMode timeoutMode, Duration timeoutHold, double malformedRate, Path requestLogFile,
		int threads, int idPagingDays, TooOldStart tooOldStart, Set<HiddenFill> hiddenFills,
		CommissionSign commissionSign, boolean klines) {

	public static final long DEFAULT_SEED = 42L;

	public SimulatorOptions {
		Objects.requireNonNull(apiKey, "apiKey");
		Objects.requireNonNull(apiSecret, "apiSecret");
		Objects.requireNonNull(clock, "clock");
		Objects.requireNonNull(skew, "skew");
		Objects.requireNonNull(latency, "latency");
		Objects.requireNonNull(jitter, "jitter");
		Objects.requireNonNull(sleeper, "sleeper");
		Objects.requireNonNull(tradeRetention, "tradeRetention");
		Objects.requireNonNull(orderRetention, "orderRetention");
		Objects.requireNonNull(incomeRetention, "incomeRetention");
		Objects.requireNonNull(timeoutMode, "timeoutMode");
		Objects.requireNonNull(timeoutHold, "timeoutHold");
		Objects.requireNonNull(tooOldStart, "tooOldStart");
		Objects.requireNonNull(commissionSign, "commissionSign");
		hiddenFills = Set.copyOf(hiddenFills);
		requireArgument(!apiKey.isBlank() && !apiSecret.isBlank(), "apiKey and apiSecret must not be blank");
		requireArgument(port >= 0 && port <= 65535, "port must be 0..65535");
		requireArgument(weightLimit > 0, "weightLimit must be positive");
		requireArgument(graceRequestsAfter429 >= 0, "graceRequestsAfter429 must not be negative");
		requireArgument(!latency.isNegative() && !jitter.isNegative(), "latency and jitter must not be negative");
		requireArgument(threads > 0, "threads must be positive");
		requireArgument(idPagingDays >= 0, "idPagingDays must not be negative");
		Faults.requireRate(serverErrorRate);
		Faults.requireRate(timeoutRate);
		Faults.requireRate(malformedRate);
	}

	public static SimulatorOptions defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		return new Builder(this);
	}

	public SimulatorOptions withClock(Clock clock) {
		return toBuilder().clock(clock).build();
	}

	public SimulatorOptions withPort(int port) {
		return toBuilder().port(port).build();
	}

	public SimulatorOptions withSkew(Duration skew) {
		return toBuilder().skew(skew).build();
	}

	public SimulatorOptions withWeightLimit(int weightLimit) {
		return toBuilder().weightLimit(weightLimit).build();
	}

	public SimulatorOptions withRequestLogFile(Path requestLogFile) {
		return toBuilder().requestLogFile(requestLogFile).build();
	}

	/** A Binance-looking key of 64 letters and digits, the same for the same seed. */
	static String credential(long seed) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		Random random = new Random(seed);
		StringBuilder key = new StringBuilder(64);
		for (int i = 0; i < 64; i++) {
			key.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return key.toString();
	}

	private static void requireArgument(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/** Mutable assembly of options; unset credentials are derived from the seed at {@link #build()}. */
	public static final class Builder {

		private long seed = DEFAULT_SEED;

		private String apiKey;

		private String apiSecret;

		private int port;

		private Clock clock = Clock.systemUTC();

		private Duration skew = Duration.ZERO;

		private int weightLimit = 2400;

		private int graceRequestsAfter429;

		private Duration latency = Duration.ZERO;

		private Duration jitter = Duration.ZERO;

		private ServerSleeper sleeper = ServerSleeper.SYSTEM;

		private Retention tradeRetention = Retention.calendarMonths(6);

		private Retention orderRetention = Retention.days(90);

		private Retention incomeRetention = Retention.calendarMonths(3);

		private double serverErrorRate;

		private double timeoutRate;

		private TimeoutMode timeoutMode = TimeoutMode.HOLD;

		private Duration timeoutHold = Duration.ofSeconds(30);

		private double malformedRate;

		private Path requestLogFile;

		/** Twice what the job keeps in flight (32), so the added latency overlaps as on Binance: a worker sleeps it out. */
		private int threads = 64;

		private int idPagingDays;

		private TooOldStart tooOldStart = TooOldStart.CLIP;

		private Set<HiddenFill> hiddenFills = Set.of();

		private CommissionSign commissionSign = CommissionSign.PAID_POSITIVE;

		private boolean klines = true;

		private Builder() {
		}

		private Builder(SimulatorOptions o) {
			seed = o.seed;
			apiKey = o.apiKey;
			apiSecret = o.apiSecret;
			port = o.port;
			clock = o.clock;
			skew = o.skew;
			weightLimit = o.weightLimit;
			graceRequestsAfter429 = o.graceRequestsAfter429;
			latency = o.latency;
			jitter = o.jitter;
			sleeper = o.sleeper;
			tradeRetention = o.tradeRetention;
			orderRetention = o.orderRetention;
			incomeRetention = o.incomeRetention;
			serverErrorRate = o.serverErrorRate;
			timeoutRate = o.timeoutRate;
			timeoutMode = o.timeoutMode;
			timeoutHold = o.timeoutHold;
			malformedRate = o.malformedRate;
			requestLogFile = o.requestLogFile;
			threads = o.threads;
			idPagingDays = o.idPagingDays;
			tooOldStart = o.tooOldStart;
			hiddenFills = o.hiddenFills;
			commissionSign = o.commissionSign;
			klines = o.klines;
		}

		public Builder seed(long seed) {
			this.seed = seed;
			return this;
		}

		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		public Builder apiSecret(String apiSecret) {
			this.apiSecret = apiSecret;
			return this;
		}

		public Builder port(int port) {
			this.port = port;
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		public Builder skew(Duration skew) {
			this.skew = skew;
			return this;
		}

		public Builder weightLimit(int weightLimit) {
			this.weightLimit = weightLimit;
			return this;
		}

		public Builder graceRequestsAfter429(int graceRequestsAfter429) {
			this.graceRequestsAfter429 = graceRequestsAfter429;
			return this;
		}

		public Builder latency(Duration latency) {
			this.latency = latency;
			return this;
		}

		public Builder jitter(Duration jitter) {
			this.jitter = jitter;
			return this;
		}

		public Builder sleeper(ServerSleeper sleeper) {
			this.sleeper = sleeper;
			return this;
		}

		/** A fixed span, overriding the default. */
		public Builder tradeRetention(Duration tradeRetention) {
			return tradeRetention(Retention.of(tradeRetention));
		}

		public Builder tradeRetention(Retention tradeRetention) {
			this.tradeRetention = Objects.requireNonNull(tradeRetention, "tradeRetention");
			return this;
		}

		/** A fixed span, overriding the default. */
		public Builder orderRetention(Duration orderRetention) {
			return orderRetention(Retention.of(orderRetention));
		}

		public Builder orderRetention(Retention orderRetention) {
			this.orderRetention = Objects.requireNonNull(orderRetention, "orderRetention");
			return this;
		}

		/** A fixed span, overriding the default. */
		public Builder incomeRetention(Duration incomeRetention) {
			return incomeRetention(Retention.of(incomeRetention));
		}

		public Builder incomeRetention(Retention incomeRetention) {
			this.incomeRetention = Objects.requireNonNull(incomeRetention, "incomeRetention");
			return this;
		}

		public Builder serverErrorRate(double serverErrorRate) {
			this.serverErrorRate = serverErrorRate;
			return this;
		}

		public Builder timeoutRate(double timeoutRate) {
			this.timeoutRate = timeoutRate;
			return this;
		}

		public Builder timeoutMode(TimeoutMode timeoutMode) {
			this.timeoutMode = timeoutMode;
			return this;
		}

		public Builder timeoutHold(Duration timeoutHold) {
			this.timeoutHold = timeoutHold;
			return this;
		}

		public Builder malformedRate(double malformedRate) {
			this.malformedRate = malformedRate;
			return this;
		}

		public Builder requestLogFile(Path requestLogFile) {
			this.requestLogFile = requestLogFile;
			return this;
		}

		public Builder threads(int threads) {
			this.threads = threads;
			return this;
		}

		public Builder idPagingDays(int idPagingDays) {
			this.idPagingDays = idPagingDays;
			return this;
		}

		public Builder tooOldStart(TooOldStart tooOldStart) {
			this.tooOldStart = tooOldStart;
			return this;
		}

		public Builder hiddenFills(Set<HiddenFill> hiddenFills) {
			this.hiddenFills = Set.copyOf(hiddenFills);
			return this;
		}

		public Builder hideFill(String symbol, long id) {
			Set<HiddenFill> more = new HashSet<>(hiddenFills);
			more.add(new HiddenFill(symbol, id));
			this.hiddenFills = Set.copyOf(more);
			return this;
		}

		public Builder commissionSign(CommissionSign commissionSign) {
			this.commissionSign = commissionSign;
			return this;
		}

		public Builder klines(boolean klines) {
			this.klines = klines;
			return this;
		}

		public SimulatorOptions build() {
			return new SimulatorOptions(seed, apiKey != null ? apiKey : credential(seed),
					apiSecret != null ? apiSecret : credential(~seed), port, clock, skew, weightLimit,
					graceRequestsAfter429, latency, jitter, sleeper, tradeRetention, orderRetention, incomeRetention,
					serverErrorRate, timeoutRate, timeoutMode, timeoutHold, malformedRate, requestLogFile, threads,
					idPagingDays, tooOldStart, hiddenFills, commissionSign, klines);
		}
	}
}
