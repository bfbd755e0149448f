package syncjob.journal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import syncjob.lifecycle.OpenPosition;

/**
 * The {@code open_positions} snapshot. Each partition stages its symbols' open streams in its
 * chunk transaction ({@code sync_open_positions}, per job instance, like the reconciliation
 * figures), so a restart that skips committed batches still has theirs; the completed sync then
 * copies them into the account's snapshot in one statement set.
 */
public final class OpenPositionsStore {

	private final NamedParameterJdbcTemplate jdbc;

	public OpenPositionsStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the symbol's staged streams: a partition re-run after a crash stages the same ones. */
	public void stage(long jobInstanceId, String symbol, List<OpenPosition> positions) {
		this.jdbc.update("DELETE FROM sync_open_positions WHERE job_instance_id = :instance AND symbol = :symbol",
				new MapSqlParameterSource("instance", jobInstanceId).addValue("symbol", symbol));
		if (positions.isEmpty()) {
			return;
		}
		SqlParameterSource[] rows = positions.stream()
			.map(p -> new MapSqlParameterSource("instance", jobInstanceId).addValue("symbol", p.stream().symbol())
				.addValue("side", p.stream().positionSide().name())
				.addValue("direction", p.direction().name())
				.addValue("openedAt", Timestamps.utc(p.openedAt()))
				.addValue("quantity", p.quantity())
				.addValue("entryPrice", p.entryPrice())
				.addValue("realizedPnl", p.realizedPnl())
				.addValue("fees", p.fees())
				.addValue("fundingFees", p.fundingFees())
				.addValue("fillCount", p.fillCount())
				.addValue("complete", p.complete()))
			.toArray(SqlParameterSource[]::new);
		this.jdbc.batchUpdate("""
				INSERT INTO sync_open_positions (job_instance_id, symbol, position_side, direction, opened_at,
				    quantity, entry_price, realized_pnl, fees, funding_fees, fill_count, complete)
				VALUES (:instance, :symbol, :side, :direction, :openedAt, :quantity, :entryPrice, :realizedPnl,
				    :fees, :fundingFees, :fillCount, :complete)""", rows);
	}

	/**
	 * Rewrites the account's snapshot from what the job instance staged, unless the snapshot is of
	 * a later time than {@code asOf} (a sync of an older window leaves it alone). Runs in the
	 * caller's transaction, which makes it one rewrite.
	 *
	 * @return whether the snapshot was rewritten
	 */
	public boolean publish(String account, long jobInstanceId, Instant asOf, long executionId) {
		MapSqlParameterSource params = new MapSqlParameterSource("account", account)
			.addValue("instance", jobInstanceId)
			.addValue("asOf", Timestamps.utc(asOf))
			.addValue("executionId", executionId);
		Integer later = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM open_positions_as_of WHERE account = :account AND as_of > :asOf", params,
				Integer.class);
		if (later != null && later > 0) {
			return false;
		}
		this.jdbc.update("DELETE FROM open_positions WHERE account = :account", params);
		this.jdbc.update("""
				INSERT INTO open_positions (account, symbol, position_side, direction, opened_at, quantity,
				    entry_price, realized_pnl, fees, funding_fees, fill_count, complete, as_of, job_execution_id)
				SELECT :account, symbol, position_side, direction, opened_at, quantity, entry_price, realized_pnl,
				    fees, funding_fees, fill_count, complete, :asOf, :executionId
				FROM sync_open_positions WHERE job_instance_id = :instance""", params);
		int updated = this.jdbc.update("""
				UPDATE open_positions_as_of SET as_of = :asOf, job_execution_id = :executionId,
				    updated_at = CURRENT_TIMESTAMP
				WHERE account = :account""", params);
		if (updated == 0) {
			this.jdbc.update("""
					INSERT INTO open_positions_as_of (account, as_of, job_execution_id)
					VALUES (:account, :asOf, :executionId)""", params);
		}
		return true;
	}

}
