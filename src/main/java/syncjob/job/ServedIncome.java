package syncjob.job;

import java.time.Instant;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Where the income Binance serves begins, as the income step established it (when the window
 * reached more than a week back), kept in the job's execution context so that partitions and
 * reconciliation, restarts included, judge the window by the same horizon.
 */
final class ServedIncome {

	private static final String KEY = "incomeServedFrom";

	private ServedIncome() {
	}

	static void write(ExecutionContext jobContext, Optional<Instant> servedFrom) {
		servedFrom.ifPresent((horizon) -> jobContext.putString(KEY, horizon.toString()));
	}

	static Optional<Instant> read(ExecutionContext jobContext) {
		String text = jobContext.containsKey(KEY) ? jobContext.getString(KEY) : "";
		return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
	}

}
