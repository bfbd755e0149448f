package syncjob.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.ObjectMapper;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.StreamKey;

/**
 * {@code scripts/simulator}: serves a generated account on loopback until stopped, and prints
 * where and with which credentials, so the jar (or curl) can be pointed at it.
 */
public final class SimulatorMain {

	private static final String USAGE = """
			Usage: scripts/simulator [--option value ...]
			  --port N               port on 127.0.0.1 (default 8089; 0 = any free port)
			  --seed N               account generator seed (default 7)
			  --symbols N            symbols traded (default 30)
			  --days N               days of history ending now (default 150)
			  --lifecycles N         position lifecycles per symbol, about (default 8)
			  --fills-per-symbol N   scale lifecycles to about N fills per symbol (default: natural)
			  --hedge-share X        fraction of symbols in hedge mode (default 0.3)
			  --latency-ms N         added latency per call (default 0)   --jitter-ms N  (default 0)
			  --weight-limit N       request weight per minute (default 2400)
			  --error-rate X         probability of 500/502/503 (default 0)
			  --timeout-rate X       probability of a held response (default 0)
			  --malformed-rate X     probability of a truncated body (default 0)
			  --skew-ms N            server clock minus real clock (default 0)
			  --trade-retention-days N  fills served back this far (default 180)
			  --request-log FILE     JSON lines of every request (no signatures)
			  --stats FILE           write per-symbol fill/order/income counts as JSON
			  --stats-window-days N  add, for the window [end - N days, end), what a sync of it must fetch
			  --api-key K --api-secret S   credentials (default: derived from the seed)
			""";

