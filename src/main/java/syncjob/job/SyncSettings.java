package syncjob.job;

import java.util.List;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code sync.*} settings, bound once by Spring Boot: the compact constructor holds the
 * defaults (an unset value binds as null), the annotations the rules and their fixes.
 */
@ConfigurationProperties("sync")
@Validated
record SyncSettings(@Positive(message = ONE_OR_MORE) Integer symbolsPerPartition,
		@Positive(message = ONE_OR_MORE) Integer maxParallelPartitions, Boolean includeOrders, List<String> symbols) {

	static final int DEFAULT_SYMBOLS_PER_PARTITION = 4;

	static final int DEFAULT_MAX_PARALLEL_PARTITIONS = 4;

	static final String ONE_OR_MORE = "must be a positive whole number: set it to 1 or more, "
			+ "or remove the setting for its default";

	SyncSettings {
		symbolsPerPartition = symbolsPerPartition == null ? DEFAULT_SYMBOLS_PER_PARTITION : symbolsPerPartition;
		maxParallelPartitions = maxParallelPartitions == null ? DEFAULT_MAX_PARALLEL_PARTITIONS
				: maxParallelPartitions;
		includeOrders = includeOrders == null || includeOrders;
		symbols = symbols == null ? List.of()
				: symbols.stream().map(String::trim).filter((s) -> !s.isEmpty()).sorted().distinct().toList();
	}

}
