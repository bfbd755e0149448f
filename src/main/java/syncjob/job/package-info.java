/**
 * Spring Batch wiring of {@code binanceSyncJob}: the income step, the partitioned step
 * (one partition per batch of symbols: read from Binance, process with the lifecycle
 * domain, write idempotently), the reconciliation step, and the launcher that resolves the
 * window, holds the account lock, restarts, and maps outcomes to exit codes. Only wiring:
 * the rules live in {@code lifecycle}, the API in {@code binance}, the SQL in {@code journal}.
 */
package syncjob.job;
