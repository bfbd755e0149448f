package syncjob.job;

import java.util.Map;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.support.ExitCodeMapper;
import org.springframework.batch.core.launch.support.SimpleJvmExitCodeMapper;

import syncjob.command.ExitCode;

/**
 * An execution's exit status as the contract's exit code, through Spring Batch's
 * {@link ExitCodeMapper}: completed 0, completed with differences 3, failed or stopped 1
 * (restartable), anything else the mapper's generic error, 1.
 */
final class ExitCodes {

	private final SimpleJvmExitCodeMapper mapper = new SimpleJvmExitCodeMapper();

	ExitCodes() {
		this.mapper.setMapping(Map.of(ExitStatus.COMPLETED.getExitCode(), ExitCode.OK.code(),
				ReconciliationTasklet.COMPLETED_WITH_DIFFERENCES, ExitCode.DIFFERENCES.code(),
				ExitStatus.FAILED.getExitCode(), ExitCode.FAILED.code(), ExitStatus.STOPPED.getExitCode(),
				ExitCode.FAILED.code()));
	}

	ExitCode of(JobExecution execution) {
		return ExitCode.of(this.mapper.intValue(execution.getExitStatus().getExitCode()));
	}

}
