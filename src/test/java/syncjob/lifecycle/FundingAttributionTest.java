package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.lifecycle.Fills.d;
import static syncjob.lifecycle.Fills.t;
import static syncjob.lifecycle.GoldenRowsTest.funding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FundingAttributionTest {

	@Test
	void atEntryCountedAtExitNot() {
		List<Lifecycle> lifecycles = all(Lifecycles.group("BTCUSDT",
				Fills.of("BTCUSDT").buy("1", "100").sell("1", "110").pnl("10").list(), Map.of()));
		IncomeRecord atEntry = funding(t(1), "-0.5");
		IncomeRecord atExit = funding(t(2), "-0.3");
		FundingResult result = FundingAttribution.attribute(List.of(atEntry, atExit), lifecycles);
		assertThat(result.byTradeId()).isEqualTo(Map.of("BTCUSDT-LONG-1", d("-0.5")));
		assertThat(result.unattributed()).isEqualTo(List.of(atExit));
	}

	@Test
	void hedgeProRataWithRemainderToTheLastTradeId() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.side(PositionSide.LONG).buy("1", "100").at(1)
			.side(PositionSide.SHORT).sell("2", "100").at(2)
			.side(PositionSide.LONG).buy("1", "100").at(4)
			.sell("2", "101").at(5).pnl("2")
			.side(PositionSide.SHORT).buy("2", "99").at(6).pnl("2")
			.list();
		List<Lifecycle> lifecycles = all(Lifecycles.group("BTCUSDT", fills, Map.of()));
		List<IncomeRecord> funding = List.of(funding(t(3), "-1"), // |1| vs |2|
				funding(t(4), "-0.4"), // the fill at t(4) counts: |2| vs |2|
				funding(t(5), "-0.3")); // LONG exits at t(5): SHORT alone
		FundingResult result = FundingAttribution.attribute(funding, lifecycles);
		assertThat(result.byTradeId())
			.isEqualTo(Map.of("BTCUSDT-LONG-1", d("-0.533333333333"), "BTCUSDT-SHORT-2", d("-1.166666666667")));
		assertThat(result.unattributed()).isEqualTo(List.of());

		assertThat(FundingAttribution.shares(funding.get(0), lifecycles))
			.isEqualTo(Map.of("BTCUSDT-LONG-1", d("-0.333333333333"), "BTCUSDT-SHORT-2", d("-0.666666666667")));
	}

	@Test
	void sharesRoundHalfEvenAndTheLastTakesTheRemainder() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.side(PositionSide.LONG).buy("1", "100")
			.side(PositionSide.SHORT).sell("1", "100")
			.list();
		List<Lifecycle> lifecycles = all(Lifecycles.group("BTCUSDT", fills, Map.of()));
		// each exact share is 0.0000000000005: half-even gives 0 (not 1E-12) to the first
		assertThat(FundingAttribution.shares(funding(t(3), "0.000000000001"), lifecycles))
			.isEqualTo(Map.of("BTCUSDT-LONG-1", d("0E-12"), "BTCUSDT-SHORT-2", d("1E-12")));
		assertThat(FundingAttribution.shares(funding(t(3), "0.000000000003"), lifecycles))
			.isEqualTo(Map.of("BTCUSDT-LONG-1", d("0.000000000002"), "BTCUSDT-SHORT-2", d("0.000000000001")));
	}

	@Test
	void openAndIncompleteLifecycles() {
		// short 2 held before the first fill (incomplete, closes at t(3)); then a long still open
		List<Fill> fills = Fills.of("BTCUSDT").buy("2", "100").at(3).pnl("1").buy("1", "100").at(5).list();
		GroupingResult grouping = Lifecycles.group("BTCUSDT", fills,
				Map.of(new StreamKey("BTCUSDT", PositionSide.BOTH), d("-2")));
		List<Lifecycle> lifecycles = all(grouping);
		IncomeRecord before = funding(t(0), "-0.1"); // incomplete: open for any t before its exit
		IncomeRecord atExit = funding(t(3), "-0.2"); // nothing open
		IncomeRecord later = funding(t(500), "-0.3"); // the open one has no exit
		FundingResult result = FundingAttribution.attribute(List.of(before, atExit, later), lifecycles);
		assertThat(result.byTradeId()).isEqualTo(Map.of("BTCUSDT-SHORT-1", d("-0.1"), "BTCUSDT-LONG-2", d("-0.3")));
		assertThat(result.unattributed()).isEqualTo(List.of(atExit));
	}

	@Test
	void incompleteSharesWeighByTheStartPositionBeforeItsFirstFill() {
		// hedge: LONG 3 held before the fills, SHORT opened at t(1); funding at t(2) before LONG's first fill
		List<Fill> fills = Fills.of("BTCUSDT")
			.side(PositionSide.SHORT).sell("1", "100").at(1)
			.side(PositionSide.LONG).sell("3", "100").at(4)
			.list();
		List<Lifecycle> lifecycles = all(Lifecycles.group("BTCUSDT", fills,
				Map.of(new StreamKey("BTCUSDT", PositionSide.LONG), d("3"))));
		Instant at = t(2);
		assertThat(FundingAttribution.shares(funding(at, "-1"), lifecycles))
			.isEqualTo(Map.of("BTCUSDT-LONG-2", d("-0.750000000000"), "BTCUSDT-SHORT-1", d("-0.250000000000")));
	}

	static List<Lifecycle> all(GroupingResult grouping) {
		List<Lifecycle> all = new ArrayList<>(grouping.closed());
		all.addAll(grouping.incomplete());
		all.addAll(grouping.open());
		return all;
	}
}
