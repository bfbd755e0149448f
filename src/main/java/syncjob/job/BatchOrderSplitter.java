package syncjob.job;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Batch's splitter hands partitions over as a hash set; this one keeps them in batch order,
 * so the executor starts batch 1 first and progress reads in order.
 */
final class BatchOrderSplitter implements StepExecutionSplitter {

	private final SimpleStepExecutionSplitter delegate;

	BatchOrderSplitter(JobRepository jobRepository, String stepName, Partitioner partitioner) {
		this.delegate = new SimpleStepExecutionSplitter(jobRepository, stepName, partitioner);
	}

	@Override
	public String getStepName() {
		return this.delegate.getStepName();
	}

	@Override
	public Set<StepExecution> split(StepExecution stepExecution, int gridSize) throws JobExecutionException {
		Set<StepExecution> ordered = new LinkedHashSet<>();
		this.delegate.split(stepExecution, gridSize)
			.stream()
			.sorted(Comparator.comparing(StepExecution::getStepName))
			.forEach(ordered::add);
		return ordered;
	}

}
