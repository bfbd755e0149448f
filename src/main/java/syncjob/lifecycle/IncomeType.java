package syncjob.lifecycle;

/**
 * The income types the contract reads. Income types are kept as text on
 * {@link IncomeRecord} because Binance adds new ones; unknown types are data, not errors.
 */
public final class IncomeType {

	public static final String REALIZED_PNL = "REALIZED_PNL";

	public static final String COMMISSION = "COMMISSION";

	public static final String FUNDING_FEE = "FUNDING_FEE";

	public static final String TRANSFER = "TRANSFER";

	/** What a liquidation paid into (or took from) the insurance fund. */
	public static final String INSURANCE_CLEAR = "INSURANCE_CLEAR";

	private IncomeType() {
	}
}
