package syncjob.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.CloseReason;
import syncjob.lifecycle.Direction;
import syncjob.lifecycle.KlineInterval;
import syncjob.lifecycle.OpenPosition;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.StreamKey;
import syncjob.lifecycle.TradeDetails;
import syncjob.lifecycle.TradeEntry;
import syncjob.lifecycle.TradeResult;
import syncjob.lifecycle.ValidationStatus;
import syncjob.testing.TestDatabase;

/**
 * The V4 journal on each database it must run on: a row an earlier version wrote gets the new
 * columns from a later sync of its window, and a stored value is never overwritten; the
 * open-positions snapshot; the klines cache.
 */
abstract class JournalDetailsContract {

	private static final Instant ENTRY = Instant.parse("2026-09-01T10:15:30.123Z");

	private static final Instant EXIT = Instant.parse("2026-09-01T12:00:00Z");

	/** The insert of the version before V4, as it wrote rows. */
	private static final String V3_INSERT = """
			INSERT INTO trade_entries (account, source, binance_trade_id, symbol, direction, position_side,
			    entry_time, exit_time, quantity, entry_price, exit_price, realized_pnl, fees, fee_other,
			    funding_fees, net_pnl, fill_count, max_position, entry_order_type, exit_order_type,
			    validation_status, warnings, job_execution_id)
			VALUES (:account, :source, :binanceTradeId, :symbol, :direction, :positionSide,
			    :entryTime, :exitTime, :quantity, :entryPrice, :exitPrice, :realizedPnl, :fees, :feeOther,
			    :fundingFees, :netPnl, :fillCount, :maxPosition, :entryOrderType, :exitOrderType,
			    :validationStatus, :warnings, :jobExecutionId)
			ON CONFLICT DO NOTHING""";

	private TestDatabase database;

	private NamedParameterJdbcTemplate jdbc;

	abstract TestDatabase newDatabase();

	@BeforeEach
	void create() {
		this.database = newDatabase();
		DataSource dataSource = new DriverManagerDataSource(this.database.url(), this.database.username(),
				this.database.password());
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
	}

	@AfterEach
	void drop() {
		this.database.close();
	}

	private void migrate(String target) {
		Flyway.configure()
			.dataSource(this.database.url(), this.database.username(), this.database.password())
			.target(target)
			.load()
			.migrate();
	}

	@Test
	void aRowAnEarlierVersionWroteGetsTheNewColumnsFromASecondSyncOfItsWindow() {
		migrate("3");
		TradeEntry trade = trade("BTCUSDT-LONG-1", "2.5", details("100.5", "120.25"));
		assertThat(this.jdbc.update(V3_INSERT, TradeEntryRows.parameters(trade, 7L))).isEqualTo(1);
		migrate("latest");
		assertThat(detailColumns("BTCUSDT-LONG-1").values()).as("none before").containsOnlyNulls();

		// the second sync: its insert is skipped by the unique key, then the backfill
		assertThat(insert(trade, 8L)).isZero();
		int filled = new TradeDetailsBackfill(this.jdbc).fill(List.of(trade));

		assertThat(filled).isEqualTo(1);
		assertThat(detailColumns("BTCUSDT-LONG-1")).isEqualTo(expectedColumns(trade.details()));
		assertThat(this.jdbc.getJdbcTemplate()
			.queryForObject("SELECT job_execution_id FROM trade_entries WHERE binance_trade_id = 'BTCUSDT-LONG-1'",
					Long.class))
			.as("the row is the first sync's")
			.isEqualTo(7L);
	}

	@Test
	void aSecondSyncChangesNoValueOfACompleteRow() {
		migrate("latest");
		TradeEntry trade = trade("ETHUSDT-SHORT-9", "2.5", details("100.5", "120.25"));
		insert(trade, 1L);
		Map<String, Object> before = row("ETHUSDT-SHORT-9");

		// computed again with other klines (a candle that was open the first time) and another net PnL
		TradeEntry again = trade("ETHUSDT-SHORT-9", "3", details("99", "121"));
		assertThat(insert(again, 2L)).isZero();
		int filled = new TradeDetailsBackfill(this.jdbc).fill(List.of(again));

		assertThat(filled).isZero();
		assertThat(row("ETHUSDT-SHORT-9")).isEqualTo(before);
	}

