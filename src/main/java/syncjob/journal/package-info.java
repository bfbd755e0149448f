/**
 * Access to the journal database: the {@code trade_entries} rows, staged income, the
 * per-account watermark and lock, reconciliation reports and the per-partition figures.
 * Every statement is parameterized; every insert is idempotent.
 */
package syncjob.journal;
