package syncjob.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.KlineInterval;

/**
 * {@code klines_cache}: closed candles as an exchange served them, per base URL. Inserts are
 * idempotent and in key order, so two runs caching overlapping candles at once neither fail nor
 * wait on each other in a cycle.
 */
public final class KlinesCacheStore {

	/** Open times asked about per query. */
	private static final int TIMES_PER_QUERY = 500;

	private static final String SELECT = "SELECT open_time, open_price, high_price, low_price, close_price "
			+ "FROM klines_cache WHERE base_url = :url AND symbol = :symbol AND kline_interval = :interval";

	private final NamedParameterJdbcTemplate jdbc;

	public KlinesCacheStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The candles opening from {@code first} to {@code last}, both included, by open time. */
	public List<Candle> load(String baseUrl, String symbol, KlineInterval interval, Instant first, Instant last) {
		return List.copyOf(this.jdbc.query(SELECT + " AND open_time >= :first AND open_time <= :last ORDER BY open_time",
				key(baseUrl, symbol, interval).addValue("first", Timestamps.utc(first))
					.addValue("last", Timestamps.utc(last)),
				(rs, i) -> candle(rs)));
	}

	/** The candles opening at any of {@code openTimes}. */
	public List<Candle> load(String baseUrl, String symbol, KlineInterval interval, Collection<Instant> openTimes) {
		List<Object> times = openTimes.stream().map(t -> (Object) Timestamps.utc(t)).toList();
		List<Candle> candles = new ArrayList<>();
		for (int i = 0; i < times.size(); i += TIMES_PER_QUERY) {
			candles.addAll(this.jdbc.query(SELECT + " AND open_time IN (:times)",
					key(baseUrl, symbol, interval).addValue("times",
							times.subList(i, Math.min(times.size(), i + TIMES_PER_QUERY))),
					(rs, n) -> candle(rs)));
		}
		return candles;
	}

	/** Keeps the candles; one already kept stays as it is. */
	public void save(String baseUrl, String symbol, KlineInterval interval, List<Candle> candles) {
		SqlParameterSource[] rows = candles.stream()
			.sorted(Comparator.comparing(Candle::openTime))
			.map(c -> key(baseUrl, symbol, interval).addValue("openTime", Timestamps.utc(c.openTime()))
				.addValue("open", c.open())
				.addValue("high", c.high())
				.addValue("low", c.low())
				.addValue("close", c.close()))
			.toArray(SqlParameterSource[]::new);
		this.jdbc.batchUpdate("""
				INSERT INTO klines_cache (base_url, symbol, kline_interval, open_time, open_price, high_price,
				    low_price, close_price)
				VALUES (:url, :symbol, :interval, :openTime, :open, :high, :low, :close)
				ON CONFLICT DO NOTHING""", rows);
	}

	private static MapSqlParameterSource key(String baseUrl, String symbol, KlineInterval interval) {
		return new MapSqlParameterSource("url", baseUrl).addValue("symbol", symbol)
			.addValue("interval", interval.code());
	}

	private static Candle candle(ResultSet rs) throws SQLException {
		return new Candle(Timestamps.instant(rs, "open_time"), rs.getBigDecimal("open_price"),
				rs.getBigDecimal("high_price"), rs.getBigDecimal("low_price"), rs.getBigDecimal("close_price"));
	}

}
