package syncjob.simulator;

/**
 * The sign userTrades gives {@code commission}. Real accounts report a fee paid as positive;
 * Binance's documentation sample shows it negative. Income (COMMISSION) is never affected:
 * a fee paid is a negative income there, a maker rebate a positive one.
 */
public enum CommissionSign {

	/** A fee paid is positive, a rebate negative (what accounts see). */
	PAID_POSITIVE,

	/** A fee paid is negative, a rebate positive (the documentation's sample). */
	PAID_NEGATIVE
}
