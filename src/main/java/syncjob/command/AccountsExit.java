package syncjob.command;

import java.util.Collection;

/**
 * The exit code of a run over several accounts: 1 if any account failed, else 2 if any was
 * refused for usage or configuration, else 3 if any completed with differences, else 0.
 * One account's failure is reported, never a reason to stop the others.
 */
public final class AccountsExit {

	private AccountsExit() {
	}

	public static ExitCode of(Collection<ExitCode> accounts) {
		if (accounts.contains(ExitCode.FAILED)) {
			return ExitCode.FAILED;
		}
		if (accounts.contains(ExitCode.USAGE)) {
			return ExitCode.USAGE;
		}
		if (accounts.contains(ExitCode.DIFFERENCES)) {
			return ExitCode.DIFFERENCES;
		}
		return ExitCode.OK;
	}

}
