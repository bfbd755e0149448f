package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The open-positions snapshot of one symbol at the window's end (SPEC section 3c). */
public final class OpenPositions {

	private OpenPositions() {
	}

	/**
	 * One position per lifecycle still open, in stream order. Its funding counts the
	 * FUNDING_FEE records with {@code entry_time <= t < to}, shared as trades share it
	 * ({@link FundingAttribution}): a record at a time when other lifecycles of the symbol were
	 * open too (hedge mode) gives it only its share.
	 *
	 * @param lifecycles all of the symbol's lifecycles (closed, incomplete, open), every part
	 *                   before {@code to}
	 * @param funding    the symbol's income (records of other types are ignored)
	 */
	public static List<OpenPosition> at(Instant to, List<Lifecycle> lifecycles, List<IncomeRecord> funding,
			String quoteAsset) {
		List<IncomeRecord> soFar = funding.stream()
			.filter(record -> record.is(IncomeType.FUNDING_FEE) && record.time().isBefore(to))
			.toList();
		Map<String, BigDecimal> byTradeId = FundingAttribution.attribute(soFar, lifecycles).byTradeId();
		List<OpenPosition> positions = new ArrayList<>();
		for (Lifecycle lifecycle : lifecycles) {
			if (!lifecycle.closed()) {
				positions.add(OpenPosition.of(lifecycle, quoteAsset,
						byTradeId.getOrDefault(lifecycle.tradeId(), BigDecimal.ZERO), to));
			}
		}
		positions.sort(Comparator.comparing(OpenPosition::stream));
		return positions;
	}
}
