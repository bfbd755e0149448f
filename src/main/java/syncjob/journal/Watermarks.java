package syncjob.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Per account, the end of its last completed sync: where the next sync without 'from' starts. */
public final class Watermarks {

	private final NamedParameterJdbcTemplate jdbc;

	public Watermarks(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Instant> find(String account) {
		List<Instant> found = this.jdbc.query("SELECT synced_to FROM sync_watermark WHERE account = :account",
				new MapSqlParameterSource("account", account), (rs, i) -> Timestamps.instant(rs, "synced_to"));
		return found.stream().findFirst();
	}

	/** Moves the watermark to {@code to}; never backwards, since an older window may complete later. */
	public void advance(String account, Instant to, long executionId) {
		MapSqlParameterSource params = new MapSqlParameterSource("account", account)
			.addValue("to", Timestamps.utc(to))
			.addValue("executionId", executionId);
		int updated = this.jdbc.update("""
				UPDATE sync_watermark SET synced_to = :to, job_execution_id = :executionId,
				    updated_at = CURRENT_TIMESTAMP
				WHERE account = :account AND synced_to < :to""", params);
		if (updated == 0) {
			this.jdbc.update("""
					INSERT INTO sync_watermark (account, synced_to, job_execution_id)
					VALUES (:account, :to, :executionId) ON CONFLICT DO NOTHING""", params);
		}
	}

}
