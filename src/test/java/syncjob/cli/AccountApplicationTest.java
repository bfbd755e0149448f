package syncjob.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/**
 * An account's context starts on a pool thread: its application must name the main class
 * itself, or the context generated ahead of time is not found ("mainApplicationClass not
 * found" for every account of a run under scripts/sync-job).
 */
class AccountApplicationTest {

	@Test
	void anAccountsApplicationNamesItsMainClassOnAThreadWithoutMain() throws InterruptedException {
		AtomicReference<Class<?>> named = new AtomicReference<>();
		AtomicReference<Class<?>> deduced = new AtomicReference<>();
		Thread account = new Thread(() -> {
			named.set(AccountApplication.of(AccountApplicationTest.class).getMainApplicationClass());
			deduced.set(new SpringApplication(AccountApplicationTest.class).getMainApplicationClass());
		}, "account-1");
		account.start();
		account.join();

		assertThat(named.get()).isEqualTo(AccountApplicationTest.class);
		assertThat(deduced.get()).as("what Spring Boot finds there by itself").isNull();
	}

}
