package syncjob.lifecycle;

import java.util.Objects;

/** A position stream: fills of one symbol and one position side form one position. */
public record StreamKey(String symbol, PositionSide positionSide) implements Comparable<StreamKey> {

	public StreamKey {
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(positionSide, "positionSide");
	}

	@Override
	public int compareTo(StreamKey other) {
		int bySymbol = symbol.compareTo(other.symbol);
		return bySymbol != 0 ? bySymbol : positionSide.compareTo(other.positionSide);
	}
}
