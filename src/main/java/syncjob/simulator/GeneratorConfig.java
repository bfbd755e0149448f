package syncjob.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What {@link AccountGenerator} builds: the same config always yields an equal account.
 * {@code end} is truncated to the millisecond because the exchange speaks epoch millis;
 * every trade, order, funding and income time is strictly before it.
 *
 * @param seed the only source of randomness
 * @param symbols how many symbols the account traded
 * @param days history length before {@code end}
 * @param end the "now" of the simulated exchange
 * @param lifecyclesPerSymbol approximate number of position lifecycles per symbol
 * @param fillsPerSymbol 0 for the natural number of fills; otherwise the lifecycle count is
 *        scaled so that each symbol has about this many fills (benchmarks)
 * @param hedgeShare fraction of symbols traded in hedge mode at {@code end}
 * @param makerRebates whether USDT maker fills earn a rebate (a negative commission) during
 *        one period of the history, as on a VIP or market-maker programme
 * @param autoCloses whether the exchange closes some positions itself: liquidations (with their
 *        INSURANCE_CLEAR income), auto-deleveraging and settlements ({@link GeneratorAutoCloses});
 *        off by default, so that accounts generated before stay as they were
 */
public record GeneratorConfig(long seed, int symbols, int days, Instant end, int lifecyclesPerSymbol,
		int fillsPerSymbol, double hedgeShare, boolean makerRebates, boolean autoCloses) {

	static final int DEFAULT_LIFECYCLES_PER_SYMBOL = 8;

	static final double DEFAULT_HEDGE_SHARE = 0.3;

	static final boolean DEFAULT_MAKER_REBATES = true;

	public GeneratorConfig {
		Objects.requireNonNull(end, "end");
		end = end.truncatedTo(ChronoUnit.MILLIS);
		require(symbols >= 1, "symbols must be >= 1, was " + symbols);
		require(days >= 1, "days must be >= 1, was " + days);
		require(lifecyclesPerSymbol >= 1, "lifecyclesPerSymbol must be >= 1, was " + lifecyclesPerSymbol);
		require(fillsPerSymbol >= 0, "fillsPerSymbol must be >= 0, was " + fillsPerSymbol);
		require(hedgeShare >= 0 && hedgeShare <= 1, "hedgeShare must be in [0, 1], was " + hedgeShare);
	}

	/** A config without the exchange's own closes. */
	public GeneratorConfig(long seed, int symbols, int days, Instant end, int lifecyclesPerSymbol, int fillsPerSymbol,
			double hedgeShare, boolean makerRebates) {
		this(seed, symbols, days, end, lifecyclesPerSymbol, fillsPerSymbol, hedgeShare, makerRebates, false);
	}

	/** A config with the default for maker rebates. */
	public GeneratorConfig(long seed, int symbols, int days, Instant end, int lifecyclesPerSymbol, int fillsPerSymbol,
			double hedgeShare) {
		this(seed, symbols, days, end, lifecyclesPerSymbol, fillsPerSymbol, hedgeShare, DEFAULT_MAKER_REBATES);
	}

	/** About 8 lifecycles per symbol, natural fill counts, 30% of symbols in hedge mode. */
	public static GeneratorConfig of(long seed, int symbols, int days, Instant end) {
		return new GeneratorConfig(seed, symbols, days, end, DEFAULT_LIFECYCLES_PER_SYMBOL, 0, DEFAULT_HEDGE_SHARE);
	}

	public GeneratorConfig withFillsPerSymbol(int fills) {
		return new GeneratorConfig(seed, symbols, days, end, lifecyclesPerSymbol, fills, hedgeShare, makerRebates,
				autoCloses);
	}

	public GeneratorConfig withLifecyclesPerSymbol(int lifecycles) {
		return new GeneratorConfig(seed, symbols, days, end, lifecycles, fillsPerSymbol, hedgeShare, makerRebates,
				autoCloses);
	}

	public GeneratorConfig withHedgeShare(double share) {
		return new GeneratorConfig(seed, symbols, days, end, lifecyclesPerSymbol, fillsPerSymbol, share, makerRebates,
				autoCloses);
	}

	public GeneratorConfig withMakerRebates(boolean rebates) {
		return new GeneratorConfig(seed, symbols, days, end, lifecyclesPerSymbol, fillsPerSymbol, hedgeShare, rebates,
				autoCloses);
	}

	public GeneratorConfig withAutoCloses(boolean closes) {
		return new GeneratorConfig(seed, symbols, days, end, lifecyclesPerSymbol, fillsPerSymbol, hedgeShare,
				makerRebates, closes);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}
}
