package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.CandleRange;
import syncjob.lifecycle.Direction;
import syncjob.lifecycle.Excursion;
import syncjob.lifecycle.KlineInterval;
import syncjob.lifecycle.PriceMinute;
import syncjob.simulator.MutableClock;

/**
 * {@code GET /fapi/v1/klines} through the client: exactly the candles a trade needs, weighed by
 * limit on the shared budget, the cache first and only closed candles into it, fee minutes in
 * as few requests as possible, and "not served" never a failure. The simulated exchange serves
 * no klines yet, so {@link KlinesResponder} answers these tests alone.
 */
class KlinesClientTest {

	/** Midnight of the exchange's day; it is 12:00:30 there now. */
	private static final Instant DAY = Instant.parse("2026-06-01T00:00:00Z");

	private final MutableClock clock = MutableClock.at(DAY.plusSeconds(12 * 3600 + 30));

	private final KlinesResponder klines = new KlinesResponder(clock);

	private final MockWebServer server = new MockWebServer();

	private final List<BinanceClient> clients = new ArrayList<>();

	KlinesClientTest() throws IOException {
		server.setDispatcher(klines);
		server.start();
	}

	@AfterEach
	void stop() throws Exception {
		clients.forEach(BinanceClient::close);
		server.shutdown();
	}

	private BinanceClient client(CandleStore candles) {
		BinanceSettings settings = BinanceSettings.defaults()
			.withBaseUrl(server.url("/").toString())
			.withCredentials("KlinesAreMarketDataAndNeedNoKey", "NorASecretThoughLongEnough");
		BinanceClient client = BinanceClient.create(settings, clock, new FakeSleeper(clock), PagingFactsStore.NONE,
				candles);
		clients.add(client);
		return client;
	}

	@ParameterizedTest(name = "limit {0} weighs {1}")
	@CsvSource({ "1, 1", "99, 1", "100, 2", "499, 2", "500, 5", "1000, 5", "1001, 10", "1500, 10" })
	void weightFollowsTheLimitAsBinanceDocumentsIt(int limit, int weight) {
		assertThat(KlinePlan.weight(limit)).isEqualTo(weight);
	}

