package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Commission rules of a generated account: maker 0.02%, taker 0.05% of notional in the quote
 * asset; USDC makers pay nothing (the long-running USDC promotion); during "pay fees with
 * BNB" periods USDT fills pay in BNB at a 10% discount; during a rebate period (when enabled)
 * USDT makers earn 0.005% in USDT, a negative commission. Amounts are rounded to 8 dp and are
 * never zero except for the USDC makers.
 */
final class GeneratorFees {

	static final String BNB = "BNB";

	private static final BigDecimal MAKER_RATE = new BigDecimal("0.0002");

	private static final BigDecimal TAKER_RATE = new BigDecimal("0.0005");

	private static final BigDecimal MAKER_REBATE_RATE = new BigDecimal("0.00005");

	private static final BigDecimal BNB_DISCOUNT = new BigDecimal("0.9");

	static final BigDecimal BNB_PRICE = new BigDecimal("580.00");

	private static final BigDecimal SMALLEST = new BigDecimal("0.00000001");

	private static final int SCALE = 8;

	private final List<long[]> bnbPeriods;

	private final long[] rebatePeriod;

	private GeneratorFees(List<long[]> bnbPeriods, long[] rebatePeriod) {
		this.bnbPeriods = bnbPeriods;
		this.rebatePeriod = rebatePeriod;
	}

	/** Two BNB periods, each 8-15% of the history, and a rebate period of 4-7%, at random places. */
	static GeneratorFees random(long startMs, long endMs, boolean rebates, Random random) {
		long span = endMs - startMs;
		List<long[]> periods = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			periods.add(period(startMs, span, 8 + random.nextInt(8), random));
		}
		// drawn after the BNB periods, so switching rebates on leaves those where they were
		long[] rebate = period(startMs, span, 4 + random.nextInt(4), random);
		return new GeneratorFees(List.copyOf(periods), rebates ? rebate : new long[] { 0, 0 });
	}

	private static long[] period(long startMs, long span, int percent, Random random) {
		long length = span * percent / 100;
		long from = startMs + GeneratorRandom.below(random, span - length + 1);
		return new long[] { from, from + length };
	}

	GeneratedCommission commission(GeneratedSymbol symbol, BigDecimal notional, boolean maker, long timeMs) {
		String quote = symbol.quoteAsset();
		if (maker && quote.equals("USDC")) {
			return new GeneratedCommission(BigDecimal.ZERO, quote);
		}
		if (maker && quote.equals("USDT") && within(rebatePeriod, timeMs)) {
			BigDecimal rebate = notional.multiply(MAKER_REBATE_RATE).setScale(SCALE, RoundingMode.HALF_EVEN).max(SMALLEST);
			return new GeneratedCommission(rebate.negate(), quote);
		}
		BigDecimal inQuote = notional.multiply(maker ? MAKER_RATE : TAKER_RATE);
		if (quote.equals("USDT") && inBnbPeriod(timeMs)) {
			BigDecimal inBnb = inQuote.multiply(BNB_DISCOUNT).divide(BNB_PRICE, SCALE, RoundingMode.HALF_EVEN);
			return new GeneratedCommission(inBnb.max(SMALLEST), BNB);
		}
		return new GeneratedCommission(inQuote.setScale(SCALE, RoundingMode.HALF_EVEN).max(SMALLEST), quote);
	}

	private boolean inBnbPeriod(long timeMs) {
		return bnbPeriods.stream().anyMatch(period -> within(period, timeMs));
	}

	private static boolean within(long[] period, long timeMs) {
		return timeMs >= period[0] && timeMs < period[1];
	}

	record GeneratedCommission(BigDecimal amount, String asset) {
	}
}
