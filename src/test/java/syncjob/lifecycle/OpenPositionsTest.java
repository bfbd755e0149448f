package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static syncjob.lifecycle.Fills.d;
import static syncjob.lifecycle.Fills.t;
import static syncjob.lifecycle.GoldenRowsTest.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The open-positions snapshot at the window's end {@code to = t(10)}, worked by hand. */
class OpenPositionsTest {

	private static final Instant TO = t(10);

	private static final StreamKey BOTH = new StreamKey("BTCUSDT", PositionSide.BOTH);

	@Test
	void completePositionPartlyClosed() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("1", "90").fee("0.009") // a closed lifecycle first: not a position
			.sell("1", "91").pnl("1").fee("0.0091")
			.buy("2", "100").at(3).fee("0.08")
			.buy("1", "103").at(4).fee("0.0412")
			.sell("1", "110").at(5).pnl("9").fee("0.00007", "BNB")
			.list();
		List<IncomeRecord> funding = List.of(funding(t(2), "-0.1"), // the closed one's: exits at t(2), so none
				funding(t(3), "-0.2"), // at entry: counted
				funding(t(7), "-0.3"), funding(TO, "-0.4"), // at to: not yet
				new IncomeRecord("BTCUSDT", IncomeType.COMMISSION, d("-5"), "USDT", t(8), "C1", "", ""));
		List<OpenPosition> positions = OpenPositions.at(TO, FundingAttributionTest.all(
				Lifecycles.group("BTCUSDT", fills, Map.of())), funding, "USDT");
		// bought 2 @ 100 and 1 @ 103, sold 1: 2 left; entry (200 + 103) / 3 = 101
		// fees in USDT only: 0.08 + 0.0412 = 0.1212; funding -0.2 - 0.3 = -0.5
		assertThat(positions)
			.isEqualTo(List.of(new OpenPosition(BOTH, Direction.LONG, t(3), d("2"), d("101.000000000000"), d("9"), d("0.1212"), d("-0.5"), 3, true, TO)));
	}

	@Test
	void incompletePositionHasNoEntry() {
		// short 2 held before the served fills: sold 1 more, bought 1 back
		List<Fill> fills = Fills.of("BTCUSDT")
			.sell("1", "100").at(1).fee("0.01")
			.buy("1", "95").at(2).pnl("5").fee("0.0095")
			.list();
		GroupingResult grouping = Lifecycles.group("BTCUSDT", fills, Map.of(BOTH, d("-2")));
		// its start is unknown, so funding before its first served fill counts as well
		List<OpenPosition> positions = OpenPositions.at(TO, FundingAttributionTest.all(grouping),
				List.of(funding(t(0), "0.05"), funding(t(8), "0.07")), "USDT");
		// -2 - 1 + 1 = -2: quantity 2; sums over the served parts only
		assertThat(positions)
			.isEqualTo(List.of(new OpenPosition(BOTH, Direction.SHORT, null, d("2"), null, d("5"), d("0.0195"), d("0.12"), 2, false, TO)));
	}

	@Test
	void hedgeFundingIsSharedByPosition() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.side(PositionSide.LONG).buy("1", "100").at(1).fee("0.04")
			.side(PositionSide.SHORT).sell("2", "100").at(2).fee("0.08")
			.side(PositionSide.LONG).buy("1", "102").at(4).fee("0.0408")
			.list();
		List<IncomeRecord> funding = List.of(funding(t(3), "-1"), funding(t(4), "-0.5"), funding(TO, "-9"));
		List<OpenPosition> positions = OpenPositions.at(TO,
				FundingAttributionTest.all(Lifecycles.group("BTCUSDT", fills, Map.of())), funding, "USDT");
		// t(3): LONG |1|, SHORT |2|. In tradeId order LONG-1 first: -1 * 1/3 = -0.333333333333 (12 dp),
		// SHORT-2 the remainder -0.666666666667
		// t(4): the LONG fill at t(4) counts: |2| and |2|, -0.25 each; t(10) = to: not yet
		// LONG -0.333333333333 - 0.25 = -0.583333333333; SHORT -0.666666666667 - 0.25 = -0.916666666667
		StreamKey longStream = new StreamKey("BTCUSDT", PositionSide.LONG);
		StreamKey shortStream = new StreamKey("BTCUSDT", PositionSide.SHORT);
		assertThat(positions)
			.isEqualTo(List.of( new OpenPosition(longStream, Direction.LONG, t(1), d("2"), d("101.000000000000"), d("0"), d("0.0808"), d("-0.583333333333"), 2, true, TO), new OpenPosition(shortStream, Direction.SHORT, t(2), d("2"), d("100.000000000000"), d("0"), d("0.08"), d("-0.916666666667"), 1, true, TO)));
	}

	@Test
	void noOpenLifecycleNoPosition() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").sell("1", "101").pnl("1").list();
		assertThat(OpenPositions.at(TO, FundingAttributionTest.all( Lifecycles.group("BTCUSDT", fills, Map.of())), List.of(funding(t(1), "-1")), "USDT"))
			.isEqualTo(List.of());
	}

	@Test
	void aClosedLifecycleOrAPartAtToIsNoOpenPosition() {
		Lifecycle closed = Details.closed("BTCUSDT",
				Fills.of("BTCUSDT").buy("1", "100").sell("1", "101").pnl("1").list()).get(0);
		assertThatThrownBy(() -> OpenPosition.of(closed, "USDT", BigDecimal.ZERO, TO))
			.isInstanceOf(IllegalArgumentException.class);
		Lifecycle open = Lifecycles.group("BTCUSDT", Fills.of("BTCUSDT").buy("1", "100").at(10).list(), Map.of())
			.open()
			.get(0);
		assertThatThrownBy(() -> OpenPosition.of(open, "USDT", BigDecimal.ZERO, TO))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
