package syncjob.binance;

import java.util.Map;

/** The request-weight limit per minute and each listed symbol's quote asset. */
public record ExchangeInfo(int weightLimitPerMinute, Map<String, String> quoteAssetBySymbol) {

	public ExchangeInfo {
		quoteAssetBySymbol = Map.copyOf(quoteAssetBySymbol);
	}
}
