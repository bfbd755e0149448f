/**
 * Access to the journal database: the {@code trade_entries} rows (inserted, and backfilled
 * where a later version added columns), staged income, the per-account watermark and lock,
 * reconciliation reports, the per-partition figures, the open-positions snapshot and the
 * klines cache.
 * Every statement is parameterized; every insert is idempotent.
 */
package syncjob.journal;
