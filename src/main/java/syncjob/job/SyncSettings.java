package syncjob.job;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;

import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import syncjob.command.AccountsSettings;

/**
 * The {@code sync.*} settings, bound once by Spring Boot: the compact constructor holds the
 * defaults (an unset value binds as null), the annotations the rules and their fixes.
 *
 * @param excursions     measure each trade's excursion over its klines (the {@code mae_*},
 *                       {@code mfe_*} and {@code excursion_interval} columns); default true
 * @param valueOtherFees value commissions paid in another asset at 1-minute closes
 *                       ({@code fee_other_quote}, {@code net_pnl_all_fees}); default true
 * @param home           directory of the default embedded database ({@code <home>/data/});
 *                       default the working directory. The datasource URL reads it as a
 *                       placeholder; bound here so that it is validated and listed with the others
 * @param accountsFile   a YAML file of accounts to sync in one run, each with where its
 *                       credentials come from; default none (one account per run)
 * @param maxParallelAccounts accounts synced at once in a run of several; default 2
 * @param metricsPushUrl a Prometheus Pushgateway the run's metrics are pushed to when it ends
 *                       (grouped by job {@code sync-job} and the account); default none (off)
 * @param role           {@code manager} or {@code worker} for remote partitioning over
 *                       RabbitMQ (the command line's {@code --role}); none: one process
 * @param partitionTimeout how long a manager waits for its workers' partitions before the run
 *                       fails (restartable); default 30 minutes
 * @param remote         the queue and polling of remote partitioning
 */
@ConfigurationProperties("sync")
@Validated
record SyncSettings(@Positive(message = ONE_OR_MORE) Integer symbolsPerPartition,
		@Positive(message = ONE_OR_MORE) Integer maxParallelPartitions, Boolean includeOrders, List<String> symbols,
		Boolean excursions, Boolean valueOtherFees, String home, String accountsFile,
		@Positive(message = ONE_OR_MORE) Integer maxParallelAccounts,
		@jakarta.validation.constraints.Pattern(regexp = "https?://.+",
				message = "must be the http(s) URL of a Prometheus Pushgateway, such as http://pushgateway:9091, "
						+ "or remove the setting to push no metrics") String metricsPushUrl,
		@jakarta.validation.constraints.Pattern(regexp = "(?i)manager|worker",
				message = "must be manager or worker: remove it to run in one process") String role,
		@DurationMin(nanos = 0, inclusive = false, message = POSITIVE_DURATION) Duration partitionTimeout,
		@Valid Remote remote) implements AccountsSettings {

	static final int DEFAULT_SYMBOLS_PER_PARTITION = 4;

	/**
	 * Heap a running partition may take: a batch of four busy symbols holds their fills, income
	 * and rows until it commits (about 30 MB live for 4 x 10 000 fills), and the collector needs
	 * as much again to stay clear of full collections. At 64 MB per partition the 1M-fill
	 * benchmark at {@code -Xmx256m} ran four at once through a dozen full collections and about a
	 * sixth more CPU than two at once, which had none.
	 */
	static final long HEAP_PER_PARTITION = 128L << 20;

	static final int MIN_DEFAULT_PARALLEL_PARTITIONS = 2;

	static final int MAX_DEFAULT_PARALLEL_PARTITIONS = 32;

	static final String DEFAULT_HOME = ".";

	static final int DEFAULT_MAX_PARALLEL_ACCOUNTS = 2;
	static final Duration DEFAULT_PARTITION_TIMEOUT = Duration.ofMinutes(30);

	static final String POSITIVE_DURATION = "must be a positive duration such as 30m or 90s, "
			+ "or remove the setting for its default";

	static final String ONE_OR_MORE = "must be a positive whole number: set it to 1 or more, "
			+ "or remove the setting for its default";

	SyncSettings {
		symbolsPerPartition = symbolsPerPartition == null ? DEFAULT_SYMBOLS_PER_PARTITION : symbolsPerPartition;
		maxParallelPartitions = maxParallelPartitions == null
				? defaultMaxParallelPartitions(Runtime.getRuntime().maxMemory()) : maxParallelPartitions;
		includeOrders = includeOrders == null || includeOrders;
		excursions = excursions == null || excursions;
		valueOtherFees = valueOtherFees == null || valueOtherFees;
		home = home == null || home.isBlank() ? DEFAULT_HOME : home.strip();
		accountsFile = accountsFile == null || accountsFile.isBlank() ? null : accountsFile.strip();
		maxParallelAccounts = maxParallelAccounts == null ? DEFAULT_MAX_PARALLEL_ACCOUNTS : maxParallelAccounts;
		metricsPushUrl = metricsPushUrl == null || metricsPushUrl.isBlank() ? null : metricsPushUrl.strip();
		role = role == null || role.isBlank() ? null : role.toLowerCase(java.util.Locale.ROOT);
		partitionTimeout = partitionTimeout == null ? DEFAULT_PARTITION_TIMEOUT : partitionTimeout;
		remote = remote == null ? new Remote(null, null) : remote;
		symbols = symbols == null ? List.of()
				: symbols.stream().map(String::trim).filter((s) -> !s.isEmpty()).sorted().distinct().toList();
	}

	/**
	 * Unset, as many batches run at once as the heap holds (one per {@link #HEAP_PER_PARTITION}),
	 * from 2 to 32: an account of 30 symbols runs all its batches at once on a default heap of
	 * 1 GB or more, and a 256 MB heap keeps two.
	 */
	static int defaultMaxParallelPartitions(long maxHeapBytes) {
		long fits = maxHeapBytes / HEAP_PER_PARTITION;
		return (int) Math.max(MIN_DEFAULT_PARALLEL_PARTITIONS, Math.min(MAX_DEFAULT_PARALLEL_PARTITIONS, fits));
	}

	boolean isManager() {
		return "manager".equals(this.role);
	}

	boolean isWorker() {
		return "worker".equals(this.role);
	}

	/**
	 * Remote partitioning ({@code sync.remote.*}): the manager and its workers name the same queue.
	 *
	 * @param queue        the durable RabbitMQ queue of partition requests; default
	 *                     {@code sync-job.partitions}
	 * @param pollInterval how often the manager reads the job repository for finished
	 *                     partitions; default 2s
	 */
	record Remote(@jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9._:-]{1,200}",
			message = "must be 1 to 200 letters, digits and . _ : -") String queue,
			@DurationMin(nanos = 0, inclusive = false, message = POSITIVE_DURATION) Duration pollInterval) {

		static final String DEFAULT_QUEUE = "sync-job.partitions";

		static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

		Remote {
			queue = queue == null || queue.isBlank() ? DEFAULT_QUEUE : queue;
			pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
		}

	}

}
