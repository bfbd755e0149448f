package syncjob.binance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.KlineInterval;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;
import syncjob.lifecycle.Side;

/**
 * A MockWebServer dispatcher emulating the Binance rules the client depends on: key, signature
 * and timestamp checks, request weight per server minute (429 beyond the limit), the 7-day
 * window rule (a longer span answers an empty list), fromId/time exclusivity, paging, retention,
 * and klines (public; weight by limit; -1121 for a symbol without any).
 * Tests add data with the fixture methods and script faults with {@link #script}.
 */
final class FakeBinance extends Dispatcher {

	static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

	static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final long MINUTE = 60_000;

	private final FakeClock clock;

	private long skewMillis;

	private int weightLimit = 2400;

	private int tradeRetentionDays = 180;

	private boolean checkTimestamps = true;

	private final Map<Long, Integer> weightByMinute = new HashMap<>();

	private int rejectedForWeight;

	private final Map<String, List<Fill>> fills = new HashMap<>();

	private final Map<String, List<Order>> orders = new HashMap<>();

	private final List<IncomeRecord> income = new ArrayList<>();

	private final List<PositionSnapshot> positions = new ArrayList<>();

	private final Map<String, NavigableMap<Long, Candle>> candles = new HashMap<>();

	private final Map<String, Deque<MockResponse>> scripted = new HashMap<>();

	private final List<Seen> requests = new ArrayList<>();

	private final List<String> signatures = new ArrayList<>();

	private long nextTranId = 8_000_000_000_000_000_000L;

	FakeBinance(FakeClock clock) {
		this.clock = clock;
	}

	/** A request as the server saw it: path, decoded parameters, the raw query and the server time. */
	record Seen(String path, Map<String, String> params, String rawQuery, long serverTime) {

		String param(String name) {
			return params.get(name);
		}

		long longParam(String name) {
			return Long.parseLong(params.get(name));
		}
	}

	// ---- fixture ----------------------------------------------------------------------------

	synchronized Fill addFill(String symbol, long id, Instant time, Side side, PositionSide positionSide, String qty) {
		return addFill(symbol, id, id * 10, time, side, positionSide, qty);
	}

	synchronized Fill addFill(String symbol, long id, long orderId, Instant time, Side side, PositionSide positionSide,
			String qty) {
		Fill fill = new Fill(symbol, id, orderId, side, positionSide, new BigDecimal("100"), new BigDecimal(qty),
				BigDecimal.ZERO, new BigDecimal("0.01"), "USDT", time, false);
		List<Fill> list = fills.computeIfAbsent(symbol, s -> new ArrayList<>());
		list.add(fill);
		list.sort(Comparator.comparingLong(Fill::id));
		return fill;
	}

	synchronized void addOrder(String symbol, long orderId, Instant time, String type) {
		List<Order> list = orders.computeIfAbsent(symbol, s -> new ArrayList<>());
		list.add(new Order(symbol, orderId, type, "FILLED", Side.BUY, PositionSide.BOTH, BigDecimal.ONE,
				BigDecimal.ONE, time, time));
		list.sort(Comparator.comparingLong(Order::orderId));
	}

	synchronized IncomeRecord addIncome(String symbol, String type, String amount, Instant time, String tradeId) {
		IncomeRecord record = new IncomeRecord(symbol, type, new BigDecimal(amount), "USDT", time,
				Long.toString(nextTranId++), tradeId, "");
		income.add(record);
		income.sort(Comparator.comparing(IncomeRecord::time));
		return record;
	}

	/** A candle of the symbol's klines in that interval; a symbol with none answers -1121 Invalid symbol. */
	synchronized void addCandle(String symbol, KlineInterval interval, Candle candle) {
		candles.computeIfAbsent(symbol + "/" + interval.code(), k -> new TreeMap<>())
			.put(candle.openTime().toEpochMilli(), candle);
	}

	/** A symbol Binance lists whose klines in that interval are empty (none added). */
	synchronized void listKlines(String symbol, KlineInterval interval) {
		candles.computeIfAbsent(symbol + "/" + interval.code(), k -> new TreeMap<>());
	}

	synchronized void addPosition(String symbol, PositionSide side, String amount) {
		positions.add(new PositionSnapshot(symbol, side, new BigDecimal(amount), new BigDecimal("100"),
				clock.instant()));
	}

	synchronized void weightLimit(int limit) {
		this.weightLimit = limit;
	}

	synchronized void tradeRetentionDays(int days) {
		this.tradeRetentionDays = days;
	}

