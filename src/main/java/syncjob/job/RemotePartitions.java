package syncjob.job;

import org.springframework.batch.core.partition.PartitionHandler;

/**
 * With {@code --role=manager}, how the job's work leaves the manager: the income step as one
 * remote partition (so income work scales with the workers) and the symbol batches, each sent
 * to the workers by its own {@link RemotePartitionHandler}.
 */
record RemotePartitions(PartitionHandler income, PartitionHandler symbols) {

}
