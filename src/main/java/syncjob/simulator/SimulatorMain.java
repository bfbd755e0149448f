package syncjob.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/simulator}: serves a generated account on loopback until stopped, and prints
 * where and with which credentials, so the jar (or curl) can be pointed at it.
 */
public final class SimulatorMain {

	static final String USAGE = """
			Usage: scripts/simulator [--option value ...]
			Account:
			  --seed N                 account generator seed (default 7)
			  --symbols N              symbols traded (default 30)
			  --days N                 days of history ending now (default 150)
			  --lifecycles N           position lifecycles per symbol, about (default 8)
			  --fills-per-symbol N     scale lifecycles to about N fills per symbol (default: natural)
			  --hedge-share X          fraction of symbols in hedge mode (default 0.3)
			  --maker-rebates B        true: USDT makers earn a rebate (negative commission)
			                           during one period of the history (default true)
			  --auto-closes B          true: the exchange closes some positions itself:
			                           liquidations (with INSURANCE_CLEAR income), ADL and
			                           settlements (default false)
			  --accounts N             serve N accounts acct-1..N, account i generated from
			                           seed + i - 1 with its own key and secret, all trading
			                           in one market: one price path and one set of klines
			                           per symbol (default 1)
			  --credentials-dir DIR    write each account's key and secret to DIR/<name>.key,
			                           DIR/<name>.secret and an accounts.yml naming them
			Server:
			  --port N                 port on 127.0.0.1 (default 8089; 0 = any free port)
			  --api-key K --api-secret S   credentials (default: derived from the seed;
			                           one account only)
			  --latency-ms N           added latency per call (default 0)
			  --jitter-ms N            random extra latency up to N (default 0)
			  --weight-limit N         request weight per minute and client address (default 2400)
			  --error-rate X           probability of 500/502/503 (default 0)
			  --timeout-rate X         probability of a held response (default 0)
			  --malformed-rate X       probability of a truncated body (default 0)
			  --skew-ms N              server clock minus real clock (default 0)
			  --request-log FILE       JSON lines of every request (no signatures)
			Readings of Binance's docs:
			  --trade-retention-days N   fills served back N days (default: 6 calendar months)
			  --order-retention-days N   orders served back N days (default 90)
			  --income-retention-days N  income served back N days (default: 3 calendar months)
			  --id-paging-days N       userTrades by fromId alone and allOrders by orderId alone
			                           serve only the last N days (default 0: back to retention)
			  --too-old-start M        a startTime older than the endpoint's retention: clip
			                           (serve what is kept) or error (HTTP 400 -1130)
			                           (default clip)
			  --hide-fill SYMBOL:ID    userTrades never serves this fill; its income, order and
			                           position stay (default none; repeatable)
			  --commission-sign M      userTrades commission of a fee paid: paid-positive or
			                           paid-negative (the docs' sample) (default paid-positive)
			  --no-klines              GET /fapi/v1/klines is not served (404), as on an exchange
			                           without it (default: served, BNBUSDT and BNBUSDC too)
			Benchmarks:
			  --stats FILE             write per-symbol fill/order/income counts as JSON (orders:
			                           those served now; of acct-1 when several are served)
			  --stats-window-days N    add, for the window [end - N days, end), what a sync of it
			                           must fetch and the weight of two minimal plans (pages of
			                           1000 rows; weight: userTrades 5, allOrders 5, income 30,
			                           positionRisk 5, Query Order 1):
			    idPagingWeight   = 30*pages(window income) + 5 + per symbol 5*pages(fills since
			                       from) + 5*pages(orders) + 5*max(lookback 7-day windows,
			                       ceil(lookback fills/1000)) if open at from + 30 if its
			                       funding before from is still served
			    timeWindowWeight = 30*pages(window income) + 5 + per symbol 5*fillWindowCalls
			                       + min(5*orderWindowCalls, 1*neededOrders) + 30 as above;
			                       windowCalls: over the fewest windows shorter than 7 days that
			                       cover the needed records' times (fills from from, or from
			                       the start of a lifecycle open at from within retention;
			                       the served orders they reference), ceil(records/1000) each
			    klinesWeight     = per recorded trade 1 request of its exact candles at the
			                       finest interval covering its hold in <= 499 (weight 1 under
			                       100 candles, else 2) + per distinct fill minute whose
			                       commission in another asset is valued, one 1m request (1)
			  --help                   this text
			""";

	private static final Set<String> OPTIONS = Set.of("seed", "symbols", "days", "lifecycles", "fills-per-symbol",
			"hedge-share", "maker-rebates", "port", "api-key", "api-secret", "latency-ms", "jitter-ms", "weight-limit",
			"error-rate", "timeout-rate", "malformed-rate", "skew-ms", "request-log", "trade-retention-days",
			"order-retention-days", "income-retention-days", "id-paging-days", "too-old-start", "hide-fill",
			"commission-sign", "stats", "stats-window-days", "auto-closes", "no-klines", "accounts", "credentials-dir");

