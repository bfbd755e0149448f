package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.StreamKey;

/** The exchange's own closes a generated account has when asked for: liquidations, ADL, settlements. */
class GeneratorAutoClosesTest {

	private static final Instant END = Instant.parse("2026-09-01T00:00:00Z");

	static Stream<GeneratorConfig> configs() {
		Random random = new Random(20261130);
		return LongStream.range(0, 5).mapToObj(i -> GeneratorConfig
			.of(random.nextLong(), 4 + random.nextInt(12), 30 + random.nextInt(150), END)
			.withHedgeShare(random.nextInt(5) / 4.0)
			.withAutoCloses(true));
	}

	@ParameterizedTest
	@MethodSource("configs")
	void eachExchangeCloseTakesTheWholePositionToZero(GeneratorConfig config) {
		SimulatedAccount account = AccountGenerator.generate(config);
		Map<StreamKey, List<Fill>> byStream = account.fills().stream()
			.sorted(Fill.STREAM_ORDER)
			.collect(Collectors.groupingBy(Fill::stream, HashMap::new, Collectors.toList()));
		Map<String, Order> orders = account.orders().stream()
			.collect(Collectors.toMap(o -> o.symbol() + "/" + o.orderId(), o -> o));

		List<Order> closes = account.orders().stream().filter(GeneratorAutoClosesTest::isExchangeClose).toList();

		assertThat(closes).as("seed %d", config.seed()).isNotEmpty();
		byStream.forEach((stream, fills) -> {
			BigDecimal position = BigDecimal.ZERO;
			for (int i = 0; i < fills.size(); i++) {
				Fill fill = fills.get(i);
				BigDecimal before = position;
				position = position.add(fill.signedQty());
				Order order = orders.get(fill.symbol() + "/" + fill.orderId());
				boolean lastOfOrder = i + 1 == fills.size() || fills.get(i + 1).orderId() != fill.orderId();
				if (isExchangeClose(order)) {
					assertThat(before.signum()).as("closes an open position: %s, seed %d", fill, config.seed())
						.isNotZero();
					assertThat(fill.maker()).isFalse();
					if (lastOfOrder) {
						assertThat(position).as("flat after %s, seed %d", order, config.seed()).isZero();
					}
				}
			}
		});
	}

	@ParameterizedTest
	@MethodSource("configs")
	void everyLiquidationAndOnlyALiquidationPaysAClearanceFeeOfOnePercentAtItsLastFill(GeneratorConfig config) {
		SimulatedAccount account = AccountGenerator.generate(config);
		Map<String, String> quotes = account.symbols().stream()
			.collect(Collectors.toMap(SymbolSpec::symbol, SymbolSpec::quoteAsset));
		List<String> expected = new ArrayList<>();
		for (Order order : account.orders()) {
			if (order.clientOrderId() == null || !order.clientOrderId().startsWith("autoclose-")) {
				continue;
			}
			List<Fill> fills = account.fills().stream()
				.filter(f -> f.symbol().equals(order.symbol()) && f.orderId() == order.orderId())
				.toList();
			BigDecimal notional = fills.stream().map(f -> f.price().multiply(f.qty())).reduce(BigDecimal.ZERO,
					BigDecimal::add);
			Instant last = fills.stream().map(Fill::time).max(Comparator.naturalOrder()).orElseThrow();
			expected.add(order.symbol() + " " + last + " "
					+ notional.multiply(new BigDecimal("-0.01")).setScale(8, RoundingMode.HALF_EVEN).toPlainString()
					+ " " + quotes.get(order.symbol()));
		}

		List<String> clearances = account.income().stream()
			.filter(r -> r.is(IncomeType.INSURANCE_CLEAR))
			.map(r -> r.symbol() + " " + r.time() + " " + r.income().toPlainString() + " " + r.asset())
			.toList();

		assertThat(clearances).as("seed %d", config.seed()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void allThreeKindsAppearAndLiquidationsComeAsBothOrderTypes() {
		SimulatedAccount account = AccountGenerator
			.generate(GeneratorConfig.of(51, 16, 120, END).withAutoCloses(true));

		List<Order> orders = account.orders();

		assertThat(orders).anyMatch(o -> "LIQUIDATION".equals(o.type()) && o.clientOrderId().startsWith("autoclose-"));
		assertThat(orders).anyMatch(o -> "MARKET".equals(o.type()) && o.clientOrderId() != null
				&& o.clientOrderId().startsWith("autoclose-"));
		assertThat(orders).anyMatch(o -> "adl_autoclose".equals(o.clientOrderId()));
		assertThat(orders).anyMatch(o -> o.clientOrderId() != null
				&& o.clientOrderId().startsWith("settlement_autoclose-"));
	}

	@Test
	void offByDefaultTheAccountHasNone() {
		SimulatedAccount account = AccountGenerator.generate(GeneratorConfig.of(51, 16, 120, END));

		assertThat(account.orders()).noneMatch(GeneratorAutoClosesTest::isExchangeClose);
		assertThat(account.income()).noneMatch(r -> r.is(IncomeType.INSURANCE_CLEAR));
	}

	private static boolean isExchangeClose(Order order) {
		String id = order.clientOrderId();
		return "LIQUIDATION".equals(order.type()) || id != null && (id.startsWith("autoclose-")
				|| id.startsWith("adl_autoclose") || id.startsWith("settlement_autoclose-"));
	}
}
