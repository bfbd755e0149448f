package syncjob.binance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The oldest {@code startTime} one endpoint accepts. Binance may answer a start older than what
 * it keeps with records from its horizon on, with an empty page, or with an error; on an error
 * the start is narrowed (halving the distance to a start known to be young enough) until it is
 * accepted, and the horizon found is remembered for every later request of the run.
 */
final class ServedFrom {

	/**
	 * Precision of the narrowing: the horizon is known to within this. Records between the horizon
	 * and the accepted start are never served to this run, so the run would call them not served
	 * (an hour held a funding record in one run of three): to the second, this costs a dozen
	 * requests more, once per run, and only where Binance refuses too old a start.
	 */
	static final Duration RESOLUTION = Duration.ofSeconds(1);

	private static final int INVALID_PARAMETER = -1130;

	private final String endpoint;

	private volatile Instant acceptedFrom;

	ServedFrom(String endpoint) {
		this.endpoint = endpoint;
	}

	/** The horizon found by a refusal, if any request was refused as too old. */
	Optional<Instant> horizon() {
		return Optional.ofNullable(this.acceptedFrom);
	}

	/** {@code start}, moved up to the horizon found so far. */
	Instant clamp(Instant start) {
		Instant horizon = this.acceptedFrom;
		return horizon != null && start.isBefore(horizon) ? horizon : start;
	}

	/**
	 * Runs {@code request} from {@code start}, narrowing it towards {@code youngEnough} while the
	 * exchange refuses the start as too old; empty when even a start within {@code RESOLUTION} of
	 * {@code youngEnough} is refused (nothing of the span is served).
	 */
	<T> Optional<T> call(Instant start, Instant youngEnough, Function<Instant, T> request) {
		Instant from = clamp(start);
		if (!from.isBefore(youngEnough)) {
			return Optional.empty();
		}
		try {
			return Optional.of(request.apply(from));
		}
		catch (BinanceResponseException ex) {
			if (!tooOld(ex)) {
				throw ex;
			}
		}
		Instant refused = from;
		Instant accepted = null;
		T result = null;
		Instant high = youngEnough;
		while (Duration.between(refused, high).compareTo(RESOLUTION) > 0) {
			Instant middle = refused.plus(Duration.between(refused, high).dividedBy(2));
			try {
				result = request.apply(middle);
				accepted = middle;
				high = middle;
			}
			catch (BinanceResponseException ex) {
				if (!tooOld(ex)) {
					throw ex;
				}
				refused = middle;
			}
		}
		remember(accepted != null ? accepted : youngEnough);
		return Optional.ofNullable(result);
	}

	private synchronized void remember(Instant horizon) {
		if (this.acceptedFrom == null || horizon.isAfter(this.acceptedFrom)) {
			this.acceptedFrom = horizon;
		}
	}

	/** Binance's answer to a parameter it will not take; a start it no longer serves is one. */
	static boolean tooOld(BinanceResponseException ex) {
		return ex.httpStatus() == 400 && ex.code() != null && ex.code() == INVALID_PARAMETER;
	}

	@Override
	public String toString() {
		return this.endpoint + " served from " + (this.acceptedFrom == null ? "(no refusal seen)" : this.acceptedFrom);
	}

}
