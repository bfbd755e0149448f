package syncjob.binance;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs one logical API call: reserves its weight, sends it, and applies the retry policy
 * (429, 403 and 418 pause every thread through the budget, -1021 resynchronises the server clock,
 * 5xx / 408 / -1001 / -1006 / -1007 / -1008 / IO failures back off exponentially with jitter) until it
 * succeeds, the retries run out, or the failure is one retrying cannot fix.
 */
final class BinanceCaller {

	static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

	static final Duration DEFAULT_BAN = Duration.ofMinutes(2);

	static final Duration BACKOFF_BASE = Duration.ofMillis(500);

	static final Duration BACKOFF_CAP = Duration.ofSeconds(30);

	/**
	 * Requests in flight at once, over all threads of a run: partitions, their symbols and income
	 * slices fan out freely, and this (with the weight budget) is what bounds them. Also the
	 * connections kept open, so that none is opened again for the next request.
	 */
	static final int MAX_IN_FLIGHT = 32;

	private static final Set<Integer> CREDENTIAL_CODES = Set.of(-2014, -2015, -1022);

	/** Disconnected, unexpected response, timeout waiting for the backend, server busy. */
	private static final Set<Integer> TRANSIENT_CODES = Set.of(-1001, -1006, -1007, -1008);

	private static final int TIMESTAMP_OUTSIDE = -1021;

