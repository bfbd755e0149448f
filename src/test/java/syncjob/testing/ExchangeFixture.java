package syncjob.testing;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.GroundTruth;
import syncjob.simulator.RequestLogEntry;
import syncjob.simulator.SimulatedAccount;
import syncjob.simulator.SimulatedExchange;
import syncjob.simulator.SimulatorOptions;
import syncjob.simulator.TruthResult;

/** A generated account served by an in-process simulated exchange, with its ground truth. */
public final class ExchangeFixture implements AutoCloseable {

	private final SimulatedAccount account;

	private final SimulatedExchange exchange;

	private final int tradeRetentionDays;

	private ExchangeFixture(SimulatedAccount account, SimulatedExchange exchange, int tradeRetentionDays) {
		this.account = account;
		this.exchange = exchange;
		this.tradeRetentionDays = tradeRetentionDays;
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
