package syncjob.job;

import java.time.Clock;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;

import syncjob.binance.BinanceSettings;

/**
 * {@code --role=manager}: the job runs as in one process, except that the income step (as one
 * partition) and the symbols step hand their partitions to workers over a durable RabbitMQ queue ({@code sync.remote.queue}) and
 * polls the shared job repository for their end ({@link RemotePartitionHandler}). Only this
 * role (and the worker's) touches the broker: without a role nothing connects to it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sync", name = "role", havingValue = "manager")
@EnableIntegration
class RemoteManagerConfiguration {

	@Bean
	Queue partitionRequestQueue(SyncSettings settings) {
		return QueueBuilder.durable(settings.remote().queue()).build();
	}

	@Bean
	DirectChannel partitionRequests() {
		return new DirectChannel();
	}

	/** Persistent messages on a durable queue: a broker restart loses no request. */
	@Bean
	IntegrationFlow partitionRequestsToRabbit(DirectChannel partitionRequests, AmqpTemplate rabbitTemplate,
			SyncSettings settings) {
		return IntegrationFlow.from(partitionRequests)
			.handle(Amqp.outboundAdapter(rabbitTemplate)
				.routingKey(settings.remote().queue())
				.defaultDeliveryMode(MessageDeliveryMode.PERSISTENT))
			.get();
	}

	@Bean
	RemotePartitions remotePartitions(DirectChannel partitionRequests, JobRepository jobRepository,
			ExchangeSnapshot snapshot, SyncSettings settings, BinanceSettings binance, RunStatus status, Clock clock,
			CurrentExecution current) throws Exception {
		return new RemotePartitions(handler(SyncJobConfiguration.INCOME_WORK_STEP, partitionRequests, jobRepository,
				snapshot, settings, binance, status, clock, current),
				handler(SyncJobConfiguration.WORKER_STEP, partitionRequests, jobRepository, snapshot, settings, binance,
						status, clock, current));
	}

	private static PartitionHandler handler(String workerStep, DirectChannel partitionRequests,
			JobRepository jobRepository, ExchangeSnapshot snapshot, SyncSettings settings, BinanceSettings binance,
			RunStatus status, Clock clock, CurrentExecution current) throws Exception {
		MessagingTemplate messaging = new MessagingTemplate();
		messaging.setDefaultChannel(partitionRequests);
		MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
		handler.setStepName(workerStep);
		handler.setMessagingOperations(messaging);
		// a job repository makes it poll for results instead of waiting on a reply channel
		handler.setJobRepository(jobRepository);
		handler.setPollInterval(settings.remote().pollInterval().toMillis());
		handler.setTimeout(settings.partitionTimeout().toMillis());
		handler.afterPropertiesSet();
		return new RemotePartitionHandler(handler, workerStep, snapshot, jobRepository, settings.partitionTimeout(),
				settings.remote().queue(), binance.apiKey(), status, clock, settings.remote().pollInterval(), current);
	}

}
