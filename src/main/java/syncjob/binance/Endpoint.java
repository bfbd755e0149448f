package syncjob.binance;

/** The endpoints the client calls, with the request weight Binance charges for each. */
enum Endpoint {

	TIME("/fapi/v1/time", 1, false),
	EXCHANGE_INFO("/fapi/v1/exchangeInfo", 1, false),
	INCOME("/fapi/v1/income", 30, true),
	USER_TRADES("/fapi/v1/userTrades", 5, true),
	ALL_ORDERS("/fapi/v1/allOrders", 5, true),
	QUERY_ORDER("/fapi/v1/order", 1, true),
	POSITION_RISK("/fapi/v3/positionRisk", 5, true),
	/** Public market data; its weight grows with {@code limit}: see {@link KlinePlan#weight(int)}. */
	KLINES("/fapi/v1/klines", 1, false);

	/** Page size of every paged endpoint: Binance's maximum. */
	static final int PAGE_LIMIT = 1000;

	private final String path;

	private final int weight;

	private final boolean signed;

	Endpoint(String path, int weight, boolean signed) {
		this.path = path;
		this.weight = weight;
		this.signed = signed;
	}

	String path() {
		return path;
	}

	int weight() {
		return weight;
	}

	boolean signed() {
		return signed;
	}

	/** How messages name a call: {@code GET /fapi/v1/userTrades for BTCUSDT}. */
	String describe(String symbol) {
		return "GET " + path + (symbol == null || symbol.isEmpty() ? "" : " for " + symbol);
	}
}
