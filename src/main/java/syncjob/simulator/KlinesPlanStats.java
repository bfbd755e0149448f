package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.StreamKey;

/**
 * The least klines weight a sync of a window can spend on its rows, for the bench to compare
 * with: per closed trade it records, one request of exactly its candles at the finest interval
 * covering the hold in at most 499 (weight 1 under 100 candles, else 2); per distinct minute
 * and {@code {asset}{quote}} symbol a commission in another asset is valued at, one 1-minute
 * request (weight 1).
 */
final class KlinesPlanStats {

	static final String FORMULA = "per recorded trade: weight(candles of its hold at the finest of 1m..1d with"
			+ " at most 499) + per distinct (minute, {asset}{quote}) of its other-asset commissions: 1;"
			+ " weight(n) = n < 100 ? 1 : 2";

	private static final long[] SECONDS = { 60, 180, 300, 900, 1_800, 3_600, 7_200, 14_400, 21_600, 28_800, 43_200,
			86_400 };

	private KlinesPlanStats() {
	}

	/**
	 * Over the lifecycles of {@code synced} symbols that close in [from, to) and open at or after
	 * {@code tradeHorizon} (the rows a sync writes).
	 */
	static Map<String, Object> of(SimulatedAccount account, Set<String> synced, Instant from, Instant to,
			Instant tradeHorizon) {
		Map<String, String> quotes = new HashMap<>();
		account.symbols().forEach(spec -> quotes.put(spec.symbol(), spec.quoteAsset()));
		Map<StreamKey, List<Fill>> streams = new HashMap<>();
		account.fills().stream().filter(fill -> synced.contains(fill.symbol()))
			.forEach(fill -> streams.computeIfAbsent(fill.stream(), key -> new ArrayList<>()).add(fill));
		long trades = 0;
		long excursionWeight = 0;
		Set<String> feeMinutes = new HashSet<>();
		for (List<Fill> fills : streams.values()) {
			fills.sort(Comparator.comparing(Fill::time).thenComparingLong(Fill::id));
			BigDecimal position = BigDecimal.ZERO;
			List<Fill> lifecycle = new ArrayList<>();
			for (Fill fill : fills) {
				BigDecimal after = position.add(fill.signedQty());
				lifecycle.add(fill);
				boolean ends = position.signum() != 0 && after.signum() != position.signum();
				if (ends) {
					Instant entry = lifecycle.get(0).time();
					Instant exit = fill.time();
					if (!exit.isBefore(from) && exit.isBefore(to) && !entry.isBefore(tradeHorizon)) {
						trades++;
						excursionWeight += candles(entry, exit) < 100 ? 1 : 2;
						String quote = quotes.get(fill.symbol());
						for (Fill part : lifecycle) {
							if (!part.commissionAsset().equals(quote) && part.commission().signum() != 0) {
								long minute = Math.floorDiv(part.time().toEpochMilli(), 60_000L);
								feeMinutes.add(part.commissionAsset() + quote + "@" + minute);
							}
						}
					}
					lifecycle = new ArrayList<>();
					if (after.signum() != 0) {
						// a flip: its opening remainder starts the next lifecycle
						lifecycle.add(fill);
					}
				}
				position = after;
			}
		}
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("trades", trades);
		plan.put("excursionWeight", excursionWeight);
		plan.put("feeMinutes", (long) feeMinutes.size());
		plan.put("feeWeight", (long) feeMinutes.size());
		plan.put("weight", excursionWeight + feeMinutes.size());
		return plan;
	}

	/** Candles from the one containing {@code entry} to the one containing {@code exit}, finest interval first. */
	static long candles(Instant entry, Instant exit) {
		long count = 0;
		for (long seconds : SECONDS) {
			count = Math.floorDiv(exit.getEpochSecond(), seconds) - Math.floorDiv(entry.getEpochSecond(), seconds) + 1;
			if (count <= 499) {
				return count;
			}
		}
		return count;
	}
}