	private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d+)");

	private static final long MINUTE_MILLIS = 60_000;

	private static final Logger log = LoggerFactory.getLogger(BinanceCaller.class);

	private final BinanceApi api;

	private final WeightBudget budget;

	private final ServerClock serverClock;

	private final Sleeper sleeper;

	private final ObjectMapper json;

	private final int maxRetries;

	private final Duration resyncInterval;

	private final FetchStatsCounter stats;

	private final Redactor redactor;

	private final WeightShare share;

	private final Object syncLock = new Object();

	private final Semaphore connections = new Semaphore(MAX_IN_FLIGHT, true);

	BinanceCaller(BinanceApi api, WeightBudget budget, ServerClock serverClock, Sleeper sleeper, ObjectMapper json,
			int maxRetries, Duration resyncInterval, FetchStatsCounter stats, Redactor redactor) {
		this(api, budget, serverClock, sleeper, json, maxRetries, resyncInterval, stats, redactor, WeightShare.WHOLE);
	}

	BinanceCaller(BinanceApi api, WeightBudget budget, ServerClock serverClock, Sleeper sleeper, ObjectMapper json,
			int maxRetries, Duration resyncInterval, FetchStatsCounter stats, Redactor redactor, WeightShare share) {
		this.share = share;
		this.api = api;
		this.budget = budget;
		this.serverClock = serverClock;
		this.sleeper = sleeper;
		this.json = json;
		this.maxRetries = maxRetries;
		this.resyncInterval = resyncInterval;
		this.stats = stats;
		this.redactor = redactor;
	}

	/**
	 * @param symbol names the call in messages; null for account-wide calls
	 * @param request builds a fresh call per attempt
	 * @param mapper turns the body into values; any exception it throws makes the response unexpected
	 */
	<T, R> R call(Endpoint endpoint, String symbol, PlanCost tally, Function<BinanceApi, Call<T>> request,
			Function<T, R> mapper) {
		return call(endpoint, endpoint.weight(), symbol, tally, request, mapper);
	}

	/** As {@link #call(Endpoint, String, PlanCost, Function, Function)}, for a call whose weight depends on its parameters. */
	<T, R> R call(Endpoint endpoint, int weight, String symbol, PlanCost tally, Function<BinanceApi, Call<T>> request,
			Function<T, R> mapper) {
		String call = endpoint.describe(symbol);
		int retries = 0;
		while (true) {
			if (endpoint.signed()) {
				syncTimeIfDue(tally);
			}
			Attempt<T> attempt = send(endpoint, weight, tally, request);
			Duration backoff;
			String problem;
			if (attempt.unparseable() != null) {
				// A body cut short on the way (a proxy, a reset) is as transient as a timeout; one
				// that stays unparseable fails typed, naming the call, with nothing from it used.
				problem = "a body that is not the expected JSON (" + redactor.clean(attempt.unparseable().getOriginalMessage())
						+ ")";
				if (retries >= maxRetries) {
					throw new BinanceResponseException(call + " returned " + problem + " " + (retries + 1)
							+ " times; nothing from it was used", 200, null, attempt.unparseable());
				}
				backoff = backoff(retries + 1);
			}
			else if (attempt.ioFailure() != null) {
				if (Thread.currentThread().isInterrupted()) {
					// The run is stopping (SIGTERM, a failed sibling): the call was cut off on
					// purpose, so retrying it, or warning about it, would only mislead.
					throw new BinanceRetryableException("interrupted during " + call + "; the run is stopping",
							attempt.ioFailure());
				}
				problem = attempt.ioFailure().getClass().getSimpleName() + " " + redactor.clean(attempt.ioFailure().getMessage());
				backoff = backoff(retries + 1);
			}
			else if (attempt.response().isSuccessful()) {
				if (retries > 0) {
					budget.proceeded();
				}
				return map(call, attempt.response(), mapper);
			}
			else {
				Response<T> response = attempt.response();
				ApiError error = readError(response);
				Integer code = error == null ? null : error.code();
				problem = describeError(response.code(), error);
				backoff = recoveryFor(call, response, code, problem, error, tally, retries);
			}
			if (retries >= maxRetries) {
				throw new BinanceRetryableException(
						call + " still failed after " + maxRetries + " retries: " + problem + "; restart the job later",
						attempt.ioFailure());
			}
			retries++;
			stats.retry(endpoint);
			log.warn("{} failed ({}); retry {}/{}{}", call, problem, retries, maxRetries,
					backoff.isZero() ? "" : " in " + backoff.toMillis() + " ms");
			budget.retrying(retries, maxRetries, problem);
			sleep(backoff);
		}
	}

	/** Measures the server-time offset now, whatever the last sync. */
	void syncTime(PlanCost tally) {
		synchronized (syncLock) {
			Clock local = serverClock.local();
			long[] roundTrip = new long[2];
			long serverTime = call(Endpoint.TIME, null, tally, client -> {
				roundTrip[0] = local.millis();
				return client.time();
			}, row -> {
				roundTrip[1] = local.millis();
				return row.requireServerTime();
			});
			serverClock.update(serverTime, roundTrip[0], roundTrip[1]);
			log.debug("server time offset is {} ms", serverClock.offsetMillis());
		}
	}

	private void syncTimeIfDue(PlanCost tally) {
		if (serverClock.syncDue(resyncInterval)) {
			synchronized (syncLock) {
				if (serverClock.syncDue(resyncInterval)) {
					syncTime(tally);
				}
			}
		}
	}

	private <T> Attempt<T> send(Endpoint endpoint, int weight, PlanCost tally, Function<BinanceApi, Call<T>> request) {
		try {
			connections.acquire();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new BinanceRetryableException("interrupted while waiting for a connection to Binance", e);
		}
		try {
			return sendOnConnection(endpoint, weight, tally, request);
		}
		finally {
			connections.release();
		}
	}

	private <T> Attempt<T> sendOnConnection(Endpoint endpoint, int weight, PlanCost tally,
			Function<BinanceApi, Call<T>> request) {
		WeightBudget.Ticket ticket = budget.reserve(weight);
		stats.call(endpoint, weight);
		tally.add(weight);
		OptionalInt serverUsed = OptionalInt.empty();
		int status = 0;
		try {
			Response<T> response = request.apply(api).execute();
			status = response.code();
			serverUsed = this.share.used(usedWeight(response.headers()));
			return new Attempt<>(response, null, null);
		}
		catch (JsonProcessingException e) {
			return new Attempt<>(null, null, e);
		}
		catch (IOException e) {
			return new Attempt<>(null, e, null);
		}
		finally {
			budget.complete(ticket, serverUsed);
			stats.answered(endpoint, status, weight);
		}
	}

	/** Decides how to recover from an error response, or throws when retrying cannot help. */
	private Duration recoveryFor(String call, Response<?> response, Integer code, String problem, ApiError error,
			PlanCost tally, int retries) {
		int status = response.code();
		if (status == 429 || status == 403) {
			// 403 is Binance's web application firewall limit: like a 429 without Retry-After
			stats.rateLimited(status);
			Instant until = (status == 429 ? retryAfter(response.headers()) : Optional.<Instant>empty())
				.orElseGet(() -> Instant.ofEpochMilli((Math.floorDiv(serverClock.millis(), MINUTE_MILLIS) + 1) * MINUTE_MILLIS));
			String reason = status == 429 ? "rate limited by Binance (HTTP 429)"
					: "stopped by Binance's firewall limit (HTTP 403)";
			log.warn("{} was {}; pausing every call until {}", call, reason, until);
			budget.pause(until, reason);
			return Duration.ZERO;
		}
		if (status == 418) {
			stats.banned();
			Instant until = bannedUntil(error).or(() -> retryAfter(response.headers()))
				.orElseGet(() -> serverClock.instant().plus(DEFAULT_BAN));
			budget.pause(until, "IP banned by Binance (HTTP 418)");
			if (budget.pauseTooLong(until)) {
				throw new BinanceRetryableException(call + ": IP banned by Binance until " + until
						+ ", longer than binance.max-ban-wait; restart the job after the ban ends", null);
			}
			log.warn("{}: IP banned by Binance (HTTP 418); pausing every call until {}", call, until);
			return Duration.ZERO;
		}
		if (code != null && CREDENTIAL_CODES.contains(code) || status == 401) {
			throw new BinanceCredentialsException("Binance rejected the credentials (" + problem + ") on " + call
					+ ": check binance.api-key and binance.api-secret (BINANCE_API_KEY, BINANCE_API_SECRET), "
					+ "the key's IP restrictions and that it may read USD-M futures", code == null ? 0 : code);
		}
		if (code != null && code == TIMESTAMP_OUTSIDE) {
			if (retries < maxRetries) {
				syncTime(tally);
			}
			return Duration.ZERO;
		}
		if (status >= 500 || status == 408 || code != null && TRANSIENT_CODES.contains(code)) {
			return backoff(retries + 1);
		}
		throw new BinanceResponseException(call + " was rejected: " + problem, status, code, null);
	}

	private <T, R> R map(String call, Response<T> response, Function<T, R> mapper) {
		T body = response.body();
		if (body == null) {
			throw new BinanceResponseException(call + " returned an empty body; nothing from it was used",
					response.code(), null, null);
		}
		try {
			return mapper.apply(body);
		}
		catch (RuntimeException e) {
			throw new BinanceResponseException(call + " returned an unexpected shape (" + redactor.clean(e.getMessage())
					+ "); nothing from it was used", response.code(), null, e);
		}
	}

	private ApiError readError(Response<?> response) {
		try (ResponseBody body = response.errorBody()) {
			if (body == null) {
				return null;
			}
			return json.readValue(body.string(), ApiError.class);
		}
		catch (IOException | RuntimeException e) {
			// an HTML error page from a proxy says nothing more than its status
			return null;
		}
	}

	private String describeError(int status, ApiError error) {
		StringBuilder text = new StringBuilder("HTTP ").append(status);
		if (error != null && error.code() != null) {
			text.append(" code ").append(error.code());
		}
		if (error != null && error.msg() != null && !error.msg().isBlank()) {
			text.append(": ").append(redactor.clean(error.msg()));
		}
		return text.toString();
	}

	private static Optional<Instant> bannedUntil(ApiError error) {
		if (error == null || error.msg() == null) {
			return Optional.empty();
		}
		Matcher matcher = BANNED_UNTIL.matcher(error.msg());
		return matcher.find() ? Optional.of(Instant.ofEpochMilli(Long.parseLong(matcher.group(1))))
				: Optional.empty();
	}

	private Optional<Instant> retryAfter(Headers headers) {
		String value = headers.get("Retry-After");
		if (value == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(serverClock.instant().plusSeconds(Long.parseLong(value.strip())));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static OptionalInt usedWeight(Headers headers) {
		String value = headers.get(USED_WEIGHT_HEADER);
		if (value == null) {
			return OptionalInt.empty();
		}
		try {
			return OptionalInt.of(Integer.parseInt(value.strip()));
		}
		catch (NumberFormatException e) {
			return OptionalInt.empty();
		}
	}

	/** Exponential, capped, with jitter so threads that failed together do not retry together. */
	static Duration backoff(int retry) {
		long ceiling = Math.min(BACKOFF_CAP.toMillis(), BACKOFF_BASE.toMillis() << Math.min(retry - 1, 20));
		return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
	}

	private void sleep(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			sleeper.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new BinanceRetryableException("interrupted while waiting to retry a Binance call", e);
		}
	}

	private record Attempt<T>(Response<T> response, IOException ioFailure, JsonProcessingException unparseable) {
	}
}
