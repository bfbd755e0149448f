package syncjob.job;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;

import syncjob.journal.TradeEntryRows;
import syncjob.lifecycle.TradeEntry;

/**
 * The idempotent {@code trade_entries} insert, telling which rows it really inserted: each
 * statement of the batch reports 1 for a new row and 0 for one the unique key skipped. Reading
 * the counts costs nothing, where asking the table which ids it already holds was a query per
 * 500 trades that got slower as the table grew (PostgreSQL plans it before any statistics exist).
 */
class CountingTradeWriter extends JdbcBatchItemWriter<TradeEntry> {

	/** Rows per JDBC batch: large enough that round trips do not count, small enough to bound the heap. */
	static final int STATEMENTS_PER_BATCH = 500;

	private List<TradeEntry> writing = List.of();

	private int inserted;

	private final List<TradeEntry> existing = new ArrayList<>();

	CountingTradeWriter(DataSource dataSource, Long jobExecutionId) {
		setDataSource(dataSource);
		// positional: the named form looked every parameter of every row up by name and guessed its type
		setSql(TradeEntryRows.POSITIONAL_INSERT);
		setItemPreparedStatementSetter((trade, statement) -> TradeEntryRows.bind(statement, trade, jobExecutionId));
		// a skipped duplicate updates no row, and is not an error
		setAssertUpdates(false);
		afterPropertiesSet();
	}

	/** Inserts the trades (in the caller's transaction): how many were new, and which were there already. */
	Inserted insert(List<TradeEntry> trades) throws Exception {
		this.inserted = 0;
		this.existing.clear();
		// in slices: the driver holds every batched row's parameters until the batch runs, and a
		// busy batch of symbols writes thousands of rows of some forty columns each
		for (int start = 0; start < trades.size(); start += STATEMENTS_PER_BATCH) {
			this.writing = trades.subList(start, Math.min(trades.size(), start + STATEMENTS_PER_BATCH));
			write(new Chunk<>(this.writing));
		}
		this.writing = List.of();
		return new Inserted(this.inserted, List.copyOf(this.existing));
	}

	@Override
	protected void processUpdateCounts(int[] updateCounts) {
		for (int i = 0; i < updateCounts.length; i++) {
			int count = updateCounts[i];
			// a driver that does not report per-row counts gives SUCCESS_NO_INFO: the row was
			// written or skipped, and the journal's unique key keeps either outcome correct
			if (count > 0 || count == Statement.SUCCESS_NO_INFO) {
				this.inserted++;
			}
			if (count == 0 || count == Statement.SUCCESS_NO_INFO) {
				// may lack columns a later version added: the writer fills those where null
				this.existing.add(this.writing.get(i));
			}
		}
	}

	/**
	 * @param existing the rows the unique key skipped, as this sync computed them
	 */
	record Inserted(int count, List<TradeEntry> existing) {

	}

}
