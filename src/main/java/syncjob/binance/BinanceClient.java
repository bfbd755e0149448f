package syncjob.binance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

import syncjob.lifecycle.CandleRange;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.PositionSnapshot;
import syncjob.lifecycle.PriceMinute;

/**
 * The facade the job calls: one instance per run, shared by all its threads. Every call goes
 * through one {@link WeightBudget} and one retry policy.
 */
public final class BinanceClient implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(BinanceClient.class);

	/** How long an idle connection is kept for reuse. */
	static final Duration IDLE_CONNECTION_KEPT = Duration.ofSeconds(20);

	private final OkHttpClient http;

	private final BinanceCaller caller;

	private final WeightBudget budget;

	private final ServerClock serverClock;

	private final FetchStatsCounter stats;

	private final IncomeFetcher income;

	private final TradePager trades;

	private final IdPagingReach tradeReach;

	private final IdPagingReach orderReach;

	private final FillPlan fillPlan;

	private final OrderPlan orderPlan;

	private final KlinePlan klinePlan;

	/**
	 * Threads for the slices of dense income spans and for calls sent at once ({@link FanOut}):
	 * as many as {@link BinanceCaller} lets be in flight, since more could only wait for it.
	 */
	private final ExecutorService fanOut;

	private final WeightShare weightShare;

	private BinanceClient(OkHttpClient http, BinanceCaller caller, WeightBudget budget, ServerClock serverClock,
			FetchStatsCounter stats, BinanceSettings settings, PagingFactsStore facts, CandleStore candles) {
		AtomicInteger threads = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(BinanceCaller.MAX_IN_FLIGHT, BinanceCaller.MAX_IN_FLIGHT, 30,
				TimeUnit.SECONDS, new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "binance-fan-out-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		this.fanOut = pool;
		FanOut leaves = new FanOut(pool);
		this.http = http;
		this.caller = caller;
		this.budget = budget;
		this.serverClock = serverClock;
		this.stats = stats;
		this.income = new IncomeFetcher(caller, this.fanOut);
		this.trades = new TradePager(caller);
		Map<String, PagingFact> known = new HashMap<>();
		facts.load().forEach((fact) -> known.put(fact.endpoint(), fact));
		Consumer<PagingFact> established = (fact) -> {
			log.info("Established: {}", fact.describe());
			facts.save(fact);
		};
		this.tradeReach = new IdPagingReach(Endpoint.USER_TRADES.path(), known.get(Endpoint.USER_TRADES.path()),
				established);
		this.orderReach = new IdPagingReach(Endpoint.ALL_ORDERS.path(), known.get(Endpoint.ALL_ORDERS.path()),
				established);
		this.fillPlan = new FillPlan(this.trades, this.income, settings.paging(), this.tradeReach, serverClock,
				Duration.ofDays(settings.tradeRetentionDays()));
		this.orderPlan = new OrderPlan(caller, settings.paging(), this.orderReach, serverClock, leaves);
		this.klinePlan = new KlinePlan(caller, candles, serverClock, leaves);
		this.weightShare = new WeightShare(settings.weightShare());
	}

	/**
	 * @param facts what earlier runs established about this exchange's id-only paging, and where
	 * this run's findings go
	 * @throws IllegalArgumentException when {@link BinanceSettings#problems()} is not empty
	 */
	public static BinanceClient create(BinanceSettings settings, Clock clock, Sleeper sleeper,
			PagingFactsStore facts) {
		return create(settings, clock, sleeper, facts, CandleStore.NONE);
	}

	/**
	 * @param candles where klines are kept between runs, and looked up before asking Binance
	 * @throws IllegalArgumentException when {@link BinanceSettings#problems()} is not empty
	 */
	public static BinanceClient create(BinanceSettings settings, Clock clock, Sleeper sleeper,
			PagingFactsStore facts, CandleStore candles) {
		return create(settings, clock, sleeper, facts, candles, null);
	}

	/**
	 * @param sharedLane this client's lane of its IP's budget shared with other accounts'
	 * clients in this process ({@link WeightBudget#lane}), or null for a budget of its own
	 * @throws IllegalArgumentException when {@link BinanceSettings#problems()} is not empty
	 */
	public static BinanceClient create(BinanceSettings settings, Clock clock, Sleeper sleeper,
			PagingFactsStore facts, CandleStore candles, WeightBudget sharedLane) {
		List<String> problems = settings.problems();
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		ObjectMapper json = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.addModule(new SimpleModule("binance-decimals").addDeserializer(BigDecimal.class, new DecimalText()))
			.build();
		ServerClock serverClock = new ServerClock(clock);
		WeightBudget budget = sharedLane != null ? sharedLane
				: new WeightBudget(serverClock, sleeper, settings.maxBanWait());
		SigningInterceptor signing = new SigningInterceptor(settings.apiKey(), new RequestSigner(settings.apiSecret()),
				settings.recvWindow(), serverClock::millis);
		OkHttpClient.Builder httpBuilder = new OkHttpClient.Builder();
		if (settings.localAddress() != null) {
			// Binance counts weight per IP: connections leave from the address this process's budget belongs to
			httpBuilder.socketFactory(LocalAddressSocketFactory.of(settings.localAddress()));
		}
		if (!settings.httpBaseUrl().isHttps()) {
			// plain HTTP (a local exchange such as the simulator): no TLS set up, which costs a run's
			// start the loading of the JDK's trusted certificates
			httpBuilder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
		}
		OkHttpClient http = httpBuilder.connectTimeout(settings.connectTimeout())
			.readTimeout(settings.readTimeout())
			// every retry is the caller's, counted and paced by the weight budget: OkHttp's own silent
			// retries (of a 408, or a 503 with Retry-After: 0) would spend weight the budget never saw
			.retryOnConnectionFailure(false)
			// as many idle connections kept as requests may be in flight: none is opened twice. Kept
			// idle for less time than servers commonly keep them (30 s and up): a connection the server
			// closed while the budget held us back would fail the next call, and with no silent retry
			// that would cost a retry and a warning after every budget minute
			.connectionPool(new ConnectionPool(BinanceCaller.MAX_IN_FLIGHT, IDLE_CONNECTION_KEPT.toSeconds(), TimeUnit.SECONDS))
			.addInterceptor(signing)
			.addNetworkInterceptor(new NoSilentRetries())
			.build();
		BinanceApi api = new Retrofit.Builder().baseUrl(settings.httpBaseUrl())
			.client(http)
			.addConverterFactory(JacksonConverterFactory.create(json))
			.build()
			.create(BinanceApi.class);
		FetchStatsCounter stats = new FetchStatsCounter();
		BinanceCaller caller = new BinanceCaller(api, budget, serverClock, sleeper, json, settings.maxRetries(),
				settings.timeResyncInterval(), stats, new Redactor(settings.apiKey(), settings.apiSecret()),
				new WeightShare(settings.weightShare()));
		return new BinanceClient(http, caller, budget, serverClock, stats, settings, facts, candles);
	}

	/** The request-weight limit and every symbol's quote asset; also seeds the budget with the limit. */
	public ExchangeInfo exchangeInfo() {
		ExchangeInfo info = caller.call(Endpoint.EXCHANGE_INFO, null, new PlanCost(), BinanceApi::exchangeInfo,
				row -> new ExchangeInfo(row.weightLimitPerMinute(), row.quoteAssetBySymbol()));
		// this process's part of the IP's limit (binance.weight-share), when workers share one address
		budget.seedLimit(this.weightShare.limit(info.weightLimitPerMinute()));
		return info;
	}

	/** Today's non-zero positions ({@code GET /fapi/v3/positionRisk}). */
	public List<PositionSnapshot> positions() {
		return caller.call(Endpoint.POSITION_RISK, null, new PlanCost(), BinanceApi::positionRisk,
				rows -> rows.stream().map(PositionRow::toSnapshot).filter(p -> p.positionAmt().signum() != 0).toList());
	}

	/** Every income record of every symbol and type in {@code [from, to)}, once per (incomeType, tranId). */
	public IncomeHistory income(Instant from, Instant to) {
		PlanCost tally = new PlanCost();
		List<IncomeRecord> records = income.fetch(null, null, from, to, tally);
		return new IncomeHistory(records, tally.calls(), tally.weight());
	}

	/**
	 * The same records handed to {@code pages} a page at a time, for an account whose income does
	 * not fit in memory; the result holds only the cost. Each page ascends by time, but the slices
	 * of a dense span are fetched at once and their pages interleave; {@code pages} is called by
	 * one thread at a time.
	 */
	public IncomeHistory income(Instant from, Instant to, Consumer<List<IncomeRecord>> pages) {
		PlanCost tally = new PlanCost();
		income.stream(null, null, from, to, tally, pages);
		return new IncomeHistory(List.of(), tally.calls(), tally.weight());
	}

	/**
	 * The oldest income record Binance serves, asked from {@code start} on: income is kept for about
	 * three months, and this record is where what is served begins. Empty when nothing is served
	 * from {@code start} on.
	 */
	public Optional<IncomeRecord> oldestServedIncome(Instant start) {
		return income.oldestServed(start, serverClock.instant(), new PlanCost());
	}

	/** One symbol's fills since {@code from}, its lookback and the income before {@code from}; see {@link SymbolFills}. */
	public SymbolFills fills(SymbolRequest request) {
		return fillPlan.fetch(request);
	}

	/**
	 * The orders with the given ids, as far as Binance serves them.
	 *
	 * @param needed each order id with the time of the earliest fill that references it
	 * @param now when the fills were read
	 */
	public ServedOrders orders(String symbol, Map<Long, Instant> needed, Instant now) {
		return orderPlan.fetch(symbol, needed, now);
	}

	/**
	 * One symbol's candles for its trades' excursions ({@code GET /fapi/v1/klines}, last price):
	 * per range one request of exactly its candles, none for a range the cache holds whole. A
	 * range Binance does not serve is absent from the result, never an error.
	 */
	public ServedCandles candles(String symbol, List<CandleRange> ranges) {
		return klinePlan.candles(symbol, ranges);
	}

	/**
	 * The 1-minute closes commissions in other assets are valued at, the cache first, contiguous
	 * minutes of one symbol in one request. A minute Binance does not serve is absent, never an
	 * error.
	 */
	public ServedCloses minuteCloses(SortedSet<PriceMinute> minutes) {
		return minutes.isEmpty() ? ServedCloses.none() : klinePlan.closes(minutes);
	}

	/**
	 * {@link #candles} and {@link #minuteCloses} at once: neither waits for the other's requests.
	 *
	 * @param symbol whose {@code ranges} these are
	 */
	public ServedKlines klines(String symbol, List<CandleRange> ranges, SortedSet<PriceMinute> minutes) {
		return klinePlan.klines(symbol, ranges, minutes);
	}

	/** What is established about id-only paging of userTrades and allOrders. */
	public List<PagingFact> pagingFacts() {
		return List.of(tradeReach.fact(), orderReach.fact());
	}

	/** Where Binance began refusing too old a start for fills, if it did in this run. */
	public Optional<Instant> fillsServedFrom() {
		return trades.servedFrom().horizon();
	}

	/** Totals for this client since it was created. */
	public FetchStats stats() {
		return stats.snapshot();
	}

	/** Tells {@code listener} about every call, retry, rate limit and wait for weight from now on. */
	public void listen(CallListener listener) {
		stats.listen(listener);
		budget.listen(listener);
	}

	public WeightBudget budget() {
		return budget;
	}

	@Override
	public void close() {
		fanOut.shutdownNow();
		http.dispatcher().executorService().shutdown();
		http.connectionPool().evictAll();
	}
}
