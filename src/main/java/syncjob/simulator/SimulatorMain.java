package syncjob.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.ObjectMapper;

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
			writeStats(account, Path.of(options.get("stats")));
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
	static void writeStats(SimulatedAccount account, Path file) throws IOException {
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
		new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Files.newOutputStream(file), stats);
	}

}