	/** Options that take no value. */
	private static final Set<String> FLAGS = Set.of("no-klines");

	private SimulatorMain() {
	}

	public static void main(String[] args) throws Exception {
		if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
			System.out.print(USAGE);
			return;
		}
		Map<String, List<String>> options;
		GeneratorConfig config;
		SimulatorOptions simulator;
		int accountCount;
		try {
			options = parse(args);
			config = generatorConfig(options, Instant.now());
			simulator = simulatorOptions(options, config.seed());
			accountCount = intOf(options, "accounts", 1);
			if (accountCount < 1) {
				throw new IllegalArgumentException("--accounts must be at least 1, got " + accountCount);
			}
			if (accountCount > 1 && (options.containsKey("api-key") || options.containsKey("api-secret"))) {
				throw new IllegalArgumentException("--api-key and --api-secret are for one account: with --accounts "
						+ "each account's credentials derive from its seed");
			}
		}
		catch (IllegalArgumentException e) {
			System.err.println("simulator: " + e.getMessage() + "\n" + USAGE);
			System.exit(2);
			return;
		}
		if (accountCount > 1 || options.containsKey("accounts") || options.containsKey("credentials-dir")) {
			serveMany(options, config, simulator, accountCount);
			return;
		}
		SimulatedAccount account = AccountGenerator.generate(config);
		SimulatedExchange exchange = SimulatedExchange.start(account, simulator);
		if (options.containsKey("stats")) {
			AccountStats.write(account, simulator, intOf(options, "stats-window-days", 0), Path.of(last(options, "stats")));
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			exchange.close();
			stopped.countDown();
		}));
		printBanner(System.out, account, config, exchange);
		stopped.await();
	}

	/** {@code --accounts N}: acct-1..N on one exchange, each under its own key. */
	private static void serveMany(Map<String, List<String>> options, GeneratorConfig config,
			SimulatorOptions simulator, int count) throws InterruptedException, java.io.IOException {
		List<ServedAccount> accounts = GeneratedAccounts.generate(count, config.seed(),
				seed -> new GeneratorConfig(seed, config.symbols(), config.days(), config.end(),
						config.lifecyclesPerSymbol(), config.fillsPerSymbol(), config.hedgeShare(),
						config.makerRebates()));
		SimulatedExchange exchange = SimulatedExchange.start(accounts, simulator);
		if (options.containsKey("stats")) {
			AccountStats.write(accounts.get(0).account(), simulator, intOf(options, "stats-window-days", 0),
					Path.of(last(options, "stats")));
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			exchange.close();
			stopped.countDown();
		}));
		PrintStream out = System.out;
		out.println("Simulated Binance USD-M exchange serving " + count + " accounts, history " + config.days()
				+ " days to " + config.end() + ", weight limit " + simulator.weightLimit()
				+ " per minute per client address");
		out.println("base-url:   " + exchange.baseUrl());
		GeneratedAccounts.printCredentials(out, accounts);
		if (options.containsKey("credentials-dir")) {
			Path file = GeneratedAccounts.writeCredentials(accounts, Path.of(last(options, "credentials-dir")));
			out.println("accounts-file: " + file.toAbsolutePath());
			out.println("Sync them: java -jar target/sync-job.jar --binance.base-url=" + exchange.baseUrl()
					+ " --sync.accounts-file=" + file.toAbsolutePath());
		}
		out.println("Stop with Ctrl-C.");
		out.flush();
		stopped.await();
	}

	private static void printBanner(PrintStream out, SimulatedAccount account, GeneratorConfig config,
			SimulatedExchange exchange) {
		out.println("Simulated Binance USD-M exchange serving " + account.symbols().size() + " symbols, "
				+ account.fills().size() + " fills, history " + config.days() + " days to " + account.end());
		out.println("base-url:   " + exchange.baseUrl());
		out.println("api-key:    " + exchange.apiKey());
		out.println("api-secret: " + exchange.apiSecret());
		out.println("Sync it: java -jar target/sync-job.jar --binance.base-url=" + exchange.baseUrl()
				+ " --binance.api-key=" + exchange.apiKey() + " --binance.api-secret=" + exchange.apiSecret());
		out.println("Stop with Ctrl-C.");
		out.flush();
	}

	/** {@code --name value} or {@code --name=value}; every option once, but {@code --hide-fill} as often as wanted. */
	static Map<String, List<String>> parse(String[] args) {
		Map<String, List<String>> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument '" + arg + "'");
			}
			String name = arg.substring(2);
			String value;
			if (FLAGS.contains(name)) {
				value = "true";
			}
			else if (name.contains("=")) {
				value = name.substring(name.indexOf('=') + 1);
				name = name.substring(0, name.indexOf('='));
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			if (!OPTIONS.contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name);
			}
			List<String> values = options.computeIfAbsent(name, key -> new ArrayList<>());
			if (!values.isEmpty() && !name.equals("hide-fill")) {
				throw new IllegalArgumentException("--" + name + " given twice");
			}
			values.add(value);
		}
		return options;
	}

	static GeneratorConfig generatorConfig(Map<String, List<String>> options, Instant now) {
		return GeneratorConfig
			.of(longOf(options, "seed", 7), intOf(options, "symbols", 30), intOf(options, "days", 150), now)
			.withLifecyclesPerSymbol(intOf(options, "lifecycles", 8))
			.withFillsPerSymbol(intOf(options, "fills-per-symbol", 0))
			.withHedgeShare(doubleOf(options, "hedge-share", 0.3))
			.withMakerRebates(booleanOf(options, "maker-rebates", GeneratorConfig.DEFAULT_MAKER_REBATES))
			.withAutoCloses(booleanOf(options, "auto-closes", false));
	}

	static SimulatorOptions simulatorOptions(Map<String, List<String>> options, long seed) {
		SimulatorOptions.Builder builder = SimulatorOptions.builder()
			.seed(seed)
			.port(intOf(options, "port", 8089))
			.latency(Duration.ofMillis(intOf(options, "latency-ms", 0)))
			.jitter(Duration.ofMillis(intOf(options, "jitter-ms", 0)))
			.weightLimit(intOf(options, "weight-limit", 2400))
			.serverErrorRate(doubleOf(options, "error-rate", 0))
			.timeoutRate(doubleOf(options, "timeout-rate", 0))
			.malformedRate(doubleOf(options, "malformed-rate", 0))
			.skew(Duration.ofMillis(intOf(options, "skew-ms", 0)))
			.idPagingDays(intOf(options, "id-paging-days", 0))
			.klines(!options.containsKey("no-klines"))
			.tooOldStart(TooOldStart.valueOf(enumName(choice(options, "too-old-start", "clip", "clip", "error"))))
			.commissionSign(CommissionSign.valueOf(
					enumName(choice(options, "commission-sign", "paid-positive", "paid-positive", "paid-negative"))));
		if (options.containsKey("trade-retention-days")) {
			builder.tradeRetention(Retention.days(intOf(options, "trade-retention-days", 0)));
		}
		if (options.containsKey("order-retention-days")) {
			builder.orderRetention(Retention.days(intOf(options, "order-retention-days", 0)));
		}
		if (options.containsKey("income-retention-days")) {
			builder.incomeRetention(Retention.days(intOf(options, "income-retention-days", 0)));
		}
		for (String hidden : options.getOrDefault("hide-fill", List.of())) {
			HiddenFill fill = HiddenFill.parse(hidden);
			builder.hideFill(fill.symbol(), fill.id());
		}
		if (options.containsKey("request-log")) {
			builder.requestLogFile(Path.of(last(options, "request-log")));
		}
		if (options.containsKey("api-key")) {
			builder.apiKey(last(options, "api-key"));
		}
		if (options.containsKey("api-secret")) {
			builder.apiSecret(last(options, "api-secret"));
		}
		return builder.build();
	}

	private static String last(Map<String, List<String>> options, String name) {
		List<String> values = options.get(name);
		return values.get(values.size() - 1);
	}

	private static int intOf(Map<String, List<String>> options, String name, int fallback) {
		return (int) longOf(options, name, fallback);
	}

	private static long longOf(Map<String, List<String>> options, String name, long fallback) {
		if (!options.containsKey(name)) {
			return fallback;
		}
		try {
			return Long.parseLong(last(options, name));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("--" + name + " takes a whole number, got '" + last(options, name) + "'");
		}
	}

	private static double doubleOf(Map<String, List<String>> options, String name, double fallback) {
		if (!options.containsKey(name)) {
			return fallback;
		}
		try {
			return Double.parseDouble(last(options, name));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("--" + name + " takes a number, got '" + last(options, name) + "'");
		}
	}

	private static boolean booleanOf(Map<String, List<String>> options, String name, boolean fallback) {
		return Boolean.parseBoolean(choice(options, name, Boolean.toString(fallback), "true", "false"));
	}

	/** The option's value, lower case, which must be one of {@code allowed}. */
	private static String choice(Map<String, List<String>> options, String name, String fallback, String... allowed) {
		String value = options.containsKey(name) ? last(options, name).toLowerCase(Locale.ROOT) : fallback;
		if (!List.of(allowed).contains(value)) {
			throw new IllegalArgumentException("--" + name + " is one of " + String.join(", ", allowed) + ", got '"
					+ last(options, name) + "'");
		}
		return value;
	}

	/** {@code paid-negative} is {@code PAID_NEGATIVE}. */
	private static String enumName(String option) {
		return option.toUpperCase(Locale.ROOT).replace('-', '_');
	}
}
