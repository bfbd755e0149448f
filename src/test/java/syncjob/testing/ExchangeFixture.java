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

	public static final int INCOME_RETENTION_DAYS = 90;

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

	public TruthResult truth(String accountName, Instant from, Instant to, boolean includeOrders) {
		return GroundTruth.expected(this.account, accountName, from, to, this.exchange.serverTime(),
				this.tradeRetentionDays, INCOME_RETENTION_DAYS, includeOrders);
	}

	public List<RequestLogEntry> requests() {
		return this.exchange.requestLog();
	}

	@Override
	public void close() {
		this.exchange.close();
	}

}
