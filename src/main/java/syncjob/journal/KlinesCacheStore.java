package syncjob.journal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import syncjob.lifecycle.Candle;
import syncjob.lifecycle.KlineInterval;

/**
 * {@code klines_cache}: closed candles as an exchange served them, per base URL, a row per saved
 * page of at most {@value #CANDLES_PER_ROW} candles. A row per candle made caching a run's tens of
 * thousands of candles cost more CPU than fetching them. Pages may overlap (a later run saving a
 * range that covers an earlier one's): a candle is closed history, so every copy is the same and
 * a load keeps one. Inserts are idempotent and in key order, so two runs caching the same page at
 * once neither fail nor wait on each other in a cycle.
 */
public final class KlinesCacheStore {

	static final int CANDLES_PER_ROW = 1000;

	private static final String KEY = "base_url = :url AND symbol = :symbol AND kline_interval = :interval";

	/** The pages holding any candle opening from :first to :last. */
	private static final String OVERLAPPING = " AND first_open_time <= :last AND last_open_time >= :first";

	private static final String INSERT = """
			INSERT INTO klines_cache (base_url, symbol, kline_interval, first_open_time, last_open_time,
			    candle_count, candles)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING""";

	private final NamedParameterJdbcTemplate jdbc;

	public KlinesCacheStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The candles opening from {@code first} to {@code last}, both included, by open time. */
	public List<Candle> load(String baseUrl, String symbol, KlineInterval interval, Instant first, Instant last) {
		TreeMap<Instant, Candle> found = new TreeMap<>();
		this.jdbc.query("SELECT candles FROM klines_cache WHERE " + KEY + OVERLAPPING,
				span(key(baseUrl, symbol, interval), first, last), (rs) -> {
					for (Candle candle : CandleText.read(rs.getString(1),
							(open) -> !open.isBefore(first) && !open.isAfter(last))) {
						found.putIfAbsent(candle.openTime(), candle);
					}
				});
		return List.copyOf(found.values());
	}

	/**
	 * The candles opening at any of {@code openTimes}. The pages' bounds are read first, and only
	 * the pages holding a wanted minute are read whole: fee minutes lie scattered over months.
	 */
	public List<Candle> load(String baseUrl, String symbol, KlineInterval interval, Collection<Instant> openTimes) {
		if (openTimes.isEmpty()) {
			return List.of();
		}
		NavigableSet<Instant> wanted = new TreeSet<>(openTimes);
		MapSqlParameterSource key = key(baseUrl, symbol, interval);
		List<Instant[]> pages = this.jdbc.query(
				"SELECT first_open_time, last_open_time FROM klines_cache WHERE " + KEY + OVERLAPPING,
				span(key, wanted.first(), wanted.last()),
				(rs, i) -> new Instant[] { Timestamps.instant(rs, "first_open_time"),
						Timestamps.instant(rs, "last_open_time") });
		TreeMap<Instant, Candle> found = new TreeMap<>();
		for (Instant[] page : pages) {
			NavigableSet<Instant> inPage = wanted.subSet(page[0], true, page[1], true);
			if (inPage.isEmpty() || found.keySet().containsAll(inPage)) {
				continue;
			}
			String text = this.jdbc.queryForObject("SELECT candles FROM klines_cache WHERE " + KEY
					+ " AND first_open_time = :first AND last_open_time = :last", span(key, page[0], page[1]),
					String.class);
			for (Candle candle : CandleText.read(text, inPage::contains)) {
				found.putIfAbsent(candle.openTime(), candle);
			}
		}
		return List.copyOf(found.values());
	}

	/** Keeps the candles; a page already kept stays as it is. */
	public void save(String baseUrl, String symbol, KlineInterval interval, List<Candle> candles) {
		List<Candle> sorted = candles.stream().sorted(Comparator.comparing(Candle::openTime)).toList();
		List<List<Candle>> pages = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i += CANDLES_PER_ROW) {
			pages.add(sorted.subList(i, Math.min(sorted.size(), i + CANDLES_PER_ROW)));
		}
		String code = interval.code();
		this.jdbc.getJdbcTemplate().batchUpdate(INSERT, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				List<Candle> page = pages.get(i);
				ps.setString(1, baseUrl);
				ps.setString(2, symbol);
				ps.setString(3, code);
				ps.setObject(4, Timestamps.utc(page.get(0).openTime()));
				ps.setObject(5, Timestamps.utc(page.get(page.size() - 1).openTime()));
				ps.setInt(6, page.size());
				ps.setString(7, CandleText.write(page));
			}

			@Override
			public int getBatchSize() {
				return pages.size();
			}

		});
	}

	private static MapSqlParameterSource key(String baseUrl, String symbol, KlineInterval interval) {
		return new MapSqlParameterSource("url", baseUrl).addValue("symbol", symbol)
			.addValue("interval", interval.code());
	}

	private static MapSqlParameterSource span(MapSqlParameterSource key, Instant first, Instant last) {
		return new MapSqlParameterSource(key.getValues()).addValue("first", Timestamps.utc(first))
			.addValue("last", Timestamps.utc(last));
	}

	/** A page's candles as text: a line per candle, its open time in epoch milliseconds and its prices as served. */
	static final class CandleText {

		private CandleText() {
		}

		static String write(List<Candle> candles) {
			StringBuilder text = new StringBuilder(candles.size() * 64);
			for (Candle candle : candles) {
				text.append(candle.openTime().toEpochMilli()).append(' ');
				PlainDecimal.append(text, candle.open()).append(' ');
				PlainDecimal.append(text, candle.high()).append(' ');
				PlainDecimal.append(text, candle.low()).append(' ');
				PlainDecimal.append(text, candle.close()).append('\n');
			}
			return text.toString();
		}

		/**
		 * The page's candles whose open time is {@code wanted}. Only their prices are parsed: a
		 * fee minute's page is read for one or two of its thousand candles.
		 */
		static List<Candle> read(String text, Predicate<Instant> wanted) {
			List<Candle> candles = new ArrayList<>();
			int line = 0;
			while (line < text.length()) {
				int end = text.indexOf('\n', line);
				if (end < 0) {
					end = text.length();
				}
				int[] blanks = blanks(text, line, end);
				Instant openTime = Instant.ofEpochMilli(Long.parseLong(text, line, blanks[0], 10));
				if (wanted.test(openTime)) {
					candles.add(new Candle(openTime, price(text, blanks[0], blanks[1]), price(text, blanks[1], blanks[2]),
							price(text, blanks[2], blanks[3]), price(text, blanks[3], end)));
				}
				line = end + 1;
			}
			return candles;
		}

		/** The four blanks between a line's five fields. */
		private static int[] blanks(String text, int line, int end) {
			int[] blanks = new int[4];
			int from = line;
			for (int i = 0; i < blanks.length; i++) {
				blanks[i] = text.indexOf(' ', from);
				if (blanks[i] < 0 || blanks[i] >= end) {
					throw malformed(text, line, end);
				}
				from = blanks[i] + 1;
			}
			for (int i = from; i < end; i++) {
				if (text.charAt(i) == ' ') {
					throw malformed(text, line, end);
				}
			}
			return blanks;
		}

		private static BigDecimal price(String text, int blank, int end) {
			return new BigDecimal(text.substring(blank + 1, end));
		}

		private static IllegalStateException malformed(String text, int line, int end) {
			return new IllegalStateException("klines_cache holds a malformed candle: " + text.substring(line, end));
		}

	}

}
