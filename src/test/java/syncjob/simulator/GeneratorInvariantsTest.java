package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;
import syncjob.lifecycle.Side;
import syncjob.lifecycle.StreamKey;

/** Properties every generated account has, over accounts of seeded random shapes. */
class GeneratorInvariantsTest {

	private static final Instant END = Instant.parse("2026-09-01T00:00:00Z");

	private static final List<String> ORDER_TYPES = List.of("LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT",
			"TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET", "LIQUIDATION");

	private static final List<String> LIMIT_PRICED = List.of("LIMIT", "STOP", "TAKE_PROFIT");

	static Stream<GeneratorConfig> configs() {
		Random random = new Random(20260901);
		return LongStream.range(0, 6).mapToObj(i -> new GeneratorConfig(random.nextLong(), 1 + random.nextInt(25),
				1 + random.nextInt(250), END, 1 + random.nextInt(12), 0, random.nextInt(5) / 4.0)
			.withAutoCloses(i % 2 == 1));
	}

	@ParameterizedTest
	@MethodSource("configs")
	void currentPositionsEqualTheSumOfSignedFills(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);

		// when
		Map<StreamKey, BigDecimal> sums = new HashMap<>();
		account.fills().forEach(fill -> sums.merge(fill.stream(), fill.signedQty(), BigDecimal::add));

