package syncjob.job;

import org.springframework.core.task.AsyncTaskExecutor;

/**
 * The threads the job waits for the exchange on: one task per symbol on {@code symbols}
 * (bounded, shared by every partition), and on {@code ownThread} a thread per task for what
 * runs beside a task that waits for it (a symbol's orders beside its klines, where Binance's
 * income begins beside the income), so that nothing waits for work queued behind itself.
 */
record SymbolFetchers(AsyncTaskExecutor symbols, AsyncTaskExecutor ownThread) {
}
