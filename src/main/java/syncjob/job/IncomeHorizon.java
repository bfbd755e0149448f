package syncjob.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import syncjob.binance.BinanceClient;
import syncjob.lifecycle.IncomeRecord;

/**
 * Where the income Binance serves begins, established once per run and only when the run needs
 * income older than a week: Binance keeps income for about three months, and the oldest record it
 * still serves marks the horizon (nothing before it is served; everything after it is).
 */
final class IncomeHorizon {

	/** Income without a time range is the last 7 days: that much is served, whatever else is. */
	static final Duration ALWAYS_SERVED = Duration.ofDays(7);

	/** Asked from this far back: the narrowing finds the horizon if Binance refuses a start this old. */
	private static final Duration PROBE_FROM = Duration.ofDays(366);

	private static final Logger log = LoggerFactory.getLogger(IncomeHorizon.class);

	private final BinanceClient client;

	private volatile Optional<Instant> servedFrom;

	IncomeHorizon(BinanceClient client) {
		this.client = client;
	}

	/**
	 * The horizon, established when income from {@code earliestNeeded} on may lie beyond it (it is
	 * older than a week); empty when it is not, or when nothing at all is served.
	 */
	Optional<Instant> servedFrom(Instant earliestNeeded, Instant now) {
		if (!earliestNeeded.isBefore(now.minus(ALWAYS_SERVED))) {
			return Optional.empty();
		}
		Optional<Instant> known = this.servedFrom;
		if (known == null) {
			synchronized (this) {
				known = this.servedFrom;
				if (known == null) {
					known = this.client.oldestServedIncome(now.minus(PROBE_FROM)).map(IncomeRecord::time);
					if (known.isPresent()) {
						log.info("Binance serves this account's income from {} on", known.get());
					}
					else {
						log.warn("Binance serves no income for this account from {} on", now.minus(PROBE_FROM));
					}
					this.servedFrom = known;
				}
			}
		}
		return known;
	}

}
