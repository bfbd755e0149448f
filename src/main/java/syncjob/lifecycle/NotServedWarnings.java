package syncjob.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The warnings of a row some of whose data Binance did not serve: it names what is missing and
 * from when, so nothing is silently zero. Funding is missing when the lifecycle was open at a
 * funding time before the income horizon (Binance settles funding every 8 hours, at 00:00, 08:00
 * and 16:00 UTC); an order type when the order of the first opening or last closing fill is not
 * served.
 */
public final class NotServedWarnings {

	public static final String FUNDING_NOT_SERVED = "FUNDING_NOT_SERVED";

	public static final String ORDER_NOT_SERVED = "ORDER_NOT_SERVED";

	static final Duration FUNDING_INTERVAL = Duration.ofHours(8);

	private NotServedWarnings() {
	}

	static List<String> of(Lifecycle lifecycle, ServedData served) {
		List<String> warnings = new ArrayList<>();
		served.incomeServedFrom()
			.filter((horizon) -> openAtFundingBefore(lifecycle, horizon))
			.ifPresent((horizon) -> warnings
				.add(FUNDING_NOT_SERVED + ": funding before " + horizon + " not served by Binance"));
		order(lifecycle.parts().stream().filter(FillPart::opening).findFirst().orElse(null), "entry", served,
				warnings);
		FillPart lastClosing = null;
		for (FillPart part : lifecycle.parts()) {
			if (!part.opening()) {
				lastClosing = part;
			}
		}
		order(lastClosing, "exit", served, warnings);
		return warnings;
	}

	/** The first funding time at or after entry is before both the exit and the horizon. */
	static boolean openAtFundingBefore(Lifecycle lifecycle, Instant horizon) {
		long interval = FUNDING_INTERVAL.toMillis();
		long first = Math.floorDiv(lifecycle.entryTime().toEpochMilli() + interval - 1, interval) * interval;
		return first < lifecycle.exitTime().toEpochMilli() && first < horizon.toEpochMilli();
	}

	private static void order(FillPart part, String which, ServedData served, List<String> warnings) {
		if (part != null && served.ordersNotServed().contains(part.fill().orderId())) {
			warnings.add(ORDER_NOT_SERVED + ": " + which + " order " + part.fill().orderId() + " (fill at "
					+ part.time() + ") not served by Binance");
		}
	}

}
