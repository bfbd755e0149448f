/**
 * The pure domain of sync-job: exchange records as values, grouping fills into position
 * lifecycles, aggregating them into journal rows, funding attribution, validation and
 * reconciliation. Nothing here knows about Spring, HTTP or JDBC, so every rule of the
 * contract can be tested as plain arithmetic.
 */
package syncjob.lifecycle;
