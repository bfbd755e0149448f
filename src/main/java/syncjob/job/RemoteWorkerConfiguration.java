package syncjob.job;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.transaction.PlatformTransactionManager;

import syncjob.binance.BinanceSettings;
import syncjob.command.AccountContexts;
import syncjob.journal.SyncNotifier;

/**
 * {@code --role=worker}: a long-running process that takes partition requests from
 * {@code sync.remote.queue} and runs an account's income work or a symbol batch (the same
 * tasklet, reader, processor and writer as one process) against the shared job repository and journal. Each consumer takes
 * one request at a time (prefetch 1), acknowledged only once its partition has ended: a worker
 * that dies leaves its request to be delivered again, and {@link RemotePartitionRunner} makes
 * that redelivery harmless. {@code sync.max-parallel-partitions} requests run at once.
 * A worker of several accounts has this configuration once more in each account's context
 * (marked by {@link AccountContexts.Member}): there it runs that account's partitions and
 * serves no queue.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sync", name = "role", havingValue = "worker")
@EnableIntegration
class RemoteWorkerConfiguration {

	/** How long a stopping worker lets its partitions reach their next symbol. */
	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	@Bean
	@ConditionalOnMissingBean(AccountContexts.Member.class)
	Queue partitionRequestQueue(SyncSettings settings) {
		return QueueBuilder.durable(settings.remote().queue()).build();
	}

	/** The symbol batch step of one process, with progress read from the shared repository. */
	@Bean
	Step remoteSymbolBatchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SymbolHistoryReader symbolReader, SymbolProcessor symbolProcessor, SymbolOutcomeWriter symbolWriter,
			SyncNotifier notifier, Clock clock) {
		// one chunk per partition, as in one process, whatever the manager's sync.symbols-per-partition:
		// the chunk ends when the partition's symbols do
		return new StepBuilder(SyncJobConfiguration.WORKER_STEP, jobRepository)
			.<FetchedSymbol, ProcessedSymbol>chunk(Integer.MAX_VALUE)
			.transactionManager(transactionManager)
			.reader(symbolReader)
			.processor(symbolProcessor)
			.writer(symbolWriter)
			.listener(new RemotePartitionProgress(notifier, jobRepository, clock))
			.build();
	}

	/** An account's income work: fetch, stage, find the symbols (the manager then cuts the batches). */
	@Bean
	Step remoteIncomeWorkStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet incomeTasklet) {
		return SyncJobConfiguration.incomeWorkStep(jobRepository, transactionManager, incomeTasklet,
				SyncJobConfiguration.INCOME_WORK_STEP);
	}

	@Bean
	RemotePartitionRunner remotePartitionRunner(JobRepository jobRepository, Step remoteSymbolBatchStep,
			Step remoteIncomeWorkStep, BinanceSettings binance) {
		return new RemotePartitionRunner(jobRepository, Map.of(SyncJobConfiguration.WORKER_STEP, remoteSymbolBatchStep,
				SyncJobConfiguration.INCOME_WORK_STEP, remoteIncomeWorkStep), binance.displayBaseUrl(), binance.apiKey());
	}

	/**
	 * The queue's consumers, one request at a time each (prefetch 1), acknowledged only once
	 * its partition has ended; {@code sync.max-parallel-partitions} of them.
	 */
	@Bean
	@ConditionalOnMissingBean(AccountContexts.Member.class)
	SimpleMessageListenerContainer partitionRequestConsumers(ConnectionFactory connectionFactory,
			SyncSettings settings) {
		SimpleMessageListenerContainer consumers = new SimpleMessageListenerContainer(connectionFactory);
		consumers.setQueueNames(settings.remote().queue());
		consumers.setAcknowledgeMode(AcknowledgeMode.AUTO);
		consumers.setPrefetchCount(1);
		consumers.setConcurrentConsumers(settings.maxParallelPartitions());
		// a request that cannot be handled is dropped, not redelivered in a loop: its execution
		// stays unfinished and the manager's timeout reports it
		consumers.setDefaultRequeueRejected(false);
		// a stopping worker waits this long for its partitions to reach their next symbol
		consumers.setShutdownTimeout(STOP_GRACE.toMillis());
		consumers.setPhase(RemoteWorker.PHASE - 1);
		return consumers;
	}

	/**
	 * A worker of several accounts (the command line registers their contexts) routes each
	 * request to its account's context; a worker of one account runs them all itself.
	 */
	@Bean
	@ConditionalOnMissingBean(AccountContexts.Member.class)
	RemotePartitionRouter remotePartitionRouter(RemotePartitionRunner remotePartitionRunner, CurrentExecution current,
			ObjectProvider<AccountContexts> accounts) {
		return new RemotePartitionRouter(remotePartitionRunner, current, accounts.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean(AccountContexts.Member.class)
	RemoteWorker remoteWorker(RemotePartitionRouter remotePartitionRouter,
			SimpleMessageListenerContainer partitionRequestConsumers, SyncSettings settings) {
		return new RemoteWorker(remotePartitionRouter, partitionRequestConsumers, settings.remote().queue());
	}

	@Bean
	@ConditionalOnMissingBean(AccountContexts.Member.class)
	IntegrationFlow partitionRequestsFromRabbit(SimpleMessageListenerContainer partitionRequestConsumers,
			RemotePartitionRouter remotePartitionRouter) {
		return IntegrationFlow.from(Amqp.inboundAdapter(partitionRequestConsumers).messageConverter(requestConverter()))
			.handle((message) -> {
				if (remotePartitionRouter.handle((StepExecutionRequest) message.getPayload())
						== RemotePartitionRunner.Handled.NOT_NOW) {
					// back to the queue at once, for a worker that is not stopping
					throw new ImmediateRequeueAmqpException("worker stopping");
				}
			})
			.get();
	}

	/** Java deserialisation of the request class alone (and what it is made of), nothing else. */
	static SimpleMessageConverter requestConverter() {
		SimpleMessageConverter converter = new SimpleMessageConverter();
		converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.Long",
				"java.lang.Number", "java.lang.String"));
		return converter;
	}

}
