package syncjob.lifecycle;

/** Order side of a fill: BUY adds to the signed position, SELL subtracts from it. */
public enum Side {
	BUY, SELL;

	/** +1 for BUY, -1 for SELL: a fill's signed quantity is {@code sign() * qty}. */
	public int sign() {
		return this == BUY ? 1 : -1;
	}
}
