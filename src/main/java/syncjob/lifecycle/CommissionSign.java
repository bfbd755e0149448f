package syncjob.lifecycle;

/**
 * How the exchange signs a fill's {@code commission}: real accounts report a fee paid as a
 * positive number, Binance's documentation sample shows it negative. Established from the
 * fills whose COMMISSION income tells what was paid; {@code UNKNOWN} when none does.
 */
public enum CommissionSign {

	PAID_POSITIVE, PAID_NEGATIVE, UNKNOWN

}
