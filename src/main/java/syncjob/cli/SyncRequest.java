package syncjob.cli;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed command line. The window is not resolved here: {@code to} defaults to the launch
 * time and {@code from} to the account's watermark, which only the running job can read.
 */
public record SyncRequest(boolean help, boolean demo, Optional<Restart> restart, String account,
		Optional<Instant> from, Optional<Instant> to, int days, List<String> springArguments) {

	public static final String DEFAULT_ACCOUNT = "default";

	public static final int DEFAULT_DAYS = 90;

	public SyncRequest {
		Objects.requireNonNull(restart, "restart");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		springArguments = List.copyOf(springArguments);
	}

	static SyncRequest helpOnly() {
		return new SyncRequest(true, false, Optional.empty(), DEFAULT_ACCOUNT, Optional.empty(), Optional.empty(),
				DEFAULT_DAYS, List.of());
	}

}
