package syncjob.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Which account's credentials a remote execution was launched with, as a short one-way
 * fingerprint of the API key (never the key or the secret): a worker holding another
 * account's credentials refuses the execution's partitions instead of writing one account's
 * fills under another account's name.
 */
final class CredentialFingerprint {

	private static final String KEY = "remote.credentials";

	private CredentialFingerprint() {
	}

	static String of(String apiKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("sync-job:" + apiKey).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void write(ExecutionContext jobContext, String apiKey) {
		if (apiKey != null) {
			jobContext.putString(KEY, of(apiKey));
		}
	}

	static Optional<String> read(ExecutionContext jobContext) {
		return jobContext.containsKey(KEY) ? Optional.of(jobContext.getString(KEY)) : Optional.empty();
	}

}
