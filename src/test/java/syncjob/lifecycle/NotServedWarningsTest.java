package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A row names what Binance did not serve, and a row with everything served names nothing. */
class NotServedWarningsTest {

	private static final Instant HORIZON = Instant.parse("2026-09-01T12:00:00Z");

	@Test
	void fundingIsMissingWhenTheLifecycleWasOpenAtAFundingTimeBeforeTheHorizon() {
		// open 07:00 to 09:00: open at the 08:00 funding, which is before the 12:00 horizon
		assertThat(warnings(at("07:00"), at("09:00"), Set.of()))
			.containsExactly("FUNDING_NOT_SERVED: funding before 2026-09-01T12:00:00Z not served by Binance");
		// open at 08:00 exactly counts (entry <= t), closing at 08:00 does not (t < exit)
		assertThat(warnings(at("08:00"), at("08:30"), Set.of())).hasSize(1);
		assertThat(warnings(at("01:00"), at("08:00"), Set.of())).isEmpty();
		// open 09:00 to 15:00: no funding time before the horizon while open
		assertThat(warnings(at("09:00"), at("15:00"), Set.of())).isEmpty();
	}

	@Test
	void orderTypesAreMissingWhenTheEntryOrExitOrderIsNotServed() {
		List<String> warnings = warnings(at("13:00"), at("14:00"), Set.of(1001L, 1002L));

		assertThat(warnings).containsExactly(
				"ORDER_NOT_SERVED: entry order 1001 (fill at 2026-09-01T13:00:00Z) not served by Binance",
				"ORDER_NOT_SERVED: exit order 1002 (fill at 2026-09-01T14:00:00Z) not served by Binance");
	}

	private static List<String> warnings(Instant entry, Instant exit, Set<Long> notServed) {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").at(entry).sell("1", "110").at(exit).pnl("10").list();
		Lifecycle lifecycle = Lifecycles.group("BTCUSDT", fills, Map.of()).closed().get(0);
		return NotServedWarnings.of(lifecycle, new ServedData(Map.of(), true, notServed, Optional.of(HORIZON)));
	}

	private static Instant at(String time) {
		return Instant.parse("2026-09-01T" + time + ":00Z");
	}

}
