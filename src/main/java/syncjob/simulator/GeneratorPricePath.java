package syncjob.simulator;

import java.util.Random;

/**
 * An hourly random walk of one symbol's price, in ticks. Integer arithmetic only, so the
 * path is the same on every JVM; bounded to a factor of four around the start level so
 * long histories stay plausible.
 */
final class GeneratorPricePath {

	static final long HOUR_MS = 3_600_000L;

	private static final int MAX_MOVE_BASIS_POINTS = 60;

	private final long startMs;

	private final long[] hourlyTicks;

	GeneratorPricePath(long startMs, long endMs, long startTicks, Random random) {
		this.startMs = startMs;
		int hours = (int) ((endMs - startMs) / HOUR_MS) + 1;
		this.hourlyTicks = new long[hours];
		long floor = Math.max(10, startTicks / 4);
		long ceiling = startTicks * 4;
		long ticks = startTicks;
		for (int i = 0; i < hours; i++) {
			hourlyTicks[i] = ticks;
			long move = ticks * (random.nextInt(2 * MAX_MOVE_BASIS_POINTS + 1) - MAX_MOVE_BASIS_POINTS) / 10_000;
			ticks = Math.min(ceiling, Math.max(floor, ticks + move));
		}
	}

	long ticksAt(long timeMs) {
		int hour = (int) ((timeMs - startMs) / HOUR_MS);
		return hourlyTicks[Math.max(0, Math.min(hourlyTicks.length - 1, hour))];
	}
}
