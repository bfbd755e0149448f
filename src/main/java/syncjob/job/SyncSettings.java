package syncjob.job;

import java.util.List;

import jakarta.validation.constraints.Positive;

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
 */
@ConfigurationProperties("sync")
@Validated
record SyncSettings(@Positive(message = ONE_OR_MORE) Integer symbolsPerPartition,
		@Positive(message = ONE_OR_MORE) Integer maxParallelPartitions, Boolean includeOrders, List<String> symbols,
		Boolean excursions, Boolean valueOtherFees, String home, String accountsFile,
		@Positive(message = ONE_OR_MORE) Integer maxParallelAccounts,
		@jakarta.validation.constraints.Pattern(regexp = "https?://.+",
				message = "must be the http(s) URL of a Prometheus Pushgateway, such as http://pushgateway:9091, "
						+ "or remove the setting to push no metrics") String metricsPushUrl)
		implements AccountsSettings {

	static final int DEFAULT_SYMBOLS_PER_PARTITION = 4;

	/**
	 * Heap a running partition may take: a batch of four busy symbols holds their fills, income
	 * and rows until it commits (about 50 MB for 4 x 10 000 fills).
	 */
	static final long HEAP_PER_PARTITION = 64L << 20;

	static final int MIN_DEFAULT_PARALLEL_PARTITIONS = 4;

	static final int MAX_DEFAULT_PARALLEL_PARTITIONS = 32;

	static final String DEFAULT_HOME = ".";

	static final int DEFAULT_MAX_PARALLEL_ACCOUNTS = 2;

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
		symbols = symbols == null ? List.of()
				: symbols.stream().map(String::trim).filter((s) -> !s.isEmpty()).sorted().distinct().toList();
	}

	/**
	 * Unset, as many batches run at once as the heap holds (one per {@link #HEAP_PER_PARTITION}),
	 * from 4 to 32: an account of 30 symbols runs all its batches at once on a default heap, and
	 * a 256 MB heap keeps four.
	 */
	static int defaultMaxParallelPartitions(long maxHeapBytes) {
		long fits = maxHeapBytes / HEAP_PER_PARTITION;
		return (int) Math.max(MIN_DEFAULT_PARALLEL_PARTITIONS, Math.min(MAX_DEFAULT_PARALLEL_PARTITIONS, fits));
	}

}