	@Test
	void onlyNullColumnsAreFilledAndThoseFromTheNetPnlOnlyWhereTheStoredNetPnlIsTheirs() {
		migrate("latest");
		// written when the klines were not served: no excursion
		TradeEntry noKlines = trade("BTCUSDT-LONG-2", "2.5", details(null, null));
		insert(noKlines, 1L);
		TradeDetails served = details("100.5", "120.25");
		TradeEntry withKlines = trade("BTCUSDT-LONG-2", "2.5",
				new TradeDetails("USDT", 99, served.entryNotional(), served.exitNotional(), served.netReturnPct(),
						served.result(), served.makerRatio(), served.closeReason(), served.feeOtherQuote(),
						served.netPnlAllFees(), served.excursionInterval(), served.maePrice(), served.mfePrice(),
						served.maePct(), served.mfePct(), List.of()));
		// an older row whose stored net PnL differs from this sync's (funding served differently then)
		insertAsAnEarlierVersion("BTCUSDT-LONG-3", "1.75");
		TradeEntry recomputed = trade("BTCUSDT-LONG-3", "2.5", served);

		int filled = new TradeDetailsBackfill(this.jdbc).fill(List.of(withKlines, recomputed));

		assertThat(filled).isEqualTo(2);
		Map<String, Object> second = detailColumns("BTCUSDT-LONG-2");
		assertThat(second).isEqualTo(expectedColumns(served));
		assertThat(second.get("hold_seconds")).as("stored, not overwritten by 99").isEqualTo(3600L);
		Map<String, Object> third = detailColumns("BTCUSDT-LONG-3");
		assertThat(third.get("net_return_pct")).isNull();
		assertThat(third.get("result")).isNull();
		assertThat(third.get("net_pnl_all_fees")).isNull();
		assertThat(third.get("quote_asset")).isEqualTo("USDT");
		assertThat((BigDecimal) third.get("mae_price")).isEqualByComparingTo("100.5");
		assertThat((BigDecimal) third.get("fee_other_quote")).isEqualByComparingTo("0.125");
	}

	@Test
	void openPositionsAreRewrittenFromEveryStagedBatchUnlessTheSnapshotIsOfALaterTime() {
		migrate("latest");
		OpenPositionsStore store = new OpenPositionsStore(this.jdbc);
		Instant t1 = Instant.parse("2026-09-01T00:00:00Z");
		Instant t2 = Instant.parse("2026-09-02T00:00:00Z");
		Instant t3 = Instant.parse("2026-09-03T00:00:00Z");
		// instance 1: two batches staged (the first committed by an earlier execution), one re-staged
		store.stage(1, "BTCUSDT", List.of(position("BTCUSDT", PositionSide.LONG, "1", t2),
				position("BTCUSDT", PositionSide.SHORT, "2", t2)));
		store.stage(1, "ETHUSDT", List.of(position("ETHUSDT", PositionSide.BOTH, "9", t2)));
		store.stage(1, "ETHUSDT", List.of(position("ETHUSDT", PositionSide.BOTH, "3", t2)));
		store.stage(9, "XRPUSDT", List.of(position("XRPUSDT", PositionSide.BOTH, "5", t2)));

		assertThat(store.publish("main", 1, t2, 11)).isTrue();
		assertThat(store.publish("other", 9, t2, 12)).isTrue();

		assertThat(snapshot("main")).containsExactly("BTCUSDT LONG LONG 1 2026-09-02T00:00:00Z 11 true",
				"BTCUSDT SHORT LONG 2 2026-09-02T00:00:00Z 11 true", "ETHUSDT BOTH LONG 3 2026-09-02T00:00:00Z 11 true");
		// an older window leaves it alone; the same time rewrites it; a later one without positions empties it
		store.stage(2, "BTCUSDT", List.of(position("BTCUSDT", PositionSide.LONG, "4", t1)));
		assertThat(store.publish("main", 2, t1, 13)).isFalse();
		assertThat(snapshot("main")).hasSize(3);
		assertThat(store.publish("main", 2, t2, 14)).isTrue();
		assertThat(snapshot("main")).containsExactly("BTCUSDT LONG LONG 4 2026-09-02T00:00:00Z 14 true");
		assertThat(store.publish("main", 3, t3, 15)).isTrue();
		assertThat(snapshot("main")).isEmpty();
		// an empty snapshot still has its time: an older window does not fill it
		assertThat(store.publish("main", 1, t2, 16)).isFalse();
		assertThat(snapshot("main")).isEmpty();
		assertThat(snapshot("other")).containsExactly("XRPUSDT BOTH LONG 5 2026-09-02T00:00:00Z 12 true");
	}

