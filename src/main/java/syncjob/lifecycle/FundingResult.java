package syncjob.lifecycle;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Funding attributed to lifecycles.
 *
 * @param byTradeId    lifecycle tradeId to the sum of its shares (only lifecycles with a share)
 * @param unattributed records with no lifecycle open at their time
 */
public record FundingResult(Map<String, BigDecimal> byTradeId, List<IncomeRecord> unattributed) {

	public FundingResult {
		byTradeId = Map.copyOf(byTradeId);
		unattributed = List.copyOf(unattributed);
	}
}
