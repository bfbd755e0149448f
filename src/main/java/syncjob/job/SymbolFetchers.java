package syncjob.job;

import org.springframework.core.task.AsyncTaskExecutor;

/**
 * The threads a partition's reader fetches on: one task per symbol on {@code symbols} (bounded,
 * shared by every partition), and per symbol its orders on {@code orders} (a thread each, so a
 * symbol task never waits for work queued behind itself).
 */
record SymbolFetchers(AsyncTaskExecutor symbols, AsyncTaskExecutor orders) {
}