	@Test
	void perRangeOneRequestOfExactlyItsCandlesWeighedByItsLimit() {
		addCandles("BTCUSDT", KlineInterval.M1, DAY, 120);
		addCandles("BTCUSDT", KlineInterval.M15, DAY.minus(Duration.ofDays(4)), 400);
		BinanceClient client = client(new MemoryCandles());
		CandleRange hour = CandleRange.in(KlineInterval.M1, DAY.plusSeconds(60), DAY.plusSeconds(60 * 60 + 59));
		CandleRange days = new CandleRange(KlineInterval.M15, DAY.minus(Duration.ofDays(4)),
				DAY.minus(Duration.ofDays(4)).plus(Duration.ofMinutes(15 * 199)), 200);

		ServedCandles served = client.candles("BTCUSDT", List.of(hour, days));

		// sent at once: in any order
		List<HttpUrl> requests = klines.requests()
			.stream()
			.sorted(Comparator.comparing((HttpUrl url) -> !"1m".equals(url.queryParameter("interval"))))
			.toList();
		assertThat(requests).hasSize(2);
		HttpUrl first = requests.get(0);
		assertThat(first.queryParameter("symbol")).isEqualTo("BTCUSDT");
		assertThat(first.queryParameter("interval")).isEqualTo("1m");
		assertThat(Long.parseLong(first.queryParameter("startTime"))).isEqualTo(DAY.plusSeconds(60).toEpochMilli());
		// the last candle's close time: its open time whether Binance bounds by open or by close time
		assertThat(Long.parseLong(first.queryParameter("endTime"))).isEqualTo(DAY.plusSeconds(61 * 60).toEpochMilli() - 1);
		assertThat(first.queryParameter("limit")).isEqualTo("60");
		assertThat(requests.get(1).queryParameter("interval")).isEqualTo("15m");
		assertThat(requests.get(1).queryParameter("limit")).isEqualTo("200");
		assertThat(first.encodedQuery()).doesNotContain("signature");
		// prices rise candle by candle: the first has the lowest low, the last the highest high
		assertThat(served.candlesOf(hour)).extracting(Candle::openTime)
			.containsExactly(hour.firstOpenTime(), hour.lastOpenTime());
		assertThat(served.candlesOf(days)).extracting(Candle::openTime)
			.containsExactly(days.firstOpenTime(), days.lastOpenTime());
		// 60 candles weigh 1, 200 weigh 2: apart in the stats, and in the totals
		assertThat(served.calls()).isEqualTo(2);
		assertThat(served.weight()).isEqualTo(3);
		FetchStats stats = client.stats();
		assertThat(stats.klinesCalls()).isEqualTo(2);
		assertThat(stats.klinesWeight()).isEqualTo(3);
		assertThat(stats.weight()).isGreaterThanOrEqualTo(3);
		assertThat(stats.calls()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void onlyTheCandlesAnExcursionReadsAreKeptAndTheyGiveTheSameExcursion() {
		List<Candle> candles = List.of(candle(DAY, "101", "99"), candle(DAY.plusSeconds(60), "104", "100"),
				candle(DAY.plusSeconds(120), "103", "97.5"), candle(DAY.plusSeconds(180), "102", "98"));
		candles.forEach(candle -> klines.addCandle("ADAUSDT", KlineInterval.M1, candle));
		CandleRange range = CandleRange.in(KlineInterval.M1, DAY, DAY.plusSeconds(180));

		ServedCandles served = client(CandleStore.NONE).candles("ADAUSDT", List.of(range));

		assertThat(served.candlesOf(range)).extracting(Candle::openTime)
			.containsExactlyInAnyOrder(DAY.plusSeconds(120), DAY.plusSeconds(60));
		for (Direction direction : Direction.values()) {
			assertThat(Excursion.over(direction, new BigDecimal("100"), range, served.candlesOf(range)))
				.isEqualTo(Excursion.over(direction, new BigDecimal("100"), range, candles));
		}
	}

	@Test
	void decimalsAreReadExactlyAndLaterFieldsAreSkipped() {
		Instant minute = DAY.plusSeconds(600);
		klines.addCandle("BNBUSDT", KlineInterval.M1, new Candle(minute, new BigDecimal("612.30000001"),
				new BigDecimal("612.99999999"), new BigDecimal("611.00000001"), new BigDecimal("612.12345678")));

		ServedCloses closes = client(new MemoryCandles())
			.minuteCloses(new TreeSet<>(List.of(new PriceMinute("BNBUSDT", minute))));

		assertThat(closes.closeOf(new PriceMinute("BNBUSDT", minute))).contains(new BigDecimal("612.12345678"));
	}

	@Test
	void aRangeTheCacheHoldsWholeCostsNothingAndOnlyClosedCandlesAreCached() {
		addCandles("ETHUSDT", KlineInterval.M1, DAY.plus(Duration.ofHours(11)), 61);
		CandleRange cached = CandleRange.in(KlineInterval.M1, DAY.plus(Duration.ofHours(11)),
				DAY.plus(Duration.ofHours(11)).plusSeconds(60 * 9));
		MemoryCandles cache = new MemoryCandles().with("ETHUSDT", KlineInterval.M1,
				candles(DAY.plus(Duration.ofHours(11)), 10, KlineInterval.M1));
		BinanceClient client = client(cache);

		ServedCandles fromCache = client.candles("ETHUSDT", List.of(cached));

		assertThat(fromCache.candlesOf(cached)).extracting(Candle::openTime)
			.containsExactly(cached.firstOpenTime(), cached.lastOpenTime());
		assertThat(klines.requests()).isEmpty();
		assertThat(fromCache.calls()).isZero();

		// 11:05 to the candle open now (12:00, closing at 12:01): partly cached, so asked whole
		CandleRange toNow = CandleRange.in(KlineInterval.M1, DAY.plus(Duration.ofHours(11)).plusSeconds(300),
				clock.instant());
		ServedCandles asked = client.candles("ETHUSDT", List.of(toNow));

		assertThat(klines.requests()).singleElement()
			.satisfies(request -> assertThat(request.queryParameter("limit")).isEqualTo("56"));
		assertThat(asked.candlesOf(toNow)).extracting(Candle::openTime)
			.containsExactly(toNow.firstOpenTime(), DAY.plus(Duration.ofHours(12)));
		assertThat(cache.saved()).extracting(Candle::openTime)
			.as("every candle served but the one still open")
			.hasSize(55)
			.doesNotContain(DAY.plus(Duration.ofHours(12)));
	}

	@Test
	void aRangeAnEarlierRequestOfTheCallServedWholeIsNotAskedAgain() {
		addCandles("SOLUSDT", KlineInterval.M5, DAY, 100);
		CandleRange wide = new CandleRange(KlineInterval.M5, DAY, DAY.plusSeconds(300 * 49), 50);
		CandleRange inside = new CandleRange(KlineInterval.M5, DAY.plusSeconds(300 * 10), DAY.plusSeconds(300 * 19),
				10);

		ServedCandles served = client(CandleStore.NONE).candles("SOLUSDT", List.of(wide, inside));

		assertThat(klines.requests()).hasSize(1);
		assertThat(served.candlesOf(inside)).extracting(Candle::openTime)
			.containsExactly(inside.firstOpenTime(), inside.lastOpenTime());
	}

	@Test
	void feeMinutesOfOneSymbolShareARequestWithinFourHundredNinetyNineMinutes() {
		addCandles("BNBUSDT", KlineInterval.M1, DAY, 700);
		addCandles("BNBUSDC", KlineInterval.M1, DAY, 10);
		SortedSet<PriceMinute> minutes = new TreeSet<>();
		for (int minute : new int[] { 0, 1, 2, 300, 498, 499, 650 }) {
			minutes.add(new PriceMinute("BNBUSDT", DAY.plusSeconds(60L * minute)));
		}
		minutes.add(new PriceMinute("BNBUSDC", DAY.plusSeconds(60 * 5)));
		// minute 1 is cached already
		MemoryCandles cache = new MemoryCandles().with("BNBUSDT", KlineInterval.M1,
				candles(DAY.plusSeconds(60), 1, KlineInterval.M1));

		ServedCloses closes = client(cache).minuteCloses(minutes);

		// BNBUSDT: 00:00..08:18 (499 minutes: 0, 2, 300, 498), 08:19..10:50 (499, 650); BNBUSDC: 00:05;
		// sent at once, so in any order
		assertThat(klines.requests()).extracting(request -> request.queryParameter("symbol") + " "
				+ request.queryParameter("startTime") + " " + request.queryParameter("limit"))
			.containsExactlyInAnyOrder("BNBUSDC " + DAY.plusSeconds(300).toEpochMilli() + " 1",
					"BNBUSDT " + DAY.toEpochMilli() + " 499", "BNBUSDT " + DAY.plusSeconds(60 * 499).toEpochMilli()
							+ " 152");
		// 1 + 2 + 2: less than one light request per minute (7)
		assertThat(closes.weight()).isEqualTo(5);
		assertThat(minutes).allSatisfy(minute -> assertThat(closes.closeOf(minute)).isPresent());
		assertThat(closes.closeOf(new PriceMinute("BNBUSDT", DAY.plusSeconds(60 * 3)))).as("not asked for")
			.isEmpty();
	}

	@Test
	void notServedIsNeverAFailure() {
		addCandles("BNBUSDT", KlineInterval.M1, DAY, 10);
		klines.listKlines("XYZUSDT", KlineInterval.M1);
		BinanceClient client = client(new MemoryCandles());
		PriceMinute unknown = new PriceMinute("BNBUSDC", DAY);
		PriceMinute gap = new PriceMinute("XYZUSDT", DAY);

		ServedCloses first = client.minuteCloses(new TreeSet<>(List.of(unknown, gap)));
		// an invalid symbol is not asked again in the run; an empty answer may be served later
		ServedCloses second = client.minuteCloses(new TreeSet<>(List.of(unknown, gap)));

		assertThat(first.closeOf(unknown)).isEmpty();
		assertThat(first.closeOf(gap)).isEmpty();
		assertThat(second.closeOf(unknown)).isEmpty();
		// the first call's two requests are sent at once, in any order
		assertThat(klines.requests()).extracting(request -> request.queryParameter("symbol"))
			.containsExactlyInAnyOrder("BNBUSDC", "XYZUSDT", "XYZUSDT");
		assertThat(first.notes()).hasSize(2);
	}

	@Test
	void anExchangeWithoutTheEndpointServesNoKlinesAndIsAskedOnce() {
		addCandles("BNBUSDT", KlineInterval.M1, DAY, 10);
		klines.script(KlinesResponder.error(404, -1000, "Not found."));
		BinanceClient client = client(new MemoryCandles());
		CandleRange range = CandleRange.in(KlineInterval.M1, DAY, DAY.plusSeconds(120));

		ServedCandles candles = client.candles("BNBUSDT", List.of(range));
		ServedCloses closes = client.minuteCloses(new TreeSet<>(List.of(new PriceMinute("BNBUSDT", DAY))));

		assertThat(candles.candlesOf(range)).isEmpty();
		assertThat(closes.closes()).isEmpty();
		assertThat(klines.requests()).hasSize(1);
	}

	@Test
	void aRangeInsideOneNotServedWholeIsAskedInTheNextRound() {
		// only the first 5 of the wide range's 50 candles exist: the inside range is not among them
		addCandles("SOLUSDT", KlineInterval.M5, DAY, 5);
		addCandles("SOLUSDT", KlineInterval.M5, DAY.plusSeconds(300 * 10), 10);
		klines.cutFirstAnswerAt("SOLUSDT", DAY.plusSeconds(300 * 5));
		CandleRange wide = new CandleRange(KlineInterval.M5, DAY, DAY.plusSeconds(300 * 49), 50);
		CandleRange inside = new CandleRange(KlineInterval.M5, DAY.plusSeconds(300 * 10), DAY.plusSeconds(300 * 19),
				10);

		ServedCandles served = client(CandleStore.NONE).candles("SOLUSDT", List.of(wide, inside));

		// as one request after the other would: the wide one first, then the inside one it did not bring
		assertThat(klines.requests()).extracting(request -> request.queryParameter("limit")).containsExactly("50", "10");
		assertThat(served.candlesOf(inside)).extracting(Candle::openTime)
			.containsExactly(inside.firstOpenTime(), inside.lastOpenTime());
		assertThat(served.calls()).isEqualTo(2);
	}

	@Test
	void theRequestsOfACallAreSentAtOnce() throws InterruptedException {
		addCandles("ADAUSDT", KlineInterval.M1, DAY, 300);
		addCandles("BNBUSDT", KlineInterval.M1, DAY, 10);
		List<CandleRange> ranges = List.of(CandleRange.in(KlineInterval.M1, DAY, DAY.plusSeconds(60 * 9)),
				CandleRange.in(KlineInterval.M1, DAY.plusSeconds(60 * 100), DAY.plusSeconds(60 * 109)),
				CandleRange.in(KlineInterval.M1, DAY.plusSeconds(60 * 200), DAY.plusSeconds(60 * 209)));
		// no request is answered before all four have arrived: asked one after the other, none would be
		CountDownLatch arrived = klines.holdUntil(4);

		ServedKlines served = client(new MemoryCandles()).klines("ADAUSDT", ranges,
				new TreeSet<>(List.of(new PriceMinute("BNBUSDT", DAY.plusSeconds(120)))));

		assertThat(arrived.await(0, TimeUnit.SECONDS)).isTrue();
		assertThat(klines.heldTogether()).isTrue();
		assertThat(ranges).allSatisfy(range -> assertThat(served.candles().candlesOf(range)).isNotEmpty());
		assertThat(served.closes().closeOf(new PriceMinute("BNBUSDT", DAY.plusSeconds(120)))).isPresent();
		assertThat(served.candles().calls() + served.closes().calls()).isEqualTo(4);
	}

	@Test
	void theCandlesOfACallAreSavedTogetherOncePerSymbolAndInterval() {
		addCandles("ADAUSDT", KlineInterval.M1, DAY, 300);
		addCandles("ADAUSDT", KlineInterval.M5, DAY, 20);
		addCandles("BNBUSDT", KlineInterval.M1, DAY, 10);
		List<CandleRange> ranges = List.of(CandleRange.in(KlineInterval.M1, DAY, DAY.plusSeconds(60 * 9)),
				CandleRange.in(KlineInterval.M1, DAY.plusSeconds(60 * 5), DAY.plusSeconds(60 * 19)),
				CandleRange.in(KlineInterval.M1, DAY.plusSeconds(60 * 200), DAY.plusSeconds(60 * 209)),
				CandleRange.in(KlineInterval.M5, DAY, DAY.plusSeconds(300 * 9)));
		MemoryCandles cache = new MemoryCandles();

		client(cache).klines("ADAUSDT", ranges, new TreeSet<>(List.of(new PriceMinute("BNBUSDT", DAY.plusSeconds(120)))));

		assertThat(klines.requests()).hasSize(5);
		// ADAUSDT 1m, ADAUSDT 5m, BNBUSDT 1m: one save each, however many requests served them
		assertThat(cache.saves()).isEqualTo(3);
		// the two overlapping 1m ranges share five candles: each is saved once
		assertThat(cache.saved()).hasSize(20 + 10 + 10 + 1);
	}

	@Test
	void whatWasServedIsCachedWhenALaterRequestOfTheCallFails() {
		addCandles("ADAUSDT", KlineInterval.M1, DAY, 30);
		addCandles("ADAUSDT", KlineInterval.M5, DAY, 30);
		klines.refuse("5m", KlinesResponder.error(400, -1100, "Illegal characters found in parameter 'interval'."));
		MemoryCandles cache = new MemoryCandles();
		// in the ranges' order: the 1m range's answer is handed on before the 5m one fails
		List<CandleRange> ranges = List.of(CandleRange.in(KlineInterval.M1, DAY, DAY.plusSeconds(60 * 19)),
				CandleRange.in(KlineInterval.M5, DAY, DAY.plusSeconds(300 * 9)));

		assertThatThrownBy(() -> client(cache).candles("ADAUSDT", ranges))
			.isInstanceOf(BinanceResponseException.class)
			.hasMessageContaining("-1100");

		assertThat(cache.saved()).extracting(Candle::openTime)
			.containsExactlyElementsOf(candles(DAY, 20, KlineInterval.M1).stream().map(Candle::openTime).toList());
	}

	@Test
	void aServerErrorIsRetriedLikeEveryCall() {
		addCandles("BTCUSDT", KlineInterval.M1, DAY, 5);
		klines.script(KlinesResponder.error(503, -1008, "Server is currently overloaded with other requests."));
		BinanceClient client = client(new MemoryCandles());
		CandleRange range = CandleRange.in(KlineInterval.M1, DAY, DAY.plusSeconds(240));

		ServedCandles served = client.candles("BTCUSDT", List.of(range));

		assertThat(served.candlesOf(range)).isNotEmpty();
		assertThat(served.calls()).isEqualTo(2);
		assertThat(client.stats().retries()).isEqualTo(1);
		assertThat(client.stats().klinesCalls()).isEqualTo(2);
	}

	/** {@code count} candles from {@code first}, prices moving by a cent a candle. */
	private void addCandles(String symbol, KlineInterval interval, Instant first, int count) {
		candles(first, count, interval).forEach(candle -> klines.addCandle(symbol, interval, candle));
	}

	private static Candle candle(Instant openTime, String high, String low) {
		return new Candle(openTime, new BigDecimal(low), new BigDecimal(high), new BigDecimal(low),
				new BigDecimal(high));
	}

	private static List<Candle> candles(Instant first, int count, KlineInterval interval) {
		List<Candle> candles = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			BigDecimal mid = new BigDecimal("100").add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(i)));
			candles.add(new Candle(first.plus(interval.length().multipliedBy(i)), mid, mid.add(BigDecimal.ONE),
					mid.subtract(BigDecimal.ONE), mid));
		}
		return candles;
	}

	/**
	 * Binance's klines endpoint as far as these tests need it: a listed symbol's candles of an
	 * interval between startTime and endTime (open times, both inclusive), at most {@code limit};
	 * -1121 for a symbol without klines; scripted answers first. Records every request.
	 */
	static final class KlinesResponder extends Dispatcher {

		private static final ObjectMapper JSON = new ObjectMapper();

		private final Clock clock;

		private final Map<String, NavigableMap<Long, Candle>> candles = new HashMap<>();

		private final Deque<MockResponse> scripted = new ArrayDeque<>();

		private final List<HttpUrl> requests = new ArrayList<>();

		private final Map<String, Long> hiddenFrom = new HashMap<>();

		private final Map<String, MockResponse> refused = new HashMap<>();

		private volatile CountDownLatch hold;

		private volatile boolean heldAlone;

		KlinesResponder(Clock clock) {
			this.clock = clock;
		}

		synchronized void addCandle(String symbol, KlineInterval interval, Candle candle) {
			series(symbol, interval).put(candle.openTime().toEpochMilli(), candle);
		}

		/** A listed symbol without klines in that interval. */
		synchronized void listKlines(String symbol, KlineInterval interval) {
			series(symbol, interval);
		}

		synchronized void script(MockResponse response) {
			scripted.add(response);
		}

		/** Every request for klines of that interval gets {@code response}. */
		synchronized void refuse(String interval, MockResponse response) {
			refused.put(interval, response);
		}

		synchronized List<HttpUrl> requests() {
			return List.copyOf(requests);
		}

		static MockResponse error(int status, int code, String msg) {
			return new MockResponse().setResponseCode(status)
				.setHeader("Content-Type", "application/json")
				.setBody("{\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
		}

		/**
		 * Holds every request until {@code count} have arrived (or a while has passed, so that a
		 * client asking one after the other fails the test rather than hanging it).
		 */
		CountDownLatch holdUntil(int count) {
			CountDownLatch latch = new CountDownLatch(count);
			this.hold = latch;
			return latch;
		}

		/** Whether every held request saw all of them arrive. */
		boolean heldTogether() {
			return !this.heldAlone;
		}

		/** The first answer of all brings only the candles of {@code symbol} opening before {@code end}. */
		synchronized void cutFirstAnswerAt(String symbol, Instant end) {
			this.hiddenFrom.put(symbol, end.toEpochMilli());
		}

		@Override
		public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
			CountDownLatch latch = this.hold;
			if (latch != null) {
				latch.countDown();
				if (!latch.await(10, TimeUnit.SECONDS)) {
					this.heldAlone = true;
				}
			}
			return answer(request);
		}

		private synchronized MockResponse answer(RecordedRequest request) {
			HttpUrl url = request.getRequestUrl();
			requests.add(url);
			if (!scripted.isEmpty()) {
				return scripted.poll();
			}
			String symbol = url.queryParameter("symbol");
			String interval = url.queryParameter("interval");
			if (refused.containsKey(interval)) {
				return refused.get(interval);
			}
			if (candles.keySet().stream().noneMatch(key -> key.startsWith(symbol + "/"))) {
				return error(400, -1121, "Invalid symbol.");
			}
			long start = Long.parseLong(url.queryParameter("startTime"));
			long end = url.queryParameter("endTime") == null ? clock.millis()
					: Long.parseLong(url.queryParameter("endTime"));
			long length = KlineInterval.ofCode(interval).orElseThrow().length().toMillis();
			if (hiddenFrom.containsKey(symbol) && requests.size() == 1) {
				end = Math.min(end, hiddenFrom.get(symbol) - 1);
			}
			List<List<Object>> rows = candles.getOrDefault(symbol + "/" + interval, new TreeMap<>())
				.subMap(start, true, end, true)
				.values()
				.stream()
				.limit(Long.parseLong(url.queryParameter("limit")))
				.map(candle -> List.<Object>of(candle.openTime().toEpochMilli(), candle.open().toPlainString(),
						candle.high().toPlainString(), candle.low().toPlainString(), candle.close().toPlainString(),
						"12.5", candle.openTime().toEpochMilli() + length - 1, "1250.0", 7, "6.0", "600.0", "0"))
				.toList();
			try {
				return new MockResponse().setHeader("Content-Type", "application/json")
					.setBody(JSON.writeValueAsString(rows));
			}
			catch (JsonProcessingException e) {
				throw new IllegalStateException(e);
			}
		}

		private NavigableMap<Long, Candle> series(String symbol, KlineInterval interval) {
			return candles.computeIfAbsent(symbol + "/" + interval.code(), key -> new TreeMap<>());
		}
	}
}
