package syncjob.binance;

import java.time.Duration;
import java.time.Instant;

/**
 * What is established about one endpoint's id-only reach, as the job stores it per exchange:
 * an id-only request reaches records at least {@code reachesAtLeast} old (null: nothing proven)
 * and not records {@code reachesLessThan} old or older (null: nothing disproven).
 *
 * @param endpoint the endpoint's path, e.g. {@code /fapi/v1/userTrades}
 * @param establishedAt when the last bound was established
 * @param evidence the observation that established it, for the log and the operator
 */
public record PagingFact(String endpoint, Duration reachesAtLeast, Duration reachesLessThan, Instant establishedAt,
		String evidence) {

	/** One line for the log and the report. */
	public String describe() {
		String at = this.reachesAtLeast == null ? "" : "reaches at least " + days(this.reachesAtLeast);
		String less = this.reachesLessThan == null ? "" : "does not reach " + days(this.reachesLessThan);
		String range = at.isEmpty() ? less : less.isEmpty() ? at : at + " and " + less;
		return "id-only " + this.endpoint + " " + (range.isEmpty() ? "untested" : range + " back")
				+ (this.establishedAt == null ? "" : " (established " + this.establishedAt + ": " + this.evidence + ")");
	}

	private static String days(Duration age) {
		return String.format(java.util.Locale.ROOT, "%.1f days", age.toMinutes() / 1440.0);
	}

}
