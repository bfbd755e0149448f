package syncjob.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

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
 */
public record SimulatorOptions(long seed, String apiKey, String apiSecret, int port, Clock clock, Duration skew,
		int weightLimit, int graceRequestsAfter429, Duration latency, Duration jitter, Sleeper sleeper,
		Duration tradeRetention, Duration orderRetention, Duration incomeRetention, double serverErrorRate,
		double timeoutRate, TimeoutMode timeoutMode, Duration timeoutHold, double malformedRate, Path requestLogFile,
		int threads) {

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
		requireArgument(!apiKey.isBlank() && !apiSecret.isBlank(), "apiKey and apiSecret must not be blank");
		requireArgument(port >= 0 && port <= 65535, "port must be 0..65535");
		requireArgument(weightLimit > 0, "weightLimit must be positive");
		requireArgument(graceRequestsAfter429 >= 0, "graceRequestsAfter429 must not be negative");
		requireArgument(!latency.isNegative() && !jitter.isNegative(), "latency and jitter must not be negative");
		requireArgument(threads > 0, "threads must be positive");
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

		private Sleeper sleeper = Sleeper.SYSTEM;

		private Duration tradeRetention = Duration.ofDays(180);

		private Duration orderRetention = Duration.ofDays(90);

		private Duration incomeRetention = Duration.ofDays(90);

		private double serverErrorRate;

		private double timeoutRate;

		private TimeoutMode timeoutMode = TimeoutMode.HOLD;

		private Duration timeoutHold = Duration.ofSeconds(30);

		private double malformedRate;

		private Path requestLogFile;

		private int threads = 8;

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

		public Builder sleeper(Sleeper sleeper) {
			this.sleeper = sleeper;
			return this;
		}

		public Builder tradeRetention(Duration tradeRetention) {
			this.tradeRetention = tradeRetention;
			return this;
		}

		public Builder orderRetention(Duration orderRetention) {
			this.orderRetention = orderRetention;
			return this;
		}

		public Builder incomeRetention(Duration incomeRetention) {
			this.incomeRetention = incomeRetention;
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

		public SimulatorOptions build() {
			return new SimulatorOptions(seed, apiKey != null ? apiKey : credential(seed),
					apiSecret != null ? apiSecret : credential(~seed), port, clock, skew, weightLimit,
					graceRequestsAfter429, latency, jitter, sleeper, tradeRetention, orderRetention, incomeRetention,
					serverErrorRate, timeoutRate, timeoutMode, timeoutHold, malformedRate, requestLogFile, threads);
		}
	}
}
