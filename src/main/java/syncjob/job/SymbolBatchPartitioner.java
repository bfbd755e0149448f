package syncjob.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per batch of sorted symbols, {@code sync.symbols-per-partition} to a batch.
 * Names are deterministic ({@code batch-001}, ...) because a restart matches partitions to
 * their earlier executions by name.
 */
class SymbolBatchPartitioner implements Partitioner {

	private final List<String> symbols;

	private final int perPartition;

	SymbolBatchPartitioner(List<String> symbols, int perPartition) {
		this.symbols = symbols.stream().sorted().toList();
		this.perPartition = perPartition;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		int count = batchCount(this.symbols.size(), this.perPartition);
		for (int batch = 1; batch <= count; batch++) {
			List<String> slice = this.symbols.subList((batch - 1) * this.perPartition,
					Math.min(this.symbols.size(), batch * this.perPartition));
			partitions.put(name(batch), PartitionContext.create(batch, count, slice));
		}
		return partitions;
	}

	static String name(int batch) {
		return String.format("batch-%03d", batch);
	}

	/** How many batches of {@code perPartition} the symbols make: the last may be smaller. */
	static int batchCount(int symbols, int perPartition) {
		return (symbols + perPartition - 1) / perPartition;
	}

}
