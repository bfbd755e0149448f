package syncjob.binance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.PositionSnapshot;

/**
 * The facade the job calls: one instance per run, shared by all its threads. Every call goes
 * through one {@link WeightBudget} and one retry policy.
 */
public final class BinanceClient implements AutoCloseable {

	/** Binance serves income for about three months. */
	public static final Duration INCOME_RETENTION = Duration.ofDays(90);

	private final OkHttpClient http;

	private final BinanceCaller caller;

	private final WeightBudget budget;

	private final StatsCounter stats;

	private final IncomeFetcher income;

	private final SymbolHistoryPlan symbolHistory;

	private BinanceClient(OkHttpClient http, BinanceCaller caller, WeightBudget budget, StatsCounter stats,
			int tradeRetentionDays) {
		this.http = http;
		this.caller = caller;
		this.budget = budget;
		this.stats = stats;
		this.income = new IncomeFetcher(caller);
		TradePager trades = new TradePager(caller);
		this.symbolHistory = new SymbolHistoryPlan(trades, income, new OrderFetcher(caller), tradeRetentionDays);
	}

	/**
	 * @throws IllegalArgumentException when {@link BinanceSettings#problems()} is not empty
	 */
	public static BinanceClient create(BinanceSettings settings, Clock clock, Sleeper sleeper) {
		List<String> problems = settings.problems();
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		ObjectMapper json = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.addModule(new SimpleModule("binance-decimals").addDeserializer(BigDecimal.class, new DecimalText()))
			.build();
		ServerClock serverClock = new ServerClock(clock);
		WeightBudget budget = new WeightBudget(serverClock, sleeper, settings.maxBanWait());
		SigningInterceptor signing = new SigningInterceptor(settings.apiKey(), new RequestSigner(settings.apiSecret()),
				settings.recvWindow(), serverClock::millis);
		OkHttpClient http = new OkHttpClient.Builder().connectTimeout(settings.connectTimeout())
			.readTimeout(settings.readTimeout())
			.addInterceptor(signing)
			.build();
		BinanceApi api = new Retrofit.Builder().baseUrl(settings.httpBaseUrl())
			.client(http)
			.addConverterFactory(JacksonConverterFactory.create(json))
			.build()
			.create(BinanceApi.class);
		StatsCounter stats = new StatsCounter();
		BinanceCaller caller = new BinanceCaller(api, budget, serverClock, sleeper, json, settings.maxRetries(),
				settings.timeResyncInterval(), stats, new Redactor(settings.apiKey(), settings.apiSecret()));
		return new BinanceClient(http, caller, budget, stats, settings.tradeRetentionDays());
	}

	/** The request-weight limit and every symbol's quote asset; also seeds the budget with the limit. */
	public ExchangeInfo exchangeInfo() {
		ExchangeInfo info = caller.call(Endpoint.EXCHANGE_INFO, null, new Tally(), BinanceApi::exchangeInfo,
				row -> new ExchangeInfo(row.weightLimitPerMinute(), row.quoteAssetBySymbol()));
		budget.seedLimit(info.weightLimitPerMinute());
		return info;
	}

	/** Today's non-zero positions ({@code GET /fapi/v3/positionRisk}). */
	public List<PositionSnapshot> positions() {
		return caller.call(Endpoint.POSITION_RISK, null, new Tally(), BinanceApi::positionRisk,
				rows -> rows.stream().map(PositionRow::toSnapshot).filter(p -> p.positionAmt().signum() != 0).toList());
	}

	/** Every income record of every symbol and type in {@code [from, to)}, once per (incomeType, tranId). */
	public IncomeHistory income(Instant from, Instant to) {
		List<IncomeRecord> records = new ArrayList<>();
		IncomeHistory cost = income(from, to, records::addAll);
		return new IncomeHistory(records, cost.calls(), cost.weight());
	}

	/**
	 * The same records handed to {@code pages} a page at a time, ascending by time, for an
	 * account whose income does not fit in memory; the result holds only the cost.
	 */
	public IncomeHistory income(Instant from, Instant to, Consumer<List<IncomeRecord>> pages) {
		Tally tally = new Tally();
		income.stream(null, null, from, to, tally, pages);
		return new IncomeHistory(List.of(), tally.calls(), tally.weight());
	}

	/** One symbol's fills, lookback, funding before the window and orders; see {@link SymbolHistory}. */
	public SymbolHistory symbolHistory(SymbolRequest request) {
		return symbolHistory.fetch(request);
	}

	/** Totals for this client since it was created. */
	public FetchStats stats() {
		return stats.snapshot();
	}

	public WeightBudget budget() {
		return budget;
	}

	@Override
	public void close() {
		http.dispatcher().executorService().shutdown();
		http.connectionPool().evictAll();
	}
}
