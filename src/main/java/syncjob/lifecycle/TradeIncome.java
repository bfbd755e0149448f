package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One symbol's trade income by fill id: the REALIZED_PNL and COMMISSION records, which name the
 * fill they belong to by {@code tradeId}. Binance writes them for every fill that realizes PnL or
 * pays (or earns) a commission, so each is a fill that must have been served.
 */
final class TradeIncome {

	private final Map<Long, Entry> byFill;

	private TradeIncome(Map<Long, Entry> byFill) {
		this.byFill = byFill;
	}

	static TradeIncome of(String symbol, Collection<IncomeRecord> income) {
		Map<Long, Entry> byFill = new HashMap<>();
		for (IncomeRecord record : income) {
			boolean trade = record.is(IncomeType.REALIZED_PNL) || record.is(IncomeType.COMMISSION);
			if (!trade || !record.symbol().equals(symbol) || !isFillId(record.tradeId())) {
				continue;
			}
			byFill.computeIfAbsent(Long.parseLong(record.tradeId()), (id) -> new Entry(id, record.time()))
				.add(record);
		}
		return new TradeIncome(byFill);
	}

	Optional<Entry> of(long fillId) {
		return Optional.ofNullable(this.byFill.get(fillId));
	}

	Collection<Entry> entries() {
		return this.byFill.values();
	}

	/** Up to 18 digits (a long without overflow); a loop, not a stream: it runs for every trade income record. */
	private static boolean isFillId(String text) {
		if (text.isEmpty() || text.length() > 18) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** The income of one fill: its realized PnL (null when there is no REALIZED_PNL record) and commission income per asset. */
	static final class Entry {

		private final long fillId;

		private final Instant time;

		private BigDecimal realizedPnl;

		/**
		 * The commission income of the fill's first asset; any other asset's (rare) in
		 * {@code otherAssets}, null until there is one. Not a map per fill: a large symbol has
		 * tens of thousands of entries, made twice per sync.
		 */
		private String asset;

		private BigDecimal commission;

		private Map<String, BigDecimal> otherAssets;

		Entry(long fillId, Instant time) {
			this.fillId = fillId;
			this.time = time;
		}

		private void add(IncomeRecord record) {
			if (record.is(IncomeType.REALIZED_PNL)) {
				this.realizedPnl = this.realizedPnl == null ? record.income() : this.realizedPnl.add(record.income());
			}
			else if (this.asset == null || this.asset.equals(record.asset())) {
				this.asset = record.asset();
				this.commission = this.commission == null ? record.income() : this.commission.add(record.income());
			}
			else {
				if (this.otherAssets == null) {
					this.otherAssets = new TreeMap<>();
				}
				this.otherAssets.merge(record.asset(), record.income(), BigDecimal::add);
			}
		}

		long fillId() {
			return this.fillId;
		}

		Instant time() {
			return this.time;
		}

		Optional<BigDecimal> realizedPnl() {
			return Optional.ofNullable(this.realizedPnl);
		}

		/** The commission paid in {@code asset} as the income tells it: positive paid, negative a rebate. */
		Optional<BigDecimal> commissionPaid(String asset) {
			BigDecimal income = asset.equals(this.asset) ? this.commission
					: this.otherAssets == null ? null : this.otherAssets.get(asset);
			return Optional.ofNullable(income).map(BigDecimal::negate);
		}

	}

}
