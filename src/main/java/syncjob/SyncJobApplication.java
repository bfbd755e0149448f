package syncjob;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import syncjob.cli.SyncJobCommand;

/** Entry point of the executable jar: the command decides the exit code of the contract. */
@SpringBootApplication
public class SyncJobApplication {

	public static void main(String[] args) {
		System.exit(new SyncJobCommand(SyncJobApplication.class, System.out, System.err, System.console() != null)
			.run(args));
	}

}
