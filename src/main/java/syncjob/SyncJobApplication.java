package syncjob;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the executable jar. */
@SpringBootApplication
public class SyncJobApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(SyncJobApplication.class, args)));
	}

}
