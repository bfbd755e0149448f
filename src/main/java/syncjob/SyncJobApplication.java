package syncjob;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotationMetadata;

import syncjob.cli.SyncJobCommand;

/**
 * Entry point of the executable jar: the command decides the exit code of the contract. Only
 * {@code syncjob.job} holds configuration to scan for, and the demo's exchange (its
 * {@code demo} profile) is imported by name: reading every class of the other packages for
 * annotations took a noticeable share of each run's start.
 */
@SpringBootApplication(scanBasePackages = "syncjob.job")
@Import(SyncJobApplication.Demo.class)
public class SyncJobApplication {

	public static void main(String[] args) {
		System.exit(new SyncJobCommand(SyncJobApplication.class, System.out, System.err, System.console() != null)
			.run(args));
	}

	/** The simulator's demo configuration (package-private there; its exchange starts only with the demo profile). */
	static final class Demo implements ImportSelector {

		@Override
		public String[] selectImports(AnnotationMetadata importingClassMetadata) {
			return new String[] { "syncjob.simulator.DemoConfiguration" };
		}

	}

}
