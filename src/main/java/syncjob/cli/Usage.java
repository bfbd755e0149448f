package syncjob.cli;

/**
 * The text printed by {@code --help}: every parameter, option and setting with its default,
 * and the exit codes of the contract. No line is wider than 80 columns.
 */
final class Usage {

	static final String TEXT = """
			sync-job: copies a Binance USD-M futures account's history into a trade journal
			database as round-trip trades (position lifecycles), incrementally, idempotently
			and restartably.

			Usage:
			  java -jar target/sync-job.jar [--option=value ...] [param=value ...]

			Job parameters (name=value, no leading dashes):
			  account=NAME     journal account the trades belong to (default: default)
			  accounts=A,B     several accounts in one run, each its own job (keys from
			                   BINANCE_API_KEY_<NAME>, BINANCE_API_SECRET_<NAME>, or the
			                   accounts file); the exit code is the worst account's
			  from=INSTANT     window start, ISO-8601 instant (2026-09-01T00:00:00Z) or a
			                   date (2026-09-01 = its UTC midnight); default: the account's
			                   watermark (end of its last completed sync), else to - days
			  to=INSTANT       window end, exclusive (default: now); a later one is
			                   clamped to now, with a notice
			  days=N           window length when from is absent and there is no
			                   watermark (default: 90)

			Options:
			  --help           print this text and exit
			  --demo           sync a generated account from the built-in simulated
			                   exchange into the default database, as account 'demo'
			                   unless account= is given; no credentials needed
			  --restart        restart the most recent FAILED or STOPPED execution (also
			                   one left STARTED or UNKNOWN by a killed process); with
			                   nothing to restart, says so and exits 0
			  --restart=ID     restart the execution with that id
			  --status         the account's watermark, its last executions and what
			                   --restart would do; reads the database only, also
			                   while a sync runs
			  --report[=ID]    the full per-symbol reconciliation of that execution
			                   (default: the account's latest)
			  --sql "QUERY"    run one query read-only against the database and print
			                   it as a table, e.g. --sql "select * from trade_entries"
			  --role=manager   run the job, its batches on workers over RabbitMQ
			                   (spring.rabbitmq.*); see docs/scaling.md
			  --role=worker    run batches for managers until SIGTERM; no parameters
			                   but accounts= (or sync.accounts-file): the manager's
			                   accounts, whose credentials it then calls with

			Settings (--name=value, the environment, or ./application.yml):
			  binance.base-url=URL            https://fapi.binance.com (plain http only
			                                  for loopback addresses)
			  binance.api-key=KEY             or BINANCE_API_KEY (none)
			  binance.api-secret=SECRET       or BINANCE_API_SECRET (none)
			  binance.recv-window=DURATION    5s (at most 60s)
			  binance.connect-timeout=D       10s
			  binance.read-timeout=D          30s
			  binance.max-retries=N           5 (5xx, timeouts, -1001/-1007/-1008)
			  binance.max-ban-wait=D          5m (a longer 418 ban fails the run)
			  binance.trade-retention-days=N  186 (how far back fills are asked for)
			  binance.time-resync-interval=D  10m
			  binance.paging=MODE             auto: how fills and orders are paged; auto
			                                  verifies at run time whether id-only
			                                  paging reaches back far enough, then
			                                  chooses; by-id, by-time force one
			  binance.local-address=IP        none (source address of connections; weight
			                                  is counted per IP)
			  binance.weight-share=X          1 (share of the address's weight limit
			                                  this process uses; 0.5 for two workers
			                                  behind one address)
			  sync.symbols-per-partition=N    4 (symbols per batch)
			  sync.max-parallel-partitions=N  one per 128 MB of heap, 2 to 32 (batches
			                                  fetched at once)
			  sync.include-orders=BOOL        true (entry/exit order types)
			  sync.symbols=A,B                none (symbols to sync besides those with
			                                  income in the window)
			  sync.excursions=BOOL            true (mae/mfe columns from klines)
			  sync.value-other-fees=BOOL      true (fees in another asset valued in
			                                  the quote asset: fee_other_quote)
			  sync.home=DIR                   . (the default database is
			                                  DIR/data/sync-job.mv.db; or SYNC_HOME)
			  sync.accounts-file=FILE         none (YAML: each account's name and the env
			                                  variable or file of its key and secret)
			  sync.max-parallel-accounts=N    2 (accounts synced at once)
			  sync.metrics-push-url=URL       none (Prometheus Pushgateway the run's
			                                  metrics are pushed to at its end)
			  sync.role=ROLE                  none (manager or worker; as --role)
			  sync.partition-timeout=D        30m (a manager's wait for its workers)
			  sync.remote.queue=NAME          sync-job.partitions (manager and workers)
			  sync.remote.poll-interval=D     2s (a manager's look at the repository)
			  spring.datasource.url=JDBC-URL  embedded H2 file under sync.home/data/
			  spring.datasource.username=U    sa
			  spring.datasource.password=P    (empty)
			  logging.structured.format.console=ecs  JSON log lines (ecs, logstash,
			                                  gelf) with account and executionId;
			                                  the summary then goes to stderr
			  Any other spring.* or logging.* setting, e.g. logging.level.syncjob=DEBUG.

			Exit codes:
			  0  completed, reconciled; or nothing to do
			  3  completed, but validation rejected some trades or a reconciliation
			     difference remains (see the report)
			  1  failed or stopped (SIGTERM); completed batches are kept, resume with
			     --restart
			  2  invalid usage or configuration, or credentials Binance refuses (the
			     message says what and how to fix it); nothing was written
			""";

	private Usage() {
	}

}
