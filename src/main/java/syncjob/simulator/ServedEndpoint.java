package syncjob.simulator;

import java.util.Arrays;
import java.util.Optional;

/** The served endpoints with Binance's request weight and whether they are USER_DATA (signed). */
enum ServedEndpoint {

	TIME("/fapi/v1/time", 1, false),
	EXCHANGE_INFO("/fapi/v1/exchangeInfo", 1, false),
	INCOME("/fapi/v1/income", 30, true),
	USER_TRADES("/fapi/v1/userTrades", 5, true),
	ALL_ORDERS("/fapi/v1/allOrders", 5, true),
	QUERY_ORDER("/fapi/v1/order", 1, true),
	POSITION_RISK_V3("/fapi/v3/positionRisk", 5, true),
	POSITION_RISK_V2("/fapi/v2/positionRisk", 5, true),
	POSITION_SIDE_DUAL("/fapi/v1/positionSide/dual", 30, true),
	/** Weighs by its {@code limit}: {@link #weight(QueryParams)}. */
	KLINES("/fapi/v1/klines", 5, false);

	private final String path;

	private final int weight;

	private final boolean signed;

	ServedEndpoint(String path, int weight, boolean signed) {
		this.path = path;
		this.weight = weight;
		this.signed = signed;
	}

	static Optional<ServedEndpoint> of(String path) {
		return Arrays.stream(values()).filter(e -> e.path.equals(path)).findFirst();
	}

	String path() {
		return path;
	}

	int weight() {
		return weight;
	}

	/** The weight of this request: the klines' depends on its {@code limit}, as on Binance. */
	int weight(QueryParams params) {
		return this == KLINES ? KlinesEndpoint.weight(params) : weight;
	}

	boolean signed() {
		return signed;
	}
}
