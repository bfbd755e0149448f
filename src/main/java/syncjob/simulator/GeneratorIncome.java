package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;

/**
 * The income history: REALIZED_PNL and COMMISSION per fill (sharing the fill's tranId, as
 * Binance does, so tranIds are unique only per income type), FUNDING_FEE, and transfers as
 * noise. Each type has its own tranId sequence, large and increasing in time.
 */
final class GeneratorIncome {

	private static final long DAY_MS = 24 * GeneratorPricePath.HOUR_MS;

	/** Binance's liquidation clearance fee, up to 1.5% of the position's notional; 1% here. */
	private static final BigDecimal CLEARANCE_RATE = new BigDecimal("0.01");

	private static final Comparator<Row> ROW_ORDER = Comparator.<Row>comparingLong(Row::timeMs)
		.thenComparingLong(Row::tranId)
		.thenComparing(row -> row.record().incomeType());

	private GeneratorIncome() {
	}

	/** Sorted by (time, tranId, incomeType). */
	static List<IncomeRecord> build(List<GeneratorSymbolHistory.GeneratedHistory> histories, long startMs, long endMs,
			Random random, Random insurance) {
		// each part comes out in that order already: merging is far cheaper than sorting millions of rows
		List<Row> trades = tradeIncome(histories, random);
		List<Row> funding = funding(histories, random);
		List<Row> transfers = transfers(startMs, endMs, random);
		List<Row> clearances = clearances(histories, insurance);
		List<IncomeRecord> income = new ArrayList<>(
				trades.size() + funding.size() + transfers.size() + clearances.size());
		int[] next = new int[4];
		List<List<Row>> parts = List.of(trades, funding, transfers, clearances);
		while (true) {
			int smallest = -1;
			for (int part = 0; part < parts.size(); part++) {
				if (next[part] < parts.get(part).size() && (smallest < 0
						|| ROW_ORDER.compare(parts.get(part).get(next[part]), parts.get(smallest).get(next[smallest])) < 0)) {
					smallest = part;
				}
			}
			if (smallest < 0) {
				return income;
			}
			income.add(parts.get(smallest).get(next[smallest]++).record());
		}
	}

	/**
	 * Per fill, in global time order (ties by symbol, then id): COMMISSION before
	 * REALIZED_PNL, both with the fill's tranId.
	 */
	private static List<Row> tradeIncome(List<GeneratorSymbolHistory.GeneratedHistory> histories, Random random) {
		List<Row> rows = new ArrayList<>();
		PriorityQueue<Cursor> cursors = new PriorityQueue<>(Comparator.<Cursor, Instant>comparing(c -> c.current().time())
			.thenComparingInt(Cursor::symbolIndex));
		for (int i = 0; i < histories.size(); i++) {
			if (!histories.get(i).fills().isEmpty()) {
				cursors.add(new Cursor(histories.get(i), i, 0));
			}
		}
		long tranId = GeneratorRandom.between(random, 100_000_000_000_000_000L, 150_000_000_000_000_000L);
		while (!cursors.isEmpty()) {
			Cursor cursor = cursors.poll();
			Fill fill = cursor.current();
			if (cursor.position() + 1 < cursor.history().fills().size()) {
				cursors.add(new Cursor(cursor.history(), cursor.symbolIndex(), cursor.position() + 1));
			}
			tranId += GeneratorRandom.between(random, 1, 5_000);
			if (fill.realizedPnl().signum() == 0 && fill.commission().signum() == 0) {
				continue;
			}
			// one String per id, shared by both records: benchmark accounts hold millions of them
			String tranIdText = Long.toString(tranId);
			String tradeId = Long.toString(fill.id());
			if (fill.commission().signum() != 0) {
				rows.add(new Row(fill.time().toEpochMilli(), tranId, new IncomeRecord(fill.symbol(),
						IncomeType.COMMISSION, fill.commission().negate(), fill.commissionAsset(), fill.time(),
						tranIdText, tradeId, "")));
			}
			if (fill.realizedPnl().signum() != 0) {
				rows.add(new Row(fill.time().toEpochMilli(), tranId, new IncomeRecord(fill.symbol(),
						IncomeType.REALIZED_PNL, fill.realizedPnl(), cursor.history().symbol().quoteAsset(), fill.time(),
						tranIdText, tradeId, "")));
			}
		}
		return rows;
	}

