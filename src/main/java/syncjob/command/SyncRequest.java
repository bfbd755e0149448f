package syncjob.command;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to sync: an account and a window, or a restart. The window is not resolved here:
 * {@code to} defaults to the launch time and {@code from} to the account's watermark, which
 * only the running job can read.
 */
public record SyncRequest(Optional<Restart> restart, String account, Optional<Instant> from, Optional<Instant> to,
		int days) {

	public static final String DEFAULT_ACCOUNT = "default";

	public static final int DEFAULT_DAYS = 90;

	public SyncRequest {
		Objects.requireNonNull(restart, "restart");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
	}

	/** A sync of the account from its watermark (or the last {@link #DEFAULT_DAYS} days) to now. */
	public static SyncRequest of(String account) {
		return new SyncRequest(Optional.empty(), account, Optional.empty(), Optional.empty(), DEFAULT_DAYS);
	}

	public static SyncRequest restarting(Restart restart) {
		return new SyncRequest(Optional.of(restart), DEFAULT_ACCOUNT, Optional.empty(), Optional.empty(),
				DEFAULT_DAYS);
	}

	public boolean isRestart() {
		return this.restart.isPresent();
	}

}
