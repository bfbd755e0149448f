package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A current position (a row of {@code GET /fapi/v3/positionRisk}); {@code positionAmt} is signed. */
public record PositionSnapshot(String symbol, PositionSide positionSide, BigDecimal positionAmt,
		BigDecimal entryPrice, Instant updateTime) {

	public PositionSnapshot {
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(positionSide, "positionSide");
		Objects.requireNonNull(positionAmt, "positionAmt");
	}

	public StreamKey stream() {
		return new StreamKey(symbol, positionSide);
	}
}
