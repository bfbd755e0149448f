package syncjob.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The symbols the income step found, kept in the job's execution context so that a restart
 * partitions exactly as the first execution did.
 */
final class SymbolsToSync {

	private static final String KEY = "symbols";

	private SymbolsToSync() {
	}

	static void write(ExecutionContext jobContext, Collection<String> symbols) {
		jobContext.put(KEY, new ArrayList<>(symbols));
	}

	@SuppressWarnings("unchecked")
	static List<String> read(ExecutionContext jobContext) {
		Object symbols = jobContext.get(KEY);
		return symbols == null ? List.of() : List.copyOf((List<String>) symbols);
	}

}
