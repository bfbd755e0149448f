/**
 * A Binance-compatible simulated USD-M futures exchange: a deterministic account generator,
 * its ground truth, and a loopback HTTP server enforcing the real API rules. It serves the
 * demo, the tests and the benchmarks, since Binance itself is unreachable where we build.
 */
package syncjob.simulator;