		// then
		Map<StreamKey, BigDecimal> reported = account.positions().stream()
			.collect(Collectors.toMap(PositionSnapshot::stream, PositionSnapshot::positionAmt));
		sums.forEach((stream, sum) -> assertThat(reported.getOrDefault(stream, BigDecimal.ZERO))
			.as("%s position, %s", stream, config)
			.isEqualByComparingTo(sum));
		reported.forEach((stream, amount) -> assertThat(amount).as("%s position, %s", stream, config)
			.isEqualByComparingTo(sums.getOrDefault(stream, BigDecimal.ZERO)));
	}

	@ParameterizedTest
	@MethodSource("configs")
	void hedgeStreamsStayOnTheirSideAndEveryLifecycleReturnsExactlyToZero(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);

		// when
		GeneratorReplay replay = new GeneratorReplay(account);

		// then
		replay.streams().forEach((stream, fills) -> {
			List<BigDecimal> before = GeneratorReplay.positionsBefore(fills);
			for (int i = 0; i < fills.size(); i++) {
				BigDecimal after = before.get(i).add(fills.get(i).signedQty());
				String context = stream + " fill " + fills.get(i).id() + ", " + config;
				if (stream.positionSide() == PositionSide.LONG) {
					assertThat(after.signum()).as(context).isGreaterThanOrEqualTo(0);
				}
				if (stream.positionSide() == PositionSide.SHORT) {
					assertThat(after.signum()).as(context).isLessThanOrEqualTo(0);
				}
				assertThat(fills.get(i).qty().signum()).as(context).isPositive();
				assertThat(fills.get(i).price().signum()).as(context).isPositive();
			}
		});
	}

	@ParameterizedTest
	@MethodSource("configs")
	void fillAndOrderIdsIncreaseWithTimePerSymbol(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);

		// when
		Map<String, List<Fill>> fills = account.fills().stream().collect(Collectors.groupingBy(Fill::symbol));
		Map<String, List<Order>> orders = account.orders().stream().collect(Collectors.groupingBy(Order::symbol));

		// then: the lists are sorted by id, and time never goes back along them
		fills.forEach((symbol, list) -> {
			for (int i = 1; i < list.size(); i++) {
				assertThat(list.get(i).id()).as("%s, %s", symbol, config).isGreaterThan(list.get(i - 1).id());
				assertThat(list.get(i).time()).as("%s fill %d, %s", symbol, list.get(i).id(), config)
					.isAfterOrEqualTo(list.get(i - 1).time());
			}
		});
		orders.forEach((symbol, list) -> {
			for (int i = 1; i < list.size(); i++) {
				assertThat(list.get(i).orderId()).as("%s, %s", symbol, config).isGreaterThan(list.get(i - 1).orderId());
				assertThat(list.get(i).time()).as("%s order %d, %s", symbol, list.get(i).orderId(), config)
					.isAfterOrEqualTo(list.get(i - 1).time());
			}
		});
	}

	@ParameterizedTest
	@MethodSource("configs")
	void everyFillReferencesAFilledOrderThatAccountsForIt(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);

		// when
		Map<String, Order> orders = account.orders().stream()
			.collect(Collectors.toMap(order -> order.symbol() + "/" + order.orderId(), order -> order));
		Map<String, BigDecimal> executed = new HashMap<>();
		account.fills().forEach(fill -> executed.merge(fill.symbol() + "/" + fill.orderId(), fill.qty(), BigDecimal::add));

		// then
		assertThat(account.fills()).allSatisfy(fill -> {
			Order order = orders.get(fill.symbol() + "/" + fill.orderId());
			assertThat(order).as("order of fill %d, %s", fill.id(), config).isNotNull();
			assertThat(order.type()).isIn(ORDER_TYPES);
			assertThat(order.status()).isIn("FILLED", "CANCELED", "EXPIRED", "PARTIALLY_FILLED");
			assertThat(order.side()).isEqualTo(fill.side());
			assertThat(order.positionSide()).isEqualTo(fill.positionSide());
			assertThat(order.time()).isBeforeOrEqualTo(fill.time());
			assertThat(order.updateTime()).isAfterOrEqualTo(fill.time());
		});
		executed.forEach((key, qty) -> {
			Order order = orders.get(key);
			assertThat(order.executedQty()).as("%s, %s", key, config).isEqualByComparingTo(qty);
			assertThat(order.origQty().compareTo(qty) > 0).as("%s, %s", key, config)
				.isEqualTo(!order.status().equals("FILLED"));
		});
		assertThat(account.orders()).filteredOn(order -> !executed.containsKey(order.symbol() + "/" + order.orderId()))
			.allSatisfy(order -> {
				assertThat(order.status()).isIn("CANCELED", "EXPIRED", "NEW");
				assertThat(order.executedQty()).isZero();
			});
	}

	@ParameterizedTest
	@MethodSource("configs")
	void onlyOrdersStillWorkingAtTheEndAreNewOrPartiallyFilled(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);

		// when
		List<Order> working = account.orders().stream()
			.filter(order -> order.status().equals("NEW") || order.status().equals("PARTIALLY_FILLED"))
			.toList();

		// then: an order is cancelled, or expires, within about an hour of its last event, so none whose last
		// event is two hours before the end or older is still working. Checked over those orders (there are
		// always some), not over the working ones: these configs leave none, and a check over none cannot fail.
		Instant twoHoursBefore = config.end().minus(Duration.ofHours(2));
		assertThat(account.orders()).as("%s", config)
			.filteredOn(order -> !order.updateTime().isAfter(twoHoursBefore))
			.isNotEmpty()
			.allSatisfy(order -> assertThat(order).isNotIn(working));
		assertThat(account.orders()).filteredOn(order -> order.status().equals("CANCELED") || order.status().equals("EXPIRED"))
			.isNotEmpty()
			.allSatisfy(order -> assertThat(order.updateTime()).isAfter(order.time()).isBefore(config.end()));
	}

	@ParameterizedTest
	@MethodSource("configs")
	void orderTermsAgreeWithTheFills(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);

		// when
		Map<String, OrderTerms> terms = account.orderTerms().stream()
			.collect(Collectors.toMap(t -> t.symbol() + "/" + t.orderId(), t -> t));
		Map<String, List<Fill>> fills = account.fills().stream()
			.collect(Collectors.groupingBy(fill -> fill.symbol() + "/" + fill.orderId()));

		// then
		assertThat(terms).as("%s", config).hasSameSizeAs(account.orders());
		assertThat(account.orders()).allSatisfy(order -> {
			OrderTerms t = terms.get(order.symbol() + "/" + order.orderId());
			List<Fill> own = fills.getOrDefault(order.symbol() + "/" + order.orderId(), List.of());
			String context = order + ", " + config;
			boolean limitPriced = LIMIT_PRICED.contains(order.type());
			assertThat(t.price().signum() > 0).as(context).isEqualTo(limitPriced);
			assertThat(t.stopPrice().signum() > 0).as(context).isEqualTo(!List.of("LIMIT", "MARKET", "LIQUIDATION").contains(order.type()));
			assertThat(t.activatePrice() != null).as(context).isEqualTo(order.type().equals("TRAILING_STOP_MARKET"));
			assertThat(t.goodTillDate() > 0).as(context).isEqualTo(t.timeInForce().equals("GTD"));
			for (Fill fill : own) {
				if (fill.maker()) {
					assertThat(fill.price()).as("maker fill at the limit price, " + context).isEqualByComparingTo(t.price());
				}
				if (limitPriced && fill.side() == Side.BUY) {
					assertThat(fill.price()).as("buy at or below the limit, " + context).isLessThanOrEqualTo(t.price());
				}
				if (limitPriced && fill.side() == Side.SELL) {
					assertThat(fill.price()).as("sell at or above the limit, " + context).isGreaterThanOrEqualTo(t.price());
				}
				if (t.goodTillDate() > 0) {
					assertThat(fill.time().toEpochMilli()).as(context).isLessThan(t.goodTillDate());
				}
			}
			if (t.goodTillDate() > 0) {
				assertThat(t.goodTillDate()).as(context).isGreaterThan(order.time().toEpochMilli() + 600_000)
					.isEqualTo(t.goodTillDate() / 1000 * 1000);
			}
			if (t.reduceOnly()) {
				assertThat(order.positionSide()).as("reduce-only exists in one-way mode, " + context)
					.isEqualTo(PositionSide.BOTH);
			}
		});
	}

	@ParameterizedTest
	@MethodSource("configs")
	void reduceOnlyOrdersReduceAndNoOtherOneWayOrderDoes(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);
		GeneratorReplay replay = new GeneratorReplay(account);
		Map<String, OrderTerms> terms = account.orderTerms().stream()
			.collect(Collectors.toMap(t -> t.symbol() + "/" + t.orderId(), t -> t));

		// when: the one-way position before each order's first fill
		Map<String, BigDecimal> before = new HashMap<>();
		Map<String, BigDecimal> executed = new HashMap<>();
		replay.streams().forEach((stream, fills) -> {
			if (stream.positionSide() != PositionSide.BOTH) {
				return;
			}
			List<BigDecimal> positions = GeneratorReplay.positionsBefore(fills);
			for (int i = 0; i < fills.size(); i++) {
				String key = fills.get(i).symbol() + "/" + fills.get(i).orderId();
				before.putIfAbsent(key, positions.get(i));
				executed.merge(key, fills.get(i).signedQty(), BigDecimal::add);
			}
		});

		// then
		executed.forEach((key, signed) -> {
			BigDecimal position = before.get(key);
			boolean reduces = position.signum() != 0 && position.signum() != signed.signum()
					&& signed.abs().compareTo(position.abs()) <= 0;
			assertThat(terms.get(key).reduceOnly()).as("%s from %s by %s, %s", key, position, signed, config)
				.isEqualTo(reduces);
		});
	}

	@ParameterizedTest
	@MethodSource("configs")
	void realizedPnlAndCommissionIncomeMatchTheFillsOneToOne(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);
		Map<String, String> quotes = account.symbols().stream()
			.collect(Collectors.toMap(SymbolSpec::symbol, SymbolSpec::quoteAsset));

		// when
		Map<String, IncomeRecord> pnl = byTrade(account, IncomeType.REALIZED_PNL);
		Map<String, IncomeRecord> commission = byTrade(account, IncomeType.COMMISSION);

		// then
		List<Fill> withPnl = account.fills().stream().filter(fill -> fill.realizedPnl().signum() != 0).toList();
		List<Fill> withCommission = account.fills().stream().filter(fill -> fill.commission().signum() != 0).toList();
		assertThat(pnl).as("%s", config).hasSameSizeAs(withPnl);
		assertThat(commission).as("%s", config).hasSameSizeAs(withCommission);
		withPnl.forEach(fill -> {
			IncomeRecord record = pnl.get(fill.symbol() + "/" + fill.id());
			assertThat(record).as("pnl of %s %d, %s", fill.symbol(), fill.id(), config).isNotNull();
			assertThat(record.income()).isEqualByComparingTo(fill.realizedPnl());
			assertThat(record.asset()).isEqualTo(quotes.get(fill.symbol()));
			assertThat(record.time()).isEqualTo(fill.time());
		});
		withCommission.forEach(fill -> {
			IncomeRecord record = commission.get(fill.symbol() + "/" + fill.id());
			assertThat(record).as("commission of %s %d, %s", fill.symbol(), fill.id(), config).isNotNull();
			assertThat(record.income()).isEqualByComparingTo(fill.commission().negate());
			assertThat(record.asset()).isEqualTo(fill.commissionAsset());
			assertThat(record.time()).isEqualTo(fill.time());
		});
	}

	@ParameterizedTest
	@MethodSource("configs")
	void fundingIsChargedOnlyWhileAPositionIsOpenOncePerSymbolAndTime(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);
		GeneratorReplay replay = new GeneratorReplay(account);

		// when
		List<IncomeRecord> funding = account.income().stream().filter(record -> record.is(IncomeType.FUNDING_FEE))
			.toList();

		// then
		assertThat(funding).allSatisfy(record -> {
			boolean open = Stream.of(PositionSide.values())
				.anyMatch(side -> replay.positionAt(new StreamKey(record.symbol(), side), record.time()).signum() != 0);
			assertThat(open).as("open position of %s at %s, %s", record.symbol(), record.time(), config).isTrue();
			long sinceInterval = record.time().toEpochMilli() % (8 * 3_600_000L);
			assertThat(sinceInterval).as("funding at 00/08/16 UTC").isLessThan(10);
		});
		Set<String> keys = funding.stream().map(record -> record.symbol() + "@" + record.time().toEpochMilli() / 1000)
			.collect(Collectors.toSet());
		assertThat(keys).as("one record per symbol and time, %s", config).hasSameSizeAs(funding);
	}

	@ParameterizedTest
	@MethodSource("configs")
	void tranIdsAreUniquePerTypeAndIncreaseWithTime(GeneratorConfig config) {
		// given
		SimulatedAccount account = AccountGenerator.generate(config);

		// when
		Map<String, List<IncomeRecord>> byType = account.income().stream()
			.collect(Collectors.groupingBy(IncomeRecord::incomeType));

		// then
		assertThat(account.income()).isSortedAccordingTo(Comparator.comparing(IncomeRecord::time));
		byType.forEach((type, records) -> {
			List<Long> ids = records.stream().map(record -> Long.parseLong(record.tranId())).toList();
			assertThat(ids).as("%s tranIds, %s", type, config).doesNotHaveDuplicates().isSorted();
			assertThat(ids).allSatisfy(id -> assertThat(id).isBetween(100_000_000_000_000_000L, 8_000_000_000_000_000_000L));
		});
		assertThat(account.income()).filteredOn(record -> record.is(IncomeType.TRANSFER))
			.allSatisfy(record -> assertThat(record.symbol()).isEmpty());
	}

	private static Map<String, IncomeRecord> byTrade(SimulatedAccount account, String type) {
		return account.income().stream().filter(record -> record.is(type))
			.collect(Collectors.toMap(record -> record.symbol() + "/" + record.tradeId(), record -> record));
	}
}
