package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Commission rules of a generated account: maker 0.02%, taker 0.05% of notional in the quote
 * asset; USDC makers pay nothing (the long-running USDC promotion); during "pay fees with
 * BNB" periods USDT fills pay in BNB at a 10% discount. Amounts are rounded to 8 dp.
 */
final class GeneratorFees {

	static final String BNB = "BNB";

	private static final BigDecimal MAKER_RATE = new BigDecimal("0.0002");

	private static final BigDecimal TAKER_RATE = new BigDecimal("0.0005");

	private static final BigDecimal BNB_DISCOUNT = new BigDecimal("0.9");

	private static final BigDecimal BNB_PRICE = new BigDecimal("580.00");

	private static final BigDecimal SMALLEST = new BigDecimal("0.00000001");

	private static final int SCALE = 8;

	private final List<long[]> bnbPeriods;

	private GeneratorFees(List<long[]> bnbPeriods) {
		this.bnbPeriods = bnbPeriods;
	}

	/** Two BNB periods, each 8-15% of the history, at random places. */
	static GeneratorFees random(long startMs, long endMs, Random random) {
		long span = endMs - startMs;
		List<long[]> periods = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			long length = span * (8 + random.nextInt(8)) / 100;
			long from = startMs + GeneratorRandom.below(random, span - length + 1);
			periods.add(new long[] { from, from + length });
		}
		return new GeneratorFees(List.copyOf(periods));
	}

	GeneratedCommission commission(GeneratedSymbol symbol, BigDecimal notional, boolean maker, long timeMs) {
		String quote = symbol.quoteAsset();
		if (maker && quote.equals("USDC")) {
			return new GeneratedCommission(BigDecimal.ZERO, quote);
		}
		BigDecimal inQuote = notional.multiply(maker ? MAKER_RATE : TAKER_RATE);
		if (quote.equals("USDT") && inBnbPeriod(timeMs)) {
			BigDecimal inBnb = inQuote.multiply(BNB_DISCOUNT).divide(BNB_PRICE, SCALE, RoundingMode.HALF_EVEN);
			return new GeneratedCommission(inBnb.max(SMALLEST), BNB);
		}
		return new GeneratedCommission(inQuote.setScale(SCALE, RoundingMode.HALF_EVEN).max(SMALLEST), quote);
	}

	private boolean inBnbPeriod(long timeMs) {
		for (long[] period : bnbPeriods) {
			if (timeMs >= period[0] && timeMs < period[1]) {
				return true;
			}
		}
		return false;
	}

	record GeneratedCommission(BigDecimal amount, String asset) {
	}
}
