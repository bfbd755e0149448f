package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import syncjob.lifecycle.PositionSide;

/**
 * Funding every 8 hours (00:00, 08:00 and 16:00 UTC, a few ms late as on Binance) for a
 * symbol with an open position: {@code -position * markPrice * rate} per side, summed over
 * the sides into one record per symbol and time, rounded to 8 dp. A fill at the funding
 * time itself counts as done before it.
 */
final class GeneratorFunding {

	static final long INTERVAL_MS = 8 * GeneratorPricePath.HOUR_MS;

	private GeneratorFunding() {
	}

	/** {@code fills} sorted by time; events are returned in time order. */
	static List<GeneratedFunding> events(GeneratedSymbol symbol, List<GeneratedFill> fills, GeneratorPricePath path,
			long startMs, long endMs, Random random) {
		List<GeneratedFunding> events = new ArrayList<>();
		Map<PositionSide, BigDecimal> positions = new EnumMap<>(PositionSide.class);
		int next = 0;
		for (long boundary = Math.floorDiv(startMs + INTERVAL_MS - 1, INTERVAL_MS) * INTERVAL_MS; boundary < endMs;
				boundary += INTERVAL_MS) {
			long timeMs = boundary + random.nextInt(6);
			if (timeMs >= endMs) {
				break;
			}
			while (next < fills.size() && fills.get(next).timeMs <= timeMs) {
				GeneratedFill fill = fills.get(next++);
				positions.merge(fill.order.positionSide, fill.signedQty(), BigDecimal::add);
			}
			if (positions.values().stream().allMatch(position -> position.signum() == 0)) {
				continue;
			}
			BigDecimal net = positions.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal amount = net.multiply(symbol.price(path.ticksAt(timeMs))).multiply(rate(random)).negate()
				.setScale(8, RoundingMode.HALF_EVEN);
			if (amount.signum() != 0) {
				events.add(new GeneratedFunding(timeMs, symbol.name(), amount, symbol.quoteAsset()));
			}
		}
		return events;
	}

	/** Mostly longs paying shorts (about 0.01%), sometimes the other way; never exactly zero. */
	private static BigDecimal rate(Random random) {
		int perMillion = random.nextInt(311) - 60;
		return BigDecimal.valueOf(perMillion == 0 ? 100 : perMillion, 6);
	}

	record GeneratedFunding(long timeMs, String symbol, BigDecimal amount, String asset) {
	}
}
