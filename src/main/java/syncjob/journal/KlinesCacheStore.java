package syncjob.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

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

	private static final String INSERT = """
			INSERT INTO klines_cache (base_url, symbol, kline_interval, open_time, open_price, high_price,
			    low_price, close_price)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING""";

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

	/**
	 * Keeps the candles; one already kept stays as it is. Bound by position: a run caches tens of
	 * thousands of candles, and named parameters cost more than H2's own insert per row.
	 */
	public void save(String baseUrl, String symbol, KlineInterval interval, List<Candle> candles) {
		List<Candle> sorted = candles.stream().sorted(Comparator.comparing(Candle::openTime)).toList();
		String code = interval.code();
		this.jdbc.getJdbcTemplate().batchUpdate(INSERT, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				Candle candle = sorted.get(i);
				ps.setString(1, baseUrl);
				ps.setString(2, symbol);
				ps.setString(3, code);
				ps.setObject(4, Timestamps.utc(candle.openTime()));
				ps.setBigDecimal(5, candle.open());
				ps.setBigDecimal(6, candle.high());
				ps.setBigDecimal(7, candle.low());
				ps.setBigDecimal(8, candle.close());
			}

			@Override
			public int getBatchSize() {
				return sorted.size();
			}

		});
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