	private SimulatorMain() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = parse(args, System.err);
		if (options == null) {
			System.exit(2);
			return;
		}
		Instant now = Instant.now();
		GeneratorConfig config = GeneratorConfig.of(longOf(options, "seed", 7), intOf(options, "symbols", 30),
				intOf(options, "days", 150), now)
			.withLifecyclesPerSymbol(intOf(options, "lifecycles", 8))
			.withFillsPerSymbol(intOf(options, "fills-per-symbol", 0))
			.withHedgeShare(Double.parseDouble(options.getOrDefault("hedge-share", "0.3")));
		SimulatedAccount account = AccountGenerator.generate(config);
		SimulatorOptions.Builder builder = SimulatorOptions.builder()
			.seed(config.seed())
			.port(intOf(options, "port", 8089))
			.latency(Duration.ofMillis(intOf(options, "latency-ms", 0)))
			.jitter(Duration.ofMillis(intOf(options, "jitter-ms", 0)))
			.weightLimit(intOf(options, "weight-limit", 2400))
			.serverErrorRate(Double.parseDouble(options.getOrDefault("error-rate", "0")))
			.timeoutRate(Double.parseDouble(options.getOrDefault("timeout-rate", "0")))
			.malformedRate(Double.parseDouble(options.getOrDefault("malformed-rate", "0")))
			.skew(Duration.ofMillis(intOf(options, "skew-ms", 0)))
			.tradeRetention(Duration.ofDays(intOf(options, "trade-retention-days", 180)));
		if (options.containsKey("request-log")) {
			builder.requestLogFile(Path.of(options.get("request-log")));
		}
		if (options.containsKey("api-key")) {
			builder.apiKey(options.get("api-key"));
		}
		if (options.containsKey("api-secret")) {
			builder.apiSecret(options.get("api-secret"));
		}
		SimulatedExchange exchange = SimulatedExchange.start(account, builder.build());
		if (options.containsKey("stats")) {
			writeStats(account, Path.of(options.get("stats")), intOf(options, "stats-window-days", 0),
					Duration.ofDays(intOf(options, "trade-retention-days", 180)));
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			exchange.close();
			stopped.countDown();
		}));
		System.out.println("Simulated Binance USD-M exchange serving " + account.symbols().size() + " symbols, "
				+ account.fills().size() + " fills, history " + config.days() + " days to " + account.end());
		System.out.println("base-url:   " + exchange.baseUrl());
		System.out.println("api-key:    " + exchange.apiKey());
		System.out.println("api-secret: " + exchange.apiSecret());
		System.out.println("Sync it: java -jar target/sync-job.jar --binance.base-url=" + exchange.baseUrl()
				+ " --binance.api-key=" + exchange.apiKey() + " --binance.api-secret=" + exchange.apiSecret());
		System.out.println("Stop with Ctrl-C.");
		System.out.flush();
		stopped.await();
	}

	private static Map<String, String> parse(String[] args, PrintStream err) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h")) {
				System.out.print(USAGE);
				System.exit(0);
			}
			if (!arg.startsWith("--")) {
				err.println("simulator: unexpected argument '" + arg + "'\n" + USAGE);
				return null;
			}
			String name = arg.substring(2);
			String value;
			if (name.contains("=")) {
				value = name.substring(name.indexOf('=') + 1);
				name = name.substring(0, name.indexOf('='));
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				err.println("simulator: --" + name + " needs a value\n" + USAGE);
				return null;
			}
			options.put(name, value);
		}
		return options;
	}

	private static int intOf(Map<String, String> options, String name, int fallback) {
		return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
	}

	private static long longOf(Map<String, String> options, String name, long fallback) {
		return options.containsKey(name) ? Long.parseLong(options.get(name)) : fallback;
	}

	/** Per-symbol record counts, from which the benchmarks compute their lower bounds. */
	static void writeStats(SimulatedAccount account, Path file, int windowDays, Duration tradeRetention)
			throws IOException {
		Map<String, Map<String, Object>> bySymbol = new TreeMap<>();
		account.symbols().forEach((s) -> bySymbol.put(s.symbol(), new LinkedHashMap<>(Map.of("fills", 0L, "orders", 0L))));
		account.fills().forEach((f) -> bySymbol.get(f.symbol()).merge("fills", 1L, (a, b) -> (Long) a + (Long) b));
		account.orders().forEach((o) -> bySymbol.get(o.symbol()).merge("orders", 1L, (a, b) -> (Long) a + (Long) b));
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("end", account.end().toString());
		stats.put("incomeRecords", account.income().size());
		Map<Long, Long> incomeByHour = new TreeMap<>();
		account.income().forEach((r) -> incomeByHour.merge(r.time().getEpochSecond() / 3600, 1L, Long::sum));
		stats.put("incomeByEpochHour", incomeByHour);
		stats.put("symbols", bySymbol);
		if (windowDays > 0) {
			stats.put("window", windowStats(account, windowDays, tradeRetention));
		}
		new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Files.newOutputStream(file), stats);
	}

	/**
	 * What a sync of [end - days, end) must fetch at the least, per symbol: the fills from
	 * {@code from} on, the orders from the smallest one they (and the lookback) reference,
	 * the income of the window, and for a symbol with a lifecycle open at {@code from} the
	 * 7-day windows back to that lifecycle's start (within trade retention) and its funding.
	 */
	static Map<String, Object> windowStats(SimulatedAccount account, int days, Duration tradeRetention) {
		Instant to = account.end().truncatedTo(ChronoUnit.MILLIS);
		Instant from = to.minus(Duration.ofDays(days));
		Instant retentionBound = to.minus(tradeRetention);
		Map<String, List<Fill>> fillsBySymbol = new TreeMap<>();
		account.fills().forEach((f) -> fillsBySymbol.computeIfAbsent(f.symbol(), (k) -> new ArrayList<>()).add(f));
		Map<String, List<Order>> ordersBySymbol = new TreeMap<>();
		account.orders().forEach((o) -> ordersBySymbol.computeIfAbsent(o.symbol(), (k) -> new ArrayList<>()).add(o));
		Map<String, Object> symbols = new TreeMap<>();
		for (Map.Entry<String, List<Fill>> entry : fillsBySymbol.entrySet()) {
			List<Fill> fills = new ArrayList<>(entry.getValue());
			fills.sort(Fill.STREAM_ORDER);
			Instant start = lookbackStart(fills, from);
			Instant earliest = start == null ? from : (start.isBefore(retentionBound) ? retentionBound : start);
			long lookbackWindows = start == null ? 0
					: (Duration.between(earliest, from).toMillis() + TimeRange.SEVEN_DAYS - 1) / TimeRange.SEVEN_DAYS;
			List<Fill> needed = fills.stream().filter((f) -> !f.time().isBefore(earliest)).toList();
			long sinceFrom = needed.stream().filter((f) -> !f.time().isBefore(from)).count();
			long minOrderId = needed.stream().mapToLong(Fill::orderId).min().orElse(Long.MAX_VALUE);
			long orders = ordersBySymbol.getOrDefault(entry.getKey(), List.of())
				.stream()
				.filter((o) -> o.orderId() >= minOrderId)
				.count();
			Map<String, Object> symbol = new LinkedHashMap<>();
			symbol.put("fillsSinceFrom", sinceFrom);
			symbol.put("lookbackFills", needed.size() - sinceFrom);
			symbol.put("lookbackWindows", lookbackWindows);
			symbol.put("openAtFrom", start != null);
			// Binance serves income about 90 days back: funding before from is fetchable only after that
			symbol.put("fundingBeforeFrom", start != null && later(start, to.minus(Duration.ofDays(90))).isBefore(from));
			symbol.put("orders", orders);
			symbols.put(entry.getKey(), symbol);
		}
		Map<String, Long> incomeBySymbol = new TreeMap<>();
		long income = 0;
		for (IncomeRecord record : account.income()) {
			if (!record.time().isBefore(from) && record.time().isBefore(to)) {
				income++;
				if (record.is(IncomeType.REALIZED_PNL) || record.is(IncomeType.COMMISSION)) {
					incomeBySymbol.merge(record.symbol(), 1L, Long::sum);
				}
			}
		}
		// only symbols with trade income in the window are synced
		symbols.keySet().retainAll(incomeBySymbol.keySet());
		Map<String, Object> window = new LinkedHashMap<>();
		window.put("from", from.toString());
		window.put("to", to.toString());
		window.put("incomeRecords", income);
		window.put("symbols", symbols);
		return window;
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** The start of the earliest lifecycle open at {@code from} among the symbol's streams, or null. */
	private static Instant lookbackStart(List<Fill> fills, Instant from) {
		Map<StreamKey, BigDecimal> position = new HashMap<>();
		Map<StreamKey, Instant> started = new HashMap<>();
		for (Fill fill : fills) {
			if (!fill.time().isBefore(from)) {
				break;
			}
			BigDecimal before = position.getOrDefault(fill.stream(), BigDecimal.ZERO);
			BigDecimal after = before.add(fill.signedQty());
			if (before.signum() != after.signum() && after.signum() != 0) {
				started.put(fill.stream(), fill.time());
			}
			position.put(fill.stream(), after);
		}
		return position.entrySet()
			.stream()
			.filter((e) -> e.getValue().signum() != 0)
			.map((e) -> started.get(e.getKey()))
			.min(Instant::compareTo)
			.orElse(null);
	}

}
