/**
 * Spring Batch wiring of {@code binanceSyncJob}: the income step, the partitioned step (one
 * partition per batch of {@code sync.symbols-per-partition} symbols: read from Binance,
 * process with the lifecycle domain, write idempotently), the reconciliation step, and the
 * runner the command line calls through {@link syncjob.command.SyncRunner}: window
 * resolution, stale-execution recovery, the account lock and exit-code mapping. Only wiring:
 * the rules live in {@code lifecycle}, the API in {@code binance}, the SQL in {@code journal},
 * the operator's words in {@code cli}. With {@code --role=manager} the income work and the
 * batches go to {@code --role=worker} processes over RabbitMQ ({@code Remote*} classes), which
 * share the job repository; without a role nothing connects to a broker. Nothing imports this
 * package.
 */
package syncjob.job;
