package syncjob.simulator;

import java.util.Random;

/** Integer draws the generator needs beyond {@link Random}'s own (long ranges, percentages). */
final class GeneratorRandom {

	private GeneratorRandom() {
	}

	/** Uniform-enough long in [0, bound); 0 when bound <= 1. */
	static long below(Random random, long bound) {
		return bound <= 1 ? 0 : Math.floorMod(random.nextLong(), bound);
	}

	/** Long in [from, to]; {@code from} when the range is empty. */
	static long between(Random random, long from, long to) {
		return to <= from ? from : from + below(random, to - from + 1);
	}

	/** True with probability {@code percent}/100. */
	static boolean chance(Random random, int percent) {
		return random.nextInt(100) < percent;
	}

	/** A seed for a sub-generator, so that adding draws in one part leaves the others unchanged. */
	static Random derived(long seed, long salt) {
		long mixed = seed * 0x9E3779B97F4A7C15L + salt * 0xC2B2AE3D27D4EB4FL;
		return new Random(mixed ^ (mixed >>> 31));
	}
}
