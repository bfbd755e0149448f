/**
 * A Binance-compatible simulated USD-M futures exchange: a deterministic account generator
 * and a loopback HTTP server enforcing the real API rules, with options for each reading of
 * Binance's documentation where it leaves behaviour open. It serves the demo, the tests and
 * the benchmarks, since Binance itself is unreachable where we build. The ground truth that
 * judges a sync lives with the tests, in the same package.
 */
package syncjob.simulator;
