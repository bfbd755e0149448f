package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.lifecycle.Fills.d;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A fill's commission becomes what was paid, whichever sign Binance serves it with. */
class CommissionsTest {

	@Test
	void servedPositiveAsPaidStaysAsItIs() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").fee("0.05").sell("1", "110").pnl("10").list();

		Commissions.Normalized normalized = Commissions.normalize(fills, TradeIncome.of("BTCUSDT", paid(fills)));

		assertThat(normalized.sign()).isEqualTo(CommissionSign.PAID_POSITIVE);
		assertThat(normalized.fills()).extracting(Fill::commission).containsExactly(d("0.05"), d("0.01"));
	}

	@Test
	void servedNegativeAsPaidIsTurnedByTheIncomeAndTheEstablishedSign() {
		// as in Binance's doc sample: the fee paid served negative; the second fill's income is
		// beyond the income horizon, so the sign the first fill established decides
		List<Fill> served = Fills.of("BTCUSDT").buy("1", "100").fee("-0.05").sell("1", "110").pnl("10").fee("-0.01")
			.list();
		List<Fill> paid = Fills.of("BTCUSDT").buy("1", "100").fee("0.05").list();

		Commissions.Normalized normalized = Commissions.normalize(served, TradeIncome.of("BTCUSDT", paid(paid)));

		assertThat(normalized.sign()).isEqualTo(CommissionSign.PAID_NEGATIVE);
		assertThat(normalized.fills()).extracting(Fill::commission).containsExactly(d("0.05"), d("0.01"));
	}

	@Test
	void aMakerRebateLowersFeesWhateverTheServedSign() {
		// COMMISSION income +0.02 for the closing fill: a rebate, paid = -0.02
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").fee("0.05").sell("1", "110").pnl("10").fee("-0.02")
			.list();
		List<Fill> flipped = Fills.of("BTCUSDT").buy("1", "100").fee("-0.05").sell("1", "110").pnl("10").fee("0.02")
			.list();

		List<IncomeRecord> income = paid(fills);

		assertThat(Commissions.normalize(fills, TradeIncome.of("BTCUSDT", income)).fills()).extracting(Fill::commission)
			.containsExactly(d("0.05"), d("-0.02"));
		assertThat(Commissions.normalize(flipped, TradeIncome.of("BTCUSDT", income)).fills())
			.extracting(Fill::commission)
			.containsExactly(d("0.05"), d("-0.02"));
		TradeEntry row = Rows.process("BTCUSDT", fills, java.util.Map.of()).trades().get(0);
		assertThat(row.fees()).isEqualByComparingTo("0.03");
	}

	/** The COMMISSION income of fills whose commission is what they paid. */
	private static List<IncomeRecord> paid(List<Fill> paid) {
		List<IncomeRecord> income = new ArrayList<>();
		for (Fill fill : paid) {
			income.add(new IncomeRecord("BTCUSDT", IncomeType.COMMISSION, fill.commission().negate(),
					fill.commissionAsset(), fill.time(), "C" + fill.id(), String.valueOf(fill.id()), ""));
		}
		return income;
	}

}
