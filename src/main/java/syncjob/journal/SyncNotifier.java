package syncjob.journal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells a journal UI that trades arrived: on PostgreSQL, {@code NOTIFY trade_journal_sync}
 * with a JSON payload after each partition commits; elsewhere nothing (no such channel).
 */
public final class SyncNotifier {

	private static final String CHANNEL = "trade_journal_sync";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcTemplate jdbc;

	/** Whether the journal is PostgreSQL, found at the first notification rather than at start-up. */
	private volatile Boolean postgres;

	public SyncNotifier(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	public void partitionCommitted(String account, long executionId, int batch, int batchCount, int inserted,
			long totalInserted, List<String> symbols) {
		if (!postgres()) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account", account);
		payload.put("executionId", executionId);
		payload.put("batch", batch);
		payload.put("batchCount", batchCount);
		payload.put("inserted", inserted);
		payload.put("totalInserted", totalInserted);
		payload.put("symbols", symbols);
		try {
			this.jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, JSON.writeValueAsString(payload));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private boolean postgres() {
		if (this.postgres == null) {
			this.postgres = Boolean.TRUE.equals(this.jdbc.execute(
					(java.sql.Connection c) -> "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())));
		}
		return this.postgres;
	}

}
