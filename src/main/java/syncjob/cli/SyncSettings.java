package syncjob.cli;

import java.util.List;

/** The {@code sync.*} settings. */
public record SyncSettings(int symbolsPerPartition, int maxParallelPartitions, boolean includeOrders,
		List<String> symbols) {

	public SyncSettings {
		symbols = symbols == null ? List.of()
				: symbols.stream().map(String::trim).filter((s) -> !s.isEmpty()).sorted().distinct().toList();
	}

}
