package syncjob.job;

import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;

import syncjob.journal.TradeEntryRows;
import syncjob.lifecycle.TradeEntry;

/**
 * The idempotent {@code trade_entries} insert, telling how many rows it really inserted: each
 * statement of the batch reports 1 for a new row and 0 for one the unique key skipped. Reading
 * the counts costs nothing, where asking the table which ids it already holds was a query per
 * 500 trades that got slower as the table grew (PostgreSQL plans it before any statistics exist).
 */
class CountingTradeWriter extends JdbcBatchItemWriter<TradeEntry> {

	private int inserted;

	CountingTradeWriter(DataSource dataSource, Long jobExecutionId) {
		setDataSource(dataSource);
		setSql(TradeEntryRows.INSERT);
		setItemSqlParameterSourceProvider((trade) -> TradeEntryRows.parameters(trade, jobExecutionId));
		// a skipped duplicate updates no row, and is not an error
		setAssertUpdates(false);
		afterPropertiesSet();
	}

	/** Inserts the trades (in the caller's transaction) and returns how many were new. */
	int insert(List<TradeEntry> trades) throws Exception {
		this.inserted = 0;
		if (!trades.isEmpty()) {
			write(new Chunk<>(trades));
		}
		return this.inserted;
	}

	@Override
	protected void processUpdateCounts(int[] updateCounts) {
		for (int count : updateCounts) {
			// a driver that does not report per-row counts gives SUCCESS_NO_INFO: the row was
			// written or skipped, and the journal's unique key keeps either outcome correct
			if (count > 0 || count == Statement.SUCCESS_NO_INFO) {
				this.inserted++;
			}
		}
	}

}