	@Test
	void anIncompleteOpenPositionKeepsItsUnknownsNull() {
		migrate("latest");
		OpenPositionsStore store = new OpenPositionsStore(this.jdbc);
		Instant to = Instant.parse("2026-09-02T00:00:00Z");
		store.stage(1, "BTCUSDT", List.of(new OpenPosition(new StreamKey("BTCUSDT", PositionSide.BOTH),
				Direction.SHORT, null, new BigDecimal("2"), null, new BigDecimal("5"), new BigDecimal("0.0195"),
				new BigDecimal("0.12"), 2, false, to)));

		store.publish("main", 1, to, 3);

		Map<String, Object> row = this.jdbc.getJdbcTemplate().queryForMap("SELECT * FROM open_positions");
		assertThat(row.get("opened_at")).isNull();
		assertThat(row.get("entry_price")).isNull();
		assertThat(row.get("complete")).isEqualTo(false);
		assertThat((BigDecimal) row.get("funding_fees")).isEqualByComparingTo("0.12");
		assertThat(row.get("direction")).isEqualTo("SHORT");
	}

	@Test
	void theKlinesCacheKeepsEachCandleOncePerExchangeExactly() {
		migrate("latest");
		KlinesCacheStore cache = new KlinesCacheStore(this.jdbc);
		Instant minute = Instant.parse("2026-09-01T00:00:00Z");
		List<Candle> candles = List.of(candle(minute.plusSeconds(120), "612.12345678"), candle(minute, "611.5"),
				candle(minute.plusSeconds(60), "612"));

		cache.save("https://fapi.binance.com", "BNBUSDT", KlineInterval.M1, candles);
		cache.save("https://fapi.binance.com", "BNBUSDT", KlineInterval.M1, candles.subList(0, 2));
		cache.save("http://127.0.0.1:8089", "BNBUSDT", KlineInterval.M1, List.of(candle(minute, "1")));

		List<Candle> range = cache.load("https://fapi.binance.com", "BNBUSDT", KlineInterval.M1, minute,
				minute.plusSeconds(60));
		assertThat(range).extracting(Candle::openTime).containsExactly(minute, minute.plusSeconds(60));
		assertThat(range.get(0).close()).isEqualByComparingTo("611.5");
		List<Candle> picked = cache.load("https://fapi.binance.com", "BNBUSDT", KlineInterval.M1,
				List.of(minute.plusSeconds(120), minute.plusSeconds(180)));
		assertThat(picked).singleElement()
			.satisfies(candle -> assertThat(candle.close()).isEqualByComparingTo("612.12345678"));
		assertThat(cache.load("https://fapi.binance.com", "BNBUSDT", KlineInterval.M3, minute, minute)).isEmpty();
		assertThat(cache.load("http://127.0.0.1:8089", "BNBUSDT", KlineInterval.M1, minute, minute))
			.singleElement()
			.satisfies(candle -> assertThat(candle.close()).isEqualByComparingTo("1"));
	}

	@Test
	void theKlinesCacheKeepsLongAndOverlappingRangesAsServed() {
		migrate("latest");
		KlinesCacheStore cache = new KlinesCacheStore(this.jdbc);
		String url = "https://fapi.binance.com";
		Instant minute = Instant.parse("2026-09-01T00:00:00Z");
		List<Candle> day = new java.util.ArrayList<>();
		for (int i = 0; i < 2500; i++) {
			day.add(candle(minute.plusSeconds(60L * i), "0.000012340"));
		}
		// a later run's range that covers the end of the first and goes beyond it
		List<Candle> later = new java.util.ArrayList<>();
		for (int i = 2400; i < 2600; i++) {
			later.add(candle(minute.plusSeconds(60L * i), "0.000012340"));
		}

		cache.save(url, "1000PEPEUSDT", KlineInterval.M1, day);
		cache.save(url, "1000PEPEUSDT", KlineInterval.M1, later);
		cache.save(url, "1000PEPEUSDT", KlineInterval.M1, later);

		assertThat(this.jdbc.getJdbcTemplate().queryForObject("SELECT count(*) FROM klines_cache", Integer.class))
			.as("pages of at most 1000 candles, the same page kept once")
			.isEqualTo(4);
		List<Candle> all = cache.load(url, "1000PEPEUSDT", KlineInterval.M1, minute.plusSeconds(60L * 990),
				minute.plusSeconds(60L * 2599));
		assertThat(all).hasSize(1610);
		assertThat(all).extracting(Candle::openTime).isSorted().doesNotHaveDuplicates();
		assertThat(all.get(0).close().toPlainString()).as("the price as served, scale kept").isEqualTo("0.000012340");
		assertThat(all.get(0).high().toPlainString()).isEqualTo("1.000012340");
		List<Instant> scattered = List.of(minute, minute.plusSeconds(60L * 1500), minute.plusSeconds(60L * 2599),
				minute.plusSeconds(60L * 2600), minute.minusSeconds(60));
		assertThat(cache.load(url, "1000PEPEUSDT", KlineInterval.M1, scattered)).extracting(Candle::openTime)
			.containsExactlyInAnyOrder(minute, minute.plusSeconds(60L * 1500), minute.plusSeconds(60L * 2599));
		assertThat(cache.load(url, "1000PEPEUSDT", KlineInterval.M1, List.of())).isEmpty();
	}

