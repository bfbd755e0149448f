package syncjob.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSnapshot;

/**
 * Builds a plausible, fully deterministic Binance USD-M futures account: the same
 * {@link GeneratorConfig} always gives an equal {@link SimulatedAccount}. Every symbol draws
 * from its own random stream, so the symbols are independent of each other's size.
 */
public final class AccountGenerator {

	private static final long DAY_MS = 86_400_000L;

	/** Mean fills per lifecycle of {@link GeneratorStream}, times ten: scales lifecycles to a fill target. */
	private static final int FILLS_PER_LIFECYCLE_X10 = 63;

	/** Shortest slot a lifecycle is given, so that its orders keep distinct times in short histories. */
	private static final long MIN_SLOT_MS = 60_000L;

	private static final long UNIVERSE_SALT = 1;

	private static final long FEES_SALT = 2;

	private static final long INCOME_SALT = 3;

	private static final long INSURANCE_SALT = 4;

	private static final long SYMBOL_SALT = 1_000;

	/** Far above any symbol's salt: each symbol's order terms draw from a stream of their own. */
	private static final long ORDER_TERMS_SALT = 1L << 40;

	/** Above that again: the exchange's own closes draw from a stream per symbol too. */
	private static final long AUTO_CLOSE_SALT = 1L << 41;

	private AccountGenerator() {
	}

	public static SimulatedAccount generate(GeneratorConfig config) {
		return generate(config, new GeneratorMarket());
	}

	/**
	 * The account of {@code config} trading in {@code market}: each symbol at the market's price
	 * path when an account generated into it before traded that symbol, else at its own (which
	 * the market keeps for the accounts after it).
	 */
	static SimulatedAccount generate(GeneratorConfig config, GeneratorMarket market) {
		long endMs = config.end().toEpochMilli();
		long startMs = endMs - config.days() * DAY_MS;
		List<GeneratedSymbol> symbols = GeneratorUniverse.pick(config.symbols(), config.hedgeShare(),
				GeneratorRandom.derived(config.seed(), UNIVERSE_SALT));
		GeneratorFees fees = GeneratorFees.random(startMs, endMs, config.makerRebates(),
				GeneratorRandom.derived(config.seed(), FEES_SALT));
		int budget = lifecycleBudget(config, endMs - startMs);
		// symbols share nothing mutable, so generating them in parallel keeps the result identical
		List<GeneratorSymbolHistory.GeneratedHistory> histories = IntStream.range(0, symbols.size()).parallel()
			.mapToObj(i -> {
				Random random = GeneratorRandom.derived(config.seed(), SYMBOL_SALT + i);
				int lifecycles = (int) Math.max(1, budget + GeneratorRandom.between(random, -budget / 4, budget / 4));
				return GeneratorSymbolHistory.generate(symbols.get(i), lifecycles, startMs, endMs, fees, market, random,
						GeneratorRandom.derived(config.seed(), ORDER_TERMS_SALT + i),
						autoCloses(config, i));
			})
			.toList();
		List<Fill> fills = new ArrayList<>();
		List<Order> orders = new ArrayList<>();
		List<OrderTerms> terms = new ArrayList<>();
		List<PositionSnapshot> positions = new ArrayList<>();
		Map<String, BigDecimal> marks = new HashMap<>();
		for (GeneratorSymbolHistory.GeneratedHistory history : histories) {
			fills.addAll(history.fills());
			orders.addAll(history.orders());
			terms.addAll(history.terms());
			positions.addAll(history.positions());
			marks.put(history.symbol().name(), history.markPrice());
		}
		List<IncomeRecord> income = GeneratorIncome.build(histories, startMs, endMs,
				GeneratorRandom.derived(config.seed(), INCOME_SALT),
				GeneratorRandom.derived(config.seed(), INSURANCE_SALT));
		boolean hedged = symbols.stream().anyMatch(symbol -> symbol.mode().hedgeAtEnd());
		return new SimulatedAccount(symbols.stream().map(GeneratedSymbol::spec).toList(), fills, orders, income,
				positions, hedged, config.end(), terms, marks);
	}

	private static GeneratorAutoCloses autoCloses(GeneratorConfig config, int symbolIndex) {
		return config.autoCloses()
				? GeneratorAutoCloses.drawingFrom(GeneratorRandom.derived(config.seed(), AUTO_CLOSE_SALT + symbolIndex))
				: GeneratorAutoCloses.NONE;
	}

	private static int lifecycleBudget(GeneratorConfig config, long spanMs) {
		long wanted = config.fillsPerSymbol() > 0
				? Math.max(1, ((long) config.fillsPerSymbol() * 10 + FILLS_PER_LIFECYCLE_X10 / 2) / FILLS_PER_LIFECYCLE_X10)
				: config.lifecyclesPerSymbol();
		return (int) Math.max(1, Math.min(wanted, spanMs / MIN_SLOT_MS / 2));
	}
}
