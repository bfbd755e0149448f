package syncjob.cli;

/** The text printed by {@code --help}: parameters, options and exit codes of the contract. */
final class Usage {

	static final String TEXT = """
			sync-job: copies a Binance USD-M futures account's history into a trade journal
			database as round-trip trades (position lifecycles), incrementally, idempotently
			and restartably.

			Usage:
			  java -jar target/sync-job.jar [--option=value ...] [param=value ...]

			Job parameters (name=value, no leading dashes):
			  account=NAME       journal account the trades belong to (default: default)
			  from=INSTANT       window start, ISO-8601 instant (2026-09-01T00:00:00Z) or a date
			                     (2026-09-01 = its UTC midnight); default: the account's
			                     watermark (end of its last completed sync), else to - days
			  to=INSTANT         window end, exclusive (default: now)
			  days=N             window length when from is absent and there is no watermark
			                     (default: 90)

			Options:
			  --help             print this text and exit
			  --demo             sync a generated account from the built-in simulated exchange
			                     into the default database, as account 'demo' unless account=
			                     is given; no credentials needed
			  --restart          restart the most recent FAILED or STOPPED execution (also one
			                     left STARTED by a killed process)
			  --restart=ID       restart the execution with that id
			  --binance.base-url=URL       API base URL (default https://fapi.binance.com;
			                               plain http only for loopback addresses)
			  --binance.api-key=KEY        or environment BINANCE_API_KEY
			  --binance.api-secret=SECRET  or environment BINANCE_API_SECRET
			  --spring.datasource.url=JDBC-URL   journal database (default: embedded H2 under ./data/)
			  --spring.datasource.username=USER  --spring.datasource.password=PASSWORD
			  --sync.symbols-per-partition=N     symbols per batch (default 4)
			  --sync.include-orders=BOOL         fetch orders for entry/exit order types (default true)
			  --sync.symbols=A,B                 symbols to sync besides those with income in the window
			  --sync.max-parallel-partitions=N   batches fetched at once (default 4)
			  Any other binance.*, sync.*, spring.* or logging.* setting (see application.yml).

			Exit codes:
			  0  completed, reconciled
			  3  completed, but validation rejected some trades or a reconciliation difference
			     remains (see the report)
			  1  failed; restartable with --restart
			  2  invalid usage or configuration (the message says what and how to fix it);
			     nothing was written
			""";

	private Usage() {
	}

}
