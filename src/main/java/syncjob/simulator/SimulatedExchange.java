package syncjob.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A Binance USD-M futures API on loopback serving one {@link SimulatedAccount} or several
 * ({@link ServedAccount}s, told apart by their API keys), with the
 * real rules (signatures, timestamps, parameter limits, 7-day windows, pagination, request
 * weight with 429/418, retention), the readings of Binance's docs chosen by the
 * {@link SimulatorOptions}, and runtime-switchable fault injection. Request weight is
 * counted per client address, as Binance counts it per IP.
 */
public final class SimulatedExchange implements AutoCloseable {

	static {
		// The JDK server sends headers and body in separate writes; with Nagle's algorithm on,
		// every response then waits ~40 ms for the client's delayed ACK. Read once, when the
		// JDK server's configuration class loads; it concerns only com.sun.net.httpserver.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final SimulatorOptions options;

	private final HttpServer server;

	private final ExecutorService workers;

	private final Faults faults;

	private final RequestLog log;

	private final ExchangeHttpHandler handler;

	private final SignedRequestVerifier verifier;

	private final List<ServedAccount> accounts;

	/** The klines every account is served, null when the exchange serves none. */
	private final PricePathCandles market;

	private SimulatedExchange(SimulatorOptions options, HttpServer server, ExecutorService workers, Faults faults,
			RequestLog log, ExchangeHttpHandler handler, SignedRequestVerifier verifier, List<ServedAccount> accounts,
			PricePathCandles market) {
		this.options = options;
		this.server = server;
		this.workers = workers;
		this.faults = faults;
		this.log = log;
		this.handler = handler;
		this.verifier = verifier;
		this.accounts = accounts;
		this.market = market;
	}

	/** Serves {@code account} under the options' API key and secret. */
	public static SimulatedExchange start(SimulatedAccount account, SimulatorOptions options) {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(options, "options");
		return start(List.of(new ServedAccount("default", account, options.apiKey(), options.apiSecret())), options);
	}

	/**
	 * Serves every account under its own key and secret (the options' credentials are not
	 * used); faults, latency and the per-address weight budgets are shared by all of them.
	 */
	public static SimulatedExchange start(List<ServedAccount> accounts, SimulatorOptions options) {
		Objects.requireNonNull(options, "options");
		List<ServedAccount> served = List.copyOf(accounts);
		// one market for every account: the same klines whichever key (or none) asks
		PricePathCandles market = options.klines()
				? PricePathCandles.of(served.stream().map(ServedAccount::account).toList()) : null;
		AccountRouter router = new AccountRouter(served, book -> endpoints(book, options, market), options);
		Faults faults = new Faults(options);
		RequestLog log = new RequestLog(options.requestLogFile());
		SignedRequestVerifier verifier = router.first().verifier();
		ExchangeHttpHandler handler = new ExchangeHttpHandler(options, router,
				new WeightGates(options.weightLimit(), options.graceRequestsAfter429()), faults, log);
		ExecutorService workers = Executors.newFixedThreadPool(options.threads(), daemonThreads());
		try {
			HttpServer server = HttpServer
				.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
			server.createContext("/", handler);
			server.setExecutor(workers);
			server.start();
			return new SimulatedExchange(options, server, workers, faults, log, handler, verifier, served, market);
		}
		catch (IOException e) {
			workers.shutdownNow();
			log.close();
			throw new UncheckedIOException("cannot start the simulated exchange on port " + options.port(), e);
		}
	}

	private static Map<ServedEndpoint, EndpointHandler> endpoints(AccountBook book, SimulatorOptions options,
			PricePathCandles market) {
		Map<ServedEndpoint, EndpointHandler> endpoints = new EnumMap<>(ServedEndpoint.class);
		endpoints.put(ServedEndpoint.TIME, (params, now) -> {
			var body = ExchangeJson.object();
			body.put("serverTime", now.toEpochMilli());
			return body;
		});
		endpoints.put(ServedEndpoint.EXCHANGE_INFO, new ExchangeInfoEndpoint(book, options.weightLimit()));
		endpoints.put(ServedEndpoint.INCOME, new IncomeEndpoint(book, options));
		endpoints.put(ServedEndpoint.USER_TRADES, new UserTradesEndpoint(book, options));
		endpoints.put(ServedEndpoint.ALL_ORDERS, new AllOrdersEndpoint(book, options));
		endpoints.put(ServedEndpoint.QUERY_ORDER, new QueryOrderEndpoint(book, options));
		endpoints.put(ServedEndpoint.POSITION_RISK_V3, PositionRiskEndpoint.v3(book));
		endpoints.put(ServedEndpoint.POSITION_RISK_V2, PositionRiskEndpoint.v2(book));
		endpoints.put(ServedEndpoint.POSITION_SIDE_DUAL, (params, now) -> {
			var body = ExchangeJson.object();
			body.put("dualSidePosition", book.dualSidePosition());
			return body;
		});
		if (market != null) {
			endpoints.put(ServedEndpoint.KLINES, new KlinesEndpoint(market));
		}
		return endpoints;
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, "simulated-exchange-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** {@code http://127.0.0.1:PORT}, without a trailing slash. */
	public String baseUrl() {
		return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
	}

	public int port() {
		return server.getAddress().getPort();
	}

	/** The first served account's key: the only one when a single account is served. */
	public String apiKey() {
		return accounts.get(0).apiKey();
	}

	/** The first served account's secret. */
	public String apiSecret() {
		return accounts.get(0).apiSecret();
	}

	/** The served accounts in the order given at start. */
	public List<ServedAccount> accounts() {
		return accounts;
	}

	/** The one market's klines, as served to every account; empty when the exchange serves no klines. */
	Optional<PricePathCandles> market() {
		return Optional.ofNullable(market);
	}

	public SimulatorOptions options() {
		return options;
	}

	/** The exchange's own clock: the options' clock plus its skew. */
	public Instant serverTime() {
		return handler.serverNow();
	}

	/** The hex HMAC-SHA256 of {@code payload} under the first account's secret, as a client would sign it. */
	public String sign(String payload) {
		return verifier.hmacHex(payload);
	}

	public Faults faults() {
		return faults;
	}

	/** Every request so far, oldest first; a snapshot. */
	public List<RequestLogEntry> requestLog() {
		return log.entries();
	}

	/** Every request so far with its client address and the account it reached, oldest first; a snapshot. */
	public List<ClientRequest> clientRequests() {
		return log.clientRequests();
	}

	@Override
	public void close() {
		server.stop(0);
		workers.shutdownNow();
		log.close();
	}
}
