package syncjob.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratedAccounts;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.GroundTruth;
import syncjob.simulator.RequestLogEntry;
import syncjob.simulator.ServedAccount;
import syncjob.simulator.SimulatedAccount;
import syncjob.simulator.SimulatedExchange;
import syncjob.simulator.SimulatorOptions;
import syncjob.simulator.TruthKlines;
import syncjob.simulator.TruthResult;

/**
 * Generated accounts served by an in-process simulated exchange, with their ground truth: one
 * ({@link #start}) or several, each under its own key ({@link #startMany}); {@link #account()}
 * and the credentials in {@link #options()} are the first one's.
 */
public final class ExchangeFixture implements AutoCloseable {

	private final SimulatedAccount account;

	private final SimulatedExchange exchange;

	private final int tradeRetentionDays;

	private ExchangeFixture(SimulatedAccount account, SimulatedExchange exchange, int tradeRetentionDays) {
		this.account = account;
		this.exchange = exchange;
		this.tradeRetentionDays = tradeRetentionDays;
	}

	/**
	 * Accounts {@code acct-1..N} generated from {@code configs} in order into one market (each
	 * symbol on one price path, see {@link GeneratedAccounts#generate(List)}), each with
	 * credentials derived from its config's seed, on one exchange.
	 */
	public static ExchangeFixture startMany(List<GeneratorConfig> configs,
			UnaryOperator<SimulatorOptions.Builder> options, int tradeRetentionDays) {
		List<ServedAccount> accounts = GeneratedAccounts.generate(configs);
		SimulatorOptions built = options.apply(SimulatorOptions.builder()
			.tradeRetention(java.time.Duration.ofDays(tradeRetentionDays))).build();
		return new ExchangeFixture(accounts.get(0).account(), SimulatedExchange.start(accounts, built),
				tradeRetentionDays);
	}

	public static ExchangeFixture start(GeneratorConfig config) {
		return start(AccountGenerator.generate(config), UnaryOperator.identity(), 180);
	}

	public static ExchangeFixture start(SimulatedAccount account, UnaryOperator<SimulatorOptions.Builder> options,
			int tradeRetentionDays) {
		SimulatorOptions built = options.apply(SimulatorOptions.builder()
			.tradeRetention(java.time.Duration.ofDays(tradeRetentionDays))).build();
		return new ExchangeFixture(account, SimulatedExchange.start(account, built), tradeRetentionDays);
	}

	public SimulatedAccount account() {
		return this.account;
	}

	public SimulatedExchange exchange() {
		return this.exchange;
	}

	public Instant end() {
		return this.account.end();
	}

	/** Every served account, in order ({@code acct-1..N} for {@link #startMany}). */
	public List<ServedAccount> served() {
		return this.exchange.accounts();
	}

	public ServedAccount served(String name) {
		return served().stream().filter(a -> a.name().equals(name)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no served account " + name));
	}

	/** The options that point the job at this exchange, without credentials. */
	public List<String> exchangeOptions() {
		return List.of("--binance.base-url=" + this.exchange.baseUrl(),
				"--binance.trade-retention-days=" + this.tradeRetentionDays);
	}

	/**
	 * Writes each served account's key and secret to files in {@code directory} and an
	 * {@code accounts.yml} naming them, for {@code --sync.accounts-file}.
	 */
	public Path writeAccountsFile(Path directory) {
		return GeneratedAccounts.writeCredentials(served(), directory);
	}

	/**
	 * The ground truth of one served account at the exchange's current time, its rows named
	 * {@code accountName}, its excursions and fee values from the klines the exchange serves
	 * (one market for all its accounts).
	 */
	public TruthResult truth(ServedAccount served, String accountName, Instant from, Instant to,
			boolean includeOrders) {
		Instant now = this.exchange.serverTime();
		return GroundTruth.expected(served.account(), accountName, from, to, now, this.exchange.options(),
				GroundTruth.incomeServedFrom(served.account(), now, this.exchange.options()), includeOrders,
				TruthKlines.servedBy(this.exchange, now));
	}

	/** The command-line options that point the job at this exchange. */
	public List<String> options() {
		return List.of("--binance.base-url=" + this.exchange.baseUrl(), "--binance.api-key=" + this.exchange.apiKey(),
				"--binance.api-secret=" + this.exchange.apiSecret(),
				"--binance.trade-retention-days=" + this.tradeRetentionDays);
	}

	/** The ground truth at the exchange's current time, its income horizon by the exchange's rule. */
	public TruthResult truth(String accountName, Instant from, Instant to, boolean includeOrders) {
		Instant now = this.exchange.serverTime();
		return GroundTruth.expected(this.account, accountName, from, to, now, this.exchange.options(),
				GroundTruth.incomeServedFrom(this.account, now, this.exchange.options()), includeOrders);
	}

	/**
	 * The ground truth at the exchange's current time for the income horizon a sync
	 * established: the time of the oldest income record it was served.
	 */
	public TruthResult truth(String accountName, Instant from, Instant to, boolean includeOrders,
			Instant incomeServedFrom) {
		return GroundTruth.expected(this.account, accountName, from, to, this.exchange.serverTime(),
				this.exchange.options(), incomeServedFrom, includeOrders);
	}

	/** The time of the oldest income record the exchange serves now (it moves as records age out). */
	public Instant incomeServedFrom() {
		return GroundTruth.incomeServedFrom(this.account, this.exchange.serverTime(), this.exchange.options());
	}

	public List<RequestLogEntry> requests() {
		return this.exchange.requestLog();
	}

	@Override
	public void close() {
		this.exchange.close();
	}

}
