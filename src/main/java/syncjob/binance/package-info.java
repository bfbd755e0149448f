/**
 * The Binance USD-M futures client: a signed Retrofit API, one request-weight budget shared
 * by every thread of a run, a retry policy for the exchange's failure modes, and fetch plans
 * that get every record with the fewest weighted calls. {@link syncjob.binance.BinanceClient}
 * is the facade the job calls; it knows nothing about Spring, so the job binds
 * {@link syncjob.binance.BinanceSettings} and wires it.
 */
package syncjob.binance;
