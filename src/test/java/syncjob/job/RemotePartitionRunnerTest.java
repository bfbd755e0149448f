package syncjob.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import syncjob.testing.TestDatabase;

/**
 * A worker's handling of partition requests against a real JDBC job repository: AMQP may
 * deliver a request more than once, to several workers at the same moment, and the step
 * execution must still run once.
 */
class RemotePartitionRunnerTest {

	private static final String EXCHANGE = "http://127.0.0.1:1";

	private TestDatabase database;

	private JobRepository repository;

	private final AtomicInteger runs = new AtomicInteger();

	private final Step step = new CountingStep();

	@BeforeEach
	void repository() throws Exception {
		this.database = TestDatabase.h2();
		this.repository = JdbcJobRepositories.onH2(this.database);
	}

	@AfterEach
	void close() {
		this.database.close();
	}

	private StepExecution partition(String exchange) {
		SyncWindow window = new SyncWindow("acct", Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2026-02-01T00:00:00Z"));
		JobInstance instance = this.repository.createJobInstance(SyncJobConfiguration.JOB_NAME,
				window.toParameters());
		JobExecution job = this.repository.createJobExecution(instance, window.toParameters(exchange),
				new ExecutionContext());
		return this.repository.createStepExecution(SyncJobConfiguration.WORKER_STEP + ":partition0", job);
	}

	private RemotePartitionRunner runner(JobRepository repository) {
		return new RemotePartitionRunner(repository, Map.of(SyncJobConfiguration.WORKER_STEP, this.step), EXCHANGE,
				"worker-key");
	}

	private static StepExecutionRequest request(StepExecution execution) {
		return new StepExecutionRequest(SyncJobConfiguration.WORKER_STEP, execution.getId());
	}

	@Test
	void aRequestRunsItsPartitionOnceAndEveryLaterDeliveryIsSkipped() {
		StepExecution partition = partition(EXCHANGE);
		RemotePartitionRunner runner = runner(this.repository);

		assertThat(runner.handle(request(partition))).isEqualTo(RemotePartitionRunner.Handled.RAN);
		assertThat(runner.handle(request(partition))).isEqualTo(RemotePartitionRunner.Handled.SKIPPED);
		assertThat(runner.handle(request(partition))).isEqualTo(RemotePartitionRunner.Handled.SKIPPED);

		assertThat(this.runs).hasValue(1);
		assertThat(this.repository.getStepExecution(partition.getId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void twoWorkersReadingTheSameStartingPartitionAtOnceRunItOnce() throws Exception {
		StepExecution partition = partition(EXCHANGE);
		// both deliveries read the execution before either claims it: the version decides
		CyclicBarrier bothRead = new CyclicBarrier(2);
		JobRepository racing = (JobRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { JobRepository.class }, (proxy, method, args) -> {
					try {
						Object result = method.invoke(this.repository, args);
						if (method.getName().equals("getStepExecution")) {
							bothRead.await(10, TimeUnit.SECONDS);
						}
						return result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
		RemotePartitionRunner runner = runner(racing);
		ExecutorService workers = Executors.newFixedThreadPool(2);
		try {
			Future<RemotePartitionRunner.Handled> first = workers.submit(() -> runner.handle(request(partition)));
			Future<RemotePartitionRunner.Handled> second = workers.submit(() -> runner.handle(request(partition)));

			assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
				.containsExactlyInAnyOrder(RemotePartitionRunner.Handled.RAN, RemotePartitionRunner.Handled.SKIPPED);
		}
		finally {
			workers.shutdownNow();
		}
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void aPartitionStartedElsewhereIsSkipped() {
		StepExecution partition = partition(EXCHANGE);
		partition.setStatus(BatchStatus.STARTED);
		this.repository.update(partition);

		assertThat(runner(this.repository).handle(request(partition)))
			.isEqualTo(RemotePartitionRunner.Handled.SKIPPED);
		assertThat(this.runs).hasValue(0);
		assertThat(this.repository.getStepExecution(partition.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
	}

	@Test
	void aPartitionOfAnotherExchangeFailsWithoutRunning() {
		StepExecution partition = partition("https://fapi.binance.com");

		runner(this.repository).handle(request(partition));

		assertThat(this.runs).hasValue(0);
		StepExecution stored = this.repository.getStepExecution(partition.getId());
		assertThat(stored.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stored.getExitStatus().getExitDescription()).contains("binance.base-url");
	}

	@Test
	void aPartitionLaunchedWithAnotherAccountsKeyFailsWithoutRunning() {
		StepExecution partition = partition(EXCHANGE);
		JobExecution job = partition.getJobExecution();
		CredentialFingerprint.write(job.getExecutionContext(), "manager-key-of-another-account");
		this.repository.updateExecutionContext(job);

		runner(this.repository).handle(request(partition));

		assertThat(this.runs).hasValue(0);
		StepExecution stored = this.repository.getStepExecution(partition.getId());
		assertThat(stored.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stored.getExitStatus().getExitDescription()).contains("another account's API key");
		assertThat(CredentialFingerprint.of("worker-key")).hasSize(16)
			.isNotEqualTo(CredentialFingerprint.of("manager-key-of-another-account"))
			.doesNotContain("worker-key");
	}

	@Test
	void aPartitionLaunchedWithTheWorkersKeyRuns() {
		StepExecution partition = partition(EXCHANGE);
		JobExecution job = partition.getJobExecution();
		CredentialFingerprint.write(job.getExecutionContext(), "worker-key");
		this.repository.updateExecutionContext(job);

		assertThat(runner(this.repository).handle(request(partition))).isEqualTo(RemotePartitionRunner.Handled.RAN);
		assertThat(this.runs).hasValue(1);
	}

	/** A worker of several accounts: one runner per account, each with that account's key. */
	private RemotePartitionRouter router(Map<String, String> keys) {
		Map<String, RemotePartitionRunner> runners = new java.util.HashMap<>();
		keys.forEach((account, key) -> runners.put(account, new RemotePartitionRunner(this.repository,
				Map.of(SyncJobConfiguration.WORKER_STEP, this.step), EXCHANGE, key)));
		syncjob.command.AccountContexts contexts = new syncjob.command.AccountContexts() {

			@Override
			public <T> java.util.Optional<T> bean(String account, Class<T> type) {
				return java.util.Optional.ofNullable(runners.get(account)).map(type::cast);
			}

			@Override
			public <T> List<T> started(Class<T> type) {
				return List.of();
			}

		};
		return new RemotePartitionRouter(new RemotePartitionRunner(this.repository, Map.of(), EXCHANGE, null),
				new CurrentExecution(), contexts);
	}

	@Test
	void aWorkerOfSeveralAccountsRunsARequestWithTheKeyOfItsExecutionsAccount() {
		StepExecution partition = partition(EXCHANGE);
		JobExecution job = partition.getJobExecution();
		CredentialFingerprint.write(job.getExecutionContext(), "acct-key");
		this.repository.updateExecutionContext(job);

		RemotePartitionRunner.Handled handled = router(Map.of("other", "other-key", "acct", "acct-key"))
			.handle(request(partition));

		assertThat(handled).isEqualTo(RemotePartitionRunner.Handled.RAN);
		assertThat(this.runs).hasValue(1);
		assertThat(router(Map.of("acct", "acct-key")).handle(request(partition)))
			.as("delivered again: skipped").isEqualTo(RemotePartitionRunner.Handled.SKIPPED);
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void aWorkerOfSeveralAccountsStillRefusesAnExecutionWhoseKeyIsNotItsAccountsKey() {
		StepExecution partition = partition(EXCHANGE);
		JobExecution job = partition.getJobExecution();
		CredentialFingerprint.write(job.getExecutionContext(), "a-key-acct-never-had");
		this.repository.updateExecutionContext(job);

		router(Map.of("acct", "acct-key")).handle(request(partition));

		assertThat(this.runs).hasValue(0);
		assertThat(this.repository.getStepExecution(partition.getId()).getExitStatus().getExitDescription())
			.contains("another account's API key");
	}

	@Test
	void aRequestOfAnAccountTheWorkerDoesNotHaveFailsItsPartitionNamingTheAccount() {
		StepExecution partition = partition(EXCHANGE);

		router(Map.of("other", "other-key")).handle(request(partition));

		assertThat(this.runs).hasValue(0);
		StepExecution stored = this.repository.getStepExecution(partition.getId());
		assertThat(stored.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stored.getExitStatus().getExitDescription()).contains("do not include acct");
	}

	@Test
	void aRequestForAnExecutionNotInTheRepositoryIsSkipped() {
		assertThat(runner(this.repository).handle(new StepExecutionRequest(SyncJobConfiguration.WORKER_STEP, 999L)))
			.isEqualTo(RemotePartitionRunner.Handled.UNKNOWN);
	}

	@Test
	void theWorkersConverterDeserialisesTheRequestAndNothingElse() {
		SimpleMessageConverter converter = RemoteWorkerConfiguration.requestConverter();
		Message request = converter.toMessage(new StepExecutionRequest("symbolBatch", 42L), new MessageProperties());
		Message other = converter.toMessage(new java.util.Date(), new MessageProperties());

		assertThat(converter.fromMessage(request)).isInstanceOfSatisfying(StepExecutionRequest.class, (r) -> {
			assertThat(r.getStepName()).isEqualTo("symbolBatch");
			assertThat(r.getStepExecutionId()).isEqualTo(42L);
		});
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> converter.fromMessage(other))
			.isInstanceOf(SecurityException.class)
			.hasMessageContaining("java.util.Date");
	}

	/** A step that only counts its runs and records its end, as a real step does. */
	private final class CountingStep implements Step {

		@Override
		public String getName() {
			return SyncJobConfiguration.WORKER_STEP;
		}

		@Override
		public void execute(StepExecution execution) {
			RemotePartitionRunnerTest.this.runs.incrementAndGet();
			execution.setStatus(BatchStatus.COMPLETED);
			execution.setEndTime(LocalDateTime.now());
			RemotePartitionRunnerTest.this.repository.update(execution);
		}

	}

}