	/**
	 * Stops the recvWindow check: with several threads a fake sleeper jumps the shared clock by
	 * up to a minute while other threads' requests are in flight, which real time never does.
	 */
	synchronized void ignoreTimestamps() {
		this.checkTimestamps = false;
	}

	/** Moves the server's clock away from the client's. */
	synchronized void skew(Duration skew) {
		this.skewMillis = skew.toMillis();
	}

	/** The next requests to {@code path} get these responses, in order, before the normal rules apply. */
	synchronized void script(String path, MockResponse... responses) {
		Deque<MockResponse> queue = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
		for (MockResponse response : responses) {
			queue.add(response);
		}
	}

	static MockResponse error(int status, int code, String msg) {
		return new MockResponse().setResponseCode(status)
			.setHeader("Content-Type", "application/json")
			.setBody("{\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
	}

	// ---- observations -----------------------------------------------------------------------

	synchronized List<Seen> requests(String path) {
		return requests.stream().filter(seen -> seen.path().equals(path)).toList();
	}

	synchronized List<Seen> requests(Predicate<Seen> filter) {
		return requests.stream().filter(filter).toList();
	}

	synchronized int maxWeightInAnyMinute() {
		return weightByMinute.values().stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	synchronized int rejectedForWeight() {
		return rejectedForWeight;
	}

	synchronized List<String> signatures() {
		return List.copyOf(signatures);
	}

	// ---- the server -------------------------------------------------------------------------

	@Override
	public synchronized MockResponse dispatch(RecordedRequest request) {
		HttpUrl url = request.getRequestUrl();
		String path = url.encodedPath();
		long now = clock.millis() + skewMillis;
		String target = request.getPath();
		String rawQuery = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
		Map<String, String> params = new LinkedHashMap<>();
		for (String name : url.queryParameterNames()) {
			params.put(name, url.queryParameter(name));
		}
		requests.add(new Seen(path, params, rawQuery, now));
		Endpoint endpoint = endpoint(path);
		if (endpoint == null) {
			return error(404, -1000, "Unknown path");
		}
		int weight = endpoint == Endpoint.KLINES ? KlinePlan.weight(limit(params, 500)) : endpoint.weight();
		int used = weightByMinute.merge(now / MINUTE, weight, Integer::sum);
		MockResponse response = respond(endpoint, request, params, rawQuery, now, used);
		return response.setHeader(BinanceCaller.USED_WEIGHT_HEADER, Integer.toString(used));
	}

	private MockResponse respond(Endpoint endpoint, RecordedRequest request, Map<String, String> params,
			String rawQuery, long now, int used) {
		Deque<MockResponse> queue = scripted.get(endpoint.path());
		if (queue != null && !queue.isEmpty()) {
			return queue.poll();
		}
		if (used > weightLimit) {
			rejectedForWeight++;
			return error(429, -1003, "Too many requests; current limit is " + weightLimit + " request weight per 1 MINUTE.");
		}
		if (endpoint.signed()) {
			MockResponse rejection = checkSigned(request, params, rawQuery, now);
			if (rejection != null) {
				return rejection;
			}
		}
		return switch (endpoint) {
			case TIME -> json(Map.of("serverTime", now));
			case EXCHANGE_INFO -> exchangeInfo();
			case POSITION_RISK -> json(positions.stream().map(FakeBinance::positionJson).toList());
			case USER_TRADES -> userTrades(params, now);
			case ALL_ORDERS -> allOrders(params, now);
			case QUERY_ORDER -> queryOrder(params, now);
			case INCOME -> income(params, now);
			case KLINES -> klines(params, now);
		};
	}

	private MockResponse checkSigned(RecordedRequest request, Map<String, String> params, String rawQuery, long now) {
		if (!API_KEY.equals(request.getHeader(SigningInterceptor.API_KEY_HEADER))) {
			return error(401, -2015, "Invalid API-key, IP, or permissions for action, request ip: 127.0.0.1");
		}
		int at = rawQuery.lastIndexOf("&signature=");
		if (at < 0) {
			return error(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
		}
		String signature = rawQuery.substring(at + "&signature=".length());
		signatures.add(signature);
		if (signature.contains("&") || !new RequestSigner(SECRET).sign(rawQuery.substring(0, at)).equals(signature)) {
			return error(400, -1022, "Signature for this request is not valid.");
		}
		if (!checkTimestamps) {
			return null;
		}
		long timestamp = Long.parseLong(params.get("timestamp"));
		long recvWindow = params.containsKey("recvWindow") ? Long.parseLong(params.get("recvWindow")) : 5000;
		if (timestamp > now + 1000) {
			return error(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
		}
		if (now - timestamp > recvWindow) {
			return error(400, -1021, "Timestamp for this request is outside of the recvWindow.");
		}
		return null;
	}

	private MockResponse exchangeInfo() {
		List<Map<String, Object>> symbols = new ArrayList<>();
		for (String symbol : fills.keySet()) {
			symbols.add(Map.of("symbol", symbol, "baseAsset", symbol.replace("USDT", ""), "quoteAsset", "USDT",
					"status", "TRADING"));
		}
		return json(Map.of("timezone", "UTC", "serverTime", clock.millis(), "rateLimits",
				List.of(Map.of("rateLimitType", "REQUEST_WEIGHT", "interval", "MINUTE", "intervalNum", 1, "limit",
						weightLimit),
						Map.of("rateLimitType", "ORDERS", "interval", "MINUTE", "intervalNum", 1, "limit", 1200)),
				"symbols", symbols));
	}

	private MockResponse userTrades(Map<String, String> params, long now) {
		String symbol = params.get("symbol");
		if (symbol == null) {
			return error(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
		}
		boolean timed = params.containsKey("startTime") || params.containsKey("endTime");
		if (params.containsKey("fromId") && timed) {
			return error(400, -1106, "Parameter 'fromId' sent when not required.");
		}
		int limit = limit(params, 500);
		if (limit > 1000) {
			return error(400, -1130, "Data sent for parameter 'limit' is not valid.");
		}
		long retained = now - Duration.ofDays(tradeRetentionDays).toMillis();
		List<Fill> candidates = fills.getOrDefault(symbol, List.of())
			.stream()
			.filter(fill -> fill.time().toEpochMilli() >= retained)
			.toList();
		List<Fill> served;
		if (params.containsKey("fromId")) {
			long fromId = Long.parseLong(params.get("fromId"));
			served = candidates.stream().filter(fill -> fill.id() >= fromId).limit(limit).toList();
		}
		else {
			long[] span = span(params, now);
			if (span[1] - span[0] > Duration.ofDays(7).toMillis()) {
				return json(List.of());
			}
			served = candidates.stream()
				.filter(fill -> fill.time().toEpochMilli() >= span[0] && fill.time().toEpochMilli() <= span[1])
				.limit(limit)
				.toList();
		}
		return json(served.stream().map(FakeBinance::fillJson).toList());
	}

	private MockResponse allOrders(Map<String, String> params, long now) {
		String symbol = params.get("symbol");
		int limit = limit(params, 500);
		long retained = now - Duration.ofDays(90).toMillis();
		long fromId = params.containsKey("orderId") ? Long.parseLong(params.get("orderId")) : 0;
		return json(orders.getOrDefault(symbol, List.of())
			.stream()
			.filter(order -> order.time().toEpochMilli() >= retained && order.orderId() >= fromId)
			.limit(limit)
			.map(FakeBinance::orderJson)
			.toList());
	}

	private MockResponse queryOrder(Map<String, String> params, long now) {
		long retained = now - Duration.ofDays(90).toMillis();
		long id = Long.parseLong(params.get("orderId"));
		return orders.getOrDefault(params.get("symbol"), List.of())
			.stream()
			.filter(order -> order.orderId() == id && order.time().toEpochMilli() >= retained)
			.findFirst()
			.map(order -> json(orderJson(order)))
			.orElseGet(() -> error(400, -2013, "Order does not exist."));
	}

	private MockResponse income(Map<String, String> params, long now) {
		int limit = limit(params, 100);
		int page = params.containsKey("page") ? Integer.parseInt(params.get("page")) : 1;
		long retained = now - Duration.ofDays(90).toMillis();
		long start = params.containsKey("startTime") ? Long.parseLong(params.get("startTime")) : now - 7 * 86_400_000L;
		long end = params.containsKey("endTime") ? Long.parseLong(params.get("endTime")) : now;
		String symbol = params.get("symbol");
		String type = params.get("incomeType");
		return json(income.stream()
			.filter(record -> record.time().toEpochMilli() >= Math.max(start, retained)
					&& record.time().toEpochMilli() <= end)
			.filter(record -> symbol == null || record.symbol().equals(symbol))
			.filter(record -> type == null || record.incomeType().equals(type))
			.skip((long) (page - 1) * limit)
			.limit(limit)
			.map(FakeBinance::incomeJson)
			.toList());
	}

	private MockResponse klines(Map<String, String> params, long now) {
		String symbol = params.get("symbol");
		String interval = params.get("interval");
		int limit = limit(params, 500);
		if (limit > 1500) {
			return error(400, -1130, "Data sent for parameter 'limit' is not valid.");
		}
		boolean listed = candles.keySet().stream().anyMatch(key -> key.startsWith(symbol + "/"));
		if (!listed) {
			return error(400, -1121, "Invalid symbol.");
		}
		long start = params.containsKey("startTime") ? Long.parseLong(params.get("startTime")) : 0;
		long end = params.containsKey("endTime") ? Long.parseLong(params.get("endTime")) : now;
		long length = KlineInterval.ofCode(interval).orElseThrow().length().toMillis();
		return json(candles.getOrDefault(symbol + "/" + interval, new TreeMap<>())
			.subMap(start, true, end, true)
			.values()
			.stream()
			.limit(limit)
			.map(candle -> List.<Object>of(candle.openTime().toEpochMilli(), candle.open().toPlainString(),
					candle.high().toPlainString(), candle.low().toPlainString(), candle.close().toPlainString(),
					"12.5", candle.openTime().toEpochMilli() + length - 1, "1250.0", 7, "6.0", "600.0", "0"))
			.toList());
	}

	private static long[] span(Map<String, String> params, long now) {
		long week = Duration.ofDays(7).toMillis();
		Long start = params.containsKey("startTime") ? Long.parseLong(params.get("startTime")) : null;
		Long end = params.containsKey("endTime") ? Long.parseLong(params.get("endTime")) : null;
		if (start == null && end == null) {
			return new long[] { now - week, now };
		}
		if (start == null) {
			return new long[] { end - week, end };
		}
		return new long[] { start, end == null ? start + week : end };
	}

	private static int limit(Map<String, String> params, int fallback) {
		return params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : fallback;
	}

	private static Endpoint endpoint(String path) {
		for (Endpoint endpoint : Endpoint.values()) {
			if (endpoint.path().equals(path)) {
				return endpoint;
			}
		}
		return null;
	}

	private static Map<String, Object> fillJson(Fill fill) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("symbol", fill.symbol());
		row.put("id", fill.id());
		row.put("orderId", fill.orderId());
		row.put("side", fill.side().name());
		row.put("positionSide", fill.positionSide().name());
		row.put("price", fill.price().toPlainString());
		row.put("qty", fill.qty().toPlainString());
		row.put("quoteQty", fill.price().multiply(fill.qty()).toPlainString());
		row.put("realizedPnl", fill.realizedPnl().toPlainString());
		row.put("marginAsset", "USDT");
		row.put("commission", fill.commission().negate().toPlainString());
		row.put("commissionAsset", fill.commissionAsset());
		row.put("time", fill.time().toEpochMilli());
		row.put("buyer", fill.side() == Side.BUY);
		row.put("maker", fill.maker());
		return row;
	}

	private static Map<String, Object> orderJson(Order order) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("symbol", order.symbol());
		row.put("orderId", order.orderId());
		row.put("clientOrderId", "c" + order.orderId());
		row.put("type", order.type());
		row.put("origType", order.type());
		row.put("status", order.status());
		row.put("side", order.side().name());
		row.put("positionSide", order.positionSide().name());
		row.put("price", "0");
		row.put("avgPrice", "100");
		row.put("origQty", order.origQty().toPlainString());
		row.put("executedQty", order.executedQty().toPlainString());
		row.put("time", order.time().toEpochMilli());
		row.put("updateTime", order.updateTime().toEpochMilli());
		row.put("reduceOnly", false);
		return row;
	}

	private static Map<String, Object> incomeJson(IncomeRecord record) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("symbol", record.symbol());
		row.put("incomeType", record.incomeType());
		row.put("income", record.income().toPlainString());
		row.put("asset", record.asset());
		row.put("info", record.info());
		row.put("time", record.time().toEpochMilli());
		row.put("tranId", new BigInteger(record.tranId()));
		row.put("tradeId", record.tradeId());
		return row;
	}

	private static Map<String, Object> positionJson(PositionSnapshot position) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("symbol", position.symbol());
		row.put("positionSide", position.positionSide().name());
		row.put("positionAmt", position.positionAmt().toPlainString());
		row.put("entryPrice", position.entryPrice().toPlainString());
		row.put("breakEvenPrice", "0.0");
		row.put("updateTime", position.updateTime().toEpochMilli());
		return row;
	}

	private static MockResponse json(Object body) {
		try {
			return new MockResponse().setHeader("Content-Type", "application/json")
				.setBody(new String(JSON.writeValueAsBytes(body), StandardCharsets.UTF_8));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
