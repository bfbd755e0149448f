package syncjob.simulator;

import java.time.Instant;

/**
 * The exchange behind {@code --demo}: a generated account of 30 symbols and 150 days of
 * history ending now, served on an ephemeral loopback port with the real API rules.
 */
public final class DemoExchange implements AutoCloseable {

	static final long SEED = 7;

	static final int SYMBOLS = 30;

	static final int DAYS = 150;

	private final SimulatedExchange exchange;

	private DemoExchange(SimulatedExchange exchange) {
		this.exchange = exchange;
	}

	public static DemoExchange start(Instant now) {
		SimulatedAccount account = AccountGenerator.generate(GeneratorConfig.of(SEED, SYMBOLS, DAYS, now));
		return new DemoExchange(SimulatedExchange.start(account, SimulatorOptions.defaults()));
	}

	public String baseUrl() {
		return this.exchange.baseUrl();
	}

	public String apiKey() {
		return this.exchange.apiKey();
	}

	public String apiSecret() {
		return this.exchange.apiSecret();
	}

	@Override
	public void close() {
		this.exchange.close();
	}

}
