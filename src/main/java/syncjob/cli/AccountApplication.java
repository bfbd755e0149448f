package syncjob.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;

/** The Spring application of one account's context inside a process of several accounts. */
final class AccountApplication {

	private AccountApplication() {
	}

	/**
	 * Quiet (the process has started and said so already), and naming its main class: an
	 * account's context starts on a thread with no {@code main} on its stack, where Spring Boot
	 * finds no main class, and the context the build generated ahead of time (used under
	 * {@code scripts/sync-job}) is looked up by that class's name.
	 */
	static SpringApplication of(Class<?> application) {
		SpringApplication app = new SpringApplication(application);
		app.setMainApplicationClass(application);
		app.setBannerMode(Banner.Mode.OFF);
		app.setLogStartupInfo(false);
		return app;
	}

}
