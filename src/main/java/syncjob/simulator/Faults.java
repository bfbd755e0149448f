package syncjob.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault injection of a running exchange, changeable at any time: tests break the exchange,
 * watch a job fail, clear the fault and restart the job. Random faults draw from a
 * {@link Random} seeded from the options, so the same requests in the same order meet the
 * same faults. Gateway-level faults (outage, 5xx, timeouts) are decided before request
 * weight is counted, as they are on Binance's side of the wire.
 */
public final class Faults {

	/** A symbol fault count meaning "every call". */
	public static final int ALWAYS = Integer.MAX_VALUE;

	private static final int[] SERVER_ERRORS = { 500, 502, 503 };

	private final Random random;

	private final Map<String, Integer> failingSymbols = new ConcurrentHashMap<>();

	private final Set<String> malformedSymbols = ConcurrentHashMap.newKeySet();

	private final Map<String, String> mislabelledSymbols = new ConcurrentHashMap<>();

	private double serverErrorRate;

	private double timeoutRate;

	private double malformedRate;

	private TimeoutMode timeoutMode;

	private Duration timeoutHold;

	private int outageAfter = -1;

	private int callsTowardsOutage;

	Faults(SimulatorOptions options) {
		this.random = new Random(options.seed());
		this.serverErrorRate = options.serverErrorRate();
		this.timeoutRate = options.timeoutRate();
		this.malformedRate = options.malformedRate();
		this.timeoutMode = options.timeoutMode();
		this.timeoutHold = options.timeoutHold();
	}

	/** Probability that a call gets HTTP 500, 502 or 503 (chosen at random). */
	public synchronized Faults serverErrorRate(double rate) {
		serverErrorRate = requireRate(rate);
		return this;
	}

	/** Probability that a call times out, in the given way. */
	public synchronized Faults timeouts(double rate, TimeoutMode mode, Duration hold) {
		timeoutRate = requireRate(rate);
		timeoutMode = Objects.requireNonNull(mode, "mode");
		timeoutHold = Objects.requireNonNull(hold, "hold");
		return this;
	}

	/** Probability that a successful response body is cut short (invalid JSON). */
	public synchronized Faults malformedRate(double rate) {
		malformedRate = requireRate(rate);
		return this;
	}

	/** The next {@code calls} calls naming this symbol fail with HTTP 503; {@link #ALWAYS} for every call. */
	public Faults failSymbol(String symbol, int calls) {
		if (calls < 0) {
			throw new IllegalArgumentException("calls must not be negative");
		}
		failingSymbols.put(Objects.requireNonNull(symbol, "symbol"), calls);
		return this;
	}

	public Faults failSymbolAlways(String symbol) {
		return failSymbol(symbol, ALWAYS);
	}

	/** Every successful response for this symbol has a cut-short body. */
	public Faults malformedSymbol(String symbol) {
		malformedSymbols.add(Objects.requireNonNull(symbol, "symbol"));
		return this;
	}

	/**
	 * Fills served for {@code symbol} say they are of {@code reported}: a response that does
	 * not match its request, which a client must not take at its word.
	 */
	public Faults mislabelFills(String symbol, String reported) {
		mislabelledSymbols.put(Objects.requireNonNull(symbol, "symbol"), Objects.requireNonNull(reported, "reported"));
		return this;
	}

	/** Removes the failing, malformed and mislabelled faults of one symbol. */
	public Faults clearSymbol(String symbol) {
		failingSymbols.remove(symbol);
		malformedSymbols.remove(symbol);
		mislabelledSymbols.remove(symbol);
		return this;
	}

	String reportedSymbol(String symbol) {
		return symbol == null ? null : mislabelledSymbols.getOrDefault(symbol, symbol);
	}

	/** After {@code calls} more calls, every call gets HTTP 503 until {@link #clearOutage()}. */
	public synchronized Faults outageAfter(int calls) {
		if (calls < 0) {
			throw new IllegalArgumentException("calls must not be negative");
		}
		outageAfter = calls;
		callsTowardsOutage = 0;
		return this;
	}

	public synchronized Faults clearOutage() {
		outageAfter = -1;
		callsTowardsOutage = 0;
		return this;
	}

	public synchronized boolean inOutage() {
		return outageAfter >= 0 && callsTowardsOutage >= outageAfter;
	}

	/** Turns every fault off. */
	public synchronized Faults clear() {
		failingSymbols.clear();
		malformedSymbols.clear();
		mislabelledSymbols.clear();
		serverErrorRate = 0;
		timeoutRate = 0;
		malformedRate = 0;
		return clearOutage();
	}

	/** Decides the fate of one call; {@code symbol} is null when the call names none. */
	synchronized FaultDecision decide(String symbol) {
		if (outageAfter >= 0) {
			if (callsTowardsOutage >= outageAfter) {
				return FaultDecision.outage();
			}
			callsTowardsOutage++;
		}
		if (symbol != null && consumeSymbolFailure(symbol)) {
			return FaultDecision.symbolFailure();
		}
		if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
			return FaultDecision.serverError(SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)]);
		}
		if (timeoutRate > 0 && random.nextDouble() < timeoutRate) {
			return FaultDecision.timeout(timeoutMode, timeoutHold);
		}
		boolean malformed = symbol != null && malformedSymbols.contains(symbol);
		if (malformed || malformedRate > 0 && random.nextDouble() < malformedRate) {
			return FaultDecision.malformed();
		}
		return FaultDecision.none();
	}

	private boolean consumeSymbolFailure(String symbol) {
		Integer remaining = failingSymbols.get(symbol);
		if (remaining == null || remaining == 0) {
			return false;
		}
		if (remaining != ALWAYS) {
			failingSymbols.put(symbol, remaining - 1);
		}
		return true;
	}

	static double requireRate(double rate) {
		if (!(rate >= 0 && rate <= 1)) {
			throw new IllegalArgumentException("a fault rate must be within 0..1, was " + rate);
		}
		return rate;
	}
}
