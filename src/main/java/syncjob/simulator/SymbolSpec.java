package syncjob.simulator;

import java.util.Objects;

/** A listed symbol as exchangeInfo describes it. */
public record SymbolSpec(String symbol, String baseAsset, String quoteAsset) {

	public SymbolSpec {
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(baseAsset, "baseAsset");
		Objects.requireNonNull(quoteAsset, "quoteAsset");
	}
}