	private static List<Row> funding(List<GeneratorSymbolHistory.GeneratedHistory> histories, Random random) {
		List<Row> rows = new ArrayList<>();
		List<GeneratorFunding.GeneratedFunding> events = new ArrayList<>();
		histories.forEach(history -> events.addAll(history.funding()));
		events.sort(Comparator.comparingLong(GeneratorFunding.GeneratedFunding::timeMs)
			.thenComparing(GeneratorFunding.GeneratedFunding::symbol));
		long tranId = GeneratorRandom.between(random, 4_000_000_000_000_000_000L, 4_500_000_000_000_000_000L);
		for (GeneratorFunding.GeneratedFunding event : events) {
			tranId += GeneratorRandom.between(random, 1, 1_000);
			rows.add(new Row(event.timeMs(), tranId, new IncomeRecord(event.symbol(), IncomeType.FUNDING_FEE,
					event.amount(), event.asset(), Instant.ofEpochMilli(event.timeMs()), Long.toString(tranId), "", "")));
		}
		return rows;
	}

	/** About one transfer a week, mostly deposits, in USDT or USDC; no symbol. */
	private static List<Row> transfers(long startMs, long endMs, Random random) {
		List<Row> rows = new ArrayList<>();
		int count = (int) Math.max(2, (endMs - startMs) / (7 * DAY_MS));
		long[] times = new long[count];
		for (int i = 0; i < count; i++) {
			times[i] = GeneratorRandom.between(random, startMs, endMs - 1);
		}
		Arrays.sort(times);
		long tranId = GeneratorRandom.between(random, 7_500_000_000_000_000_000L, 7_900_000_000_000_000_000L);
		for (long timeMs : times) {
			tranId += GeneratorRandom.between(random, 1, 1_000_000);
			BigDecimal amount = BigDecimal.valueOf(GeneratorRandom.between(random, 10_000, 2_000_000), 2);
			String asset = GeneratorRandom.chance(random, 80) ? "USDT" : "USDC";
			rows.add(new Row(timeMs, tranId,
					new IncomeRecord("", IncomeType.TRANSFER, GeneratorRandom.chance(random, 70) ? amount : amount.negate(),
							asset, Instant.ofEpochMilli(timeMs), Long.toString(tranId), "", "TRANSFER")));
		}
		return rows;
	}

	/**
	 * INSURANCE_CLEAR per liquidation order (client order id {@code autoclose-}): the clearance
	 * fee of 1% of its notional, taken at its last fill, in the quote asset; none without
	 * liquidations, so {@code insurance} is drawn from only when there are some.
	 */
	private static List<Row> clearances(List<GeneratorSymbolHistory.GeneratedHistory> histories, Random insurance) {
		List<Row> rows = new ArrayList<>();
		for (GeneratorSymbolHistory.GeneratedHistory history : histories) {
			Set<Long> liquidations = new HashSet<>();
			history.orders().stream()
				.filter(order -> order.clientOrderId() != null && order.clientOrderId().startsWith("autoclose-"))
				.forEach(order -> liquidations.add(order.orderId()));
			Map<Long, BigDecimal> notional = new TreeMap<>();
			Map<Long, Instant> last = new HashMap<>();
			for (Fill fill : history.fills()) {
				if (liquidations.contains(fill.orderId())) {
					notional.merge(fill.orderId(), fill.price().multiply(fill.qty()), BigDecimal::add);
					last.merge(fill.orderId(), fill.time(), (a, b) -> a.isAfter(b) ? a : b);
				}
			}
			notional.forEach((orderId, amount) -> rows.add(new Row(last.get(orderId).toEpochMilli(), 0,
					new IncomeRecord(history.symbol().name(), IncomeType.INSURANCE_CLEAR,
							amount.multiply(CLEARANCE_RATE).setScale(8, RoundingMode.HALF_EVEN).negate(),
							history.symbol().quoteAsset(), last.get(orderId), "", "", ""))));
		}
		rows.sort(Comparator.comparingLong(Row::timeMs).thenComparing(row -> row.record().symbol()));
		List<Row> numbered = new ArrayList<>(rows.size());
		long tranId = rows.isEmpty() ? 0
				: GeneratorRandom.between(insurance, 2_000_000_000_000_000_000L, 2_100_000_000_000_000_000L);
		for (Row row : rows) {
			tranId += GeneratorRandom.between(insurance, 1, 1_000);
			IncomeRecord r = row.record();
			numbered.add(new Row(row.timeMs(), tranId, new IncomeRecord(r.symbol(), r.incomeType(), r.income(),
					r.asset(), r.time(), Long.toString(tranId), "", "")));
		}
		return numbered;
	}

	private record Cursor(GeneratorSymbolHistory.GeneratedHistory history, int symbolIndex, int position) {

		Fill current() {
			return history.fills().get(position);
		}
	}

	private record Row(long timeMs, long tranId, IncomeRecord record) {
	}
}
