package syncjob.job;

import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import syncjob.command.AccountContexts;

/**
 * Which runner takes a partition request. A worker of one account runs every request itself
 * (its runner refuses an execution launched with another API key). A worker of several
 * accounts ({@link AccountContexts}) hands each request to the context of the account its
 * execution belongs to, so the partition calls the exchange with that account's credentials
 * and the fingerprint check still compares the right key; an account the worker does not
 * know fails its partition, naming it.
 */
final class RemotePartitionRouter implements AutoCloseable {

	private final RemotePartitionRunner local;

	private final CurrentExecution current;

	private final AccountContexts accounts;

	private volatile boolean stopping;

	/** @param accounts the worker's account contexts, or null for a worker of one account */
	RemotePartitionRouter(RemotePartitionRunner local, CurrentExecution current, AccountContexts accounts) {
		this.local = local;
		this.current = current;
		this.accounts = accounts;
	}

	RemotePartitionRunner.Handled handle(StepExecutionRequest request) {
		if (this.accounts == null) {
			return this.local.handle(request);
		}
		if (this.stopping) {
			return RemotePartitionRunner.Handled.NOT_NOW;
		}
		StepExecution execution = this.local.find(request.getStepExecutionId());
		if (execution == null || execution.getStatus() != BatchStatus.STARTING) {
			// unknown, or a redelivery: logged and acknowledged the usual way
			return this.local.handle(request);
		}
		String account = execution.getJobExecution().getJobParameters().getString(SyncWindow.ACCOUNT);
		Optional<RemotePartitionRunner> runner;
		try {
			runner = this.accounts.bean(account, RemotePartitionRunner.class);
		}
		catch (RuntimeException ex) {
			return this.local.refuse(execution, "account " + account + " cannot run on this worker: " + ex.getMessage());
		}
		if (runner.isEmpty()) {
			return this.local.refuse(execution, "this worker's accounts do not include " + account
					+ ": give every worker of a queue every account its managers send to it");
		}
		if (this.stopping) {
			// SIGTERM came while the account's context started: its runner was not told yet
			return RemotePartitionRunner.Handled.NOT_NOW;
		}
		return runner.get().handle(request);
	}

	/** From now on requests go back to the queue, and running partitions stop at their next symbol. */
	void stopTaking() {
		this.stopping = true;
		this.local.stopTaking();
		this.current.requestStop();
		if (this.accounts != null) {
			this.accounts.started(RemotePartitionRunner.class).forEach(RemotePartitionRunner::stopTaking);
			this.accounts.started(CurrentExecution.class).forEach(CurrentExecution::requestStop);
		}
	}

	/** Closes the account contexts, once no partition runs any more. */
	@Override
	public void close() {
		if (this.accounts instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("closing the account contexts: " + ex.getMessage(), ex);
			}
		}
	}

}
