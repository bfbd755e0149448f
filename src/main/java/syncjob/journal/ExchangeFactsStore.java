package syncjob.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@code exchange_facts}: per exchange base URL and endpoint, how far back an id-only request is
 * known to reach (at least, and not as far as), when that was established and from what.
 */
public final class ExchangeFactsStore {

	/** One stored fact; a null bound is not established. */
	public record Fact(String endpoint, Duration reachesAtLeast, Duration reachesLessThan, Instant establishedAt,
			String evidence) {

	}

	private final NamedParameterJdbcTemplate jdbc;

	public ExchangeFactsStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Fact> load(String baseUrl) {
		return List.copyOf(this.jdbc.query("SELECT * FROM exchange_facts WHERE base_url = :url ORDER BY endpoint",
				new MapSqlParameterSource("url", baseUrl),
				(rs, i) -> new Fact(rs.getString("endpoint"), seconds(rs.getObject("reaches_at_least_seconds")),
						seconds(rs.getObject("reaches_less_than_seconds")), Timestamps.instant(rs, "established_at"),
						rs.getString("evidence"))));
	}

	/** Replaces the endpoint's fact; several runs may establish one at once, the last one stays. */
	public void save(String baseUrl, Fact fact) {
		MapSqlParameterSource params = new MapSqlParameterSource("url", baseUrl).addValue("endpoint", fact.endpoint())
			.addValue("atLeast", fact.reachesAtLeast() == null ? null : fact.reachesAtLeast().toSeconds())
			.addValue("lessThan", fact.reachesLessThan() == null ? null : fact.reachesLessThan().toSeconds())
			.addValue("at", Timestamps.utc(fact.establishedAt()))
			.addValue("evidence", truncate(fact.evidence()));
		int updated = this.jdbc.update("""
				UPDATE exchange_facts SET reaches_at_least_seconds = :atLeast, reaches_less_than_seconds = :lessThan,
				    established_at = :at, evidence = :evidence
				WHERE base_url = :url AND endpoint = :endpoint""", params);
		if (updated == 0) {
			this.jdbc.update("""
					INSERT INTO exchange_facts (base_url, endpoint, reaches_at_least_seconds, reaches_less_than_seconds,
					    established_at, evidence)
					VALUES (:url, :endpoint, :atLeast, :lessThan, :at, :evidence) ON CONFLICT DO NOTHING""", params);
		}
	}

	private static Duration seconds(Object value) {
		return value == null ? null : Duration.ofSeconds(((Number) value).longValue());
	}

	private static String truncate(String text) {
		String value = text == null ? "" : text;
		return value.length() <= 1024 ? value : value.substring(0, 1024);
	}

}