	private int insert(TradeEntry trade, long executionId) {
		return this.jdbc.update(TradeEntryRows.INSERT, TradeEntryRows.parameters(trade, executionId));
	}

	/** A row as an earlier version wrote it (no section 3b column), with the given net PnL. */
	private void insertAsAnEarlierVersion(String tradeId, String netPnl) {
		this.jdbc.update(V3_INSERT, TradeEntryRows.parameters(trade(tradeId, netPnl, null), 1L));
	}

	private Map<String, Object> row(String tradeId) {
		return this.jdbc.getJdbcTemplate()
			.queryForMap("SELECT * FROM trade_entries WHERE binance_trade_id = ?", tradeId);
	}

	/** The section 3b columns of the row, amounts stripped of the scale the database pads. */
	private Map<String, Object> detailColumns(String tradeId) {
		Map<String, Object> row = row(tradeId);
		Map<String, Object> columns = new TreeMap<>();
		for (TradeEntryRows.DetailColumn column : TradeEntryRows.DETAIL_COLUMNS) {
			columns.put(column.column(), normal(row.get(column.column())));
		}
		return columns;
	}

	private static Map<String, Object> expectedColumns(TradeDetails details) {
		TradeEntry holder = trade("X-LONG-1", "0", details);
		Map<String, Object> columns = new TreeMap<>();
		for (TradeEntryRows.DetailColumn column : TradeEntryRows.DETAIL_COLUMNS) {
			columns.put(column.column(), normal(column.valueOf(holder)));
		}
		return columns;
	}

	private static Object normal(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros();
		}
		return value instanceof Number number ? number.longValue() : value;
	}

	/** What the snapshot says, one line per stream: symbol side direction quantity as_of execution complete. */
	private List<String> snapshot(String account) {
		return new JdbcTemplate(this.jdbc.getJdbcTemplate().getDataSource()).query(
				"SELECT * FROM open_positions WHERE account = ? ORDER BY symbol, position_side",
				(rs, i) -> rs.getString("symbol") + " " + rs.getString("position_side") + " "
						+ rs.getString("direction") + " " + rs.getBigDecimal("quantity").stripTrailingZeros().toPlainString()
						+ " " + rs.getObject("as_of", OffsetDateTime.class).toInstant() + " "
						+ rs.getLong("job_execution_id") + " " + rs.getBoolean("complete"),
				account);
	}

	private static OpenPosition position(String symbol, PositionSide side, String quantity, Instant asOf) {
		return new OpenPosition(new StreamKey(symbol, side), Direction.LONG, asOf.minusSeconds(3600),
				new BigDecimal(quantity), new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("0.01"),
				BigDecimal.ZERO, 1, true, asOf);
	}

	/** A trade with {@code netPnl}; every other column fixed. */
	private static TradeEntry trade(String tradeId, String netPnl, TradeDetails details) {
		BigDecimal one = BigDecimal.ONE;
		return new TradeEntry("main", TradeEntry.SOURCE_BINANCE, tradeId, tradeId.substring(0, tradeId.indexOf('-')),
				Direction.LONG, PositionSide.BOTH, ENTRY, EXIT, new BigDecimal("2"), new BigDecimal("101.5"),
				new BigDecimal("103"), new BigDecimal("3"), new BigDecimal("0.5"), "BNB:0.0002", BigDecimal.ZERO,
				new BigDecimal(netPnl), 3, new BigDecimal("2"), "LIMIT", "MARKET", ValidationStatus.WARNING,
				"NON_QUOTE_FEE: BNB:0.0002", details);
	}

	/** Details of the fixed trade; no excursion when {@code mae} is null (klines not served). */
	private static TradeDetails details(String mae, String mfe) {
		boolean served = mae != null;
		return new TradeDetails("USDT", 3600, new BigDecimal("203.000000000000"), new BigDecimal("206.000000000000"),
				new BigDecimal("1.23152709"), TradeResult.WIN, new BigDecimal("0.333333333333"), CloseReason.TRADE,
				new BigDecimal("0.125000000000"), new BigDecimal("2.375000000000"), served ? KlineInterval.M15 : null,
				served ? new BigDecimal(mae) : null, served ? new BigDecimal(mfe) : null,
				served ? new BigDecimal("-0.98522167") : null, served ? new BigDecimal("18.47290640") : null,
				List.of());
	}

	private static Candle candle(Instant openTime, String close) {
		BigDecimal price = new BigDecimal(close);
		return new Candle(openTime, price, price.add(BigDecimal.ONE), price.subtract(BigDecimal.ONE), price);
	}

}
