package syncjob.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Many generated accounts for one exchange: {@code acct-1..N}, account {@code i} generated
 * from {@code seed + i - 1} with credentials derived from that seed, so {@code acct-1} is the
 * account (and key) a single-account simulator with the same seed serves. They trade in one
 * market: every account's fills of a symbol are priced on that symbol's one price path, the
 * path {@code acct-1} would trade it at alone (or, for a symbol it does not trade, the first
 * account's that does), so that the klines served are the truth for each of them.
 */
public final class GeneratedAccounts {

	private GeneratedAccounts() {
	}

	/** The name of the {@code i}-th account (from 1). */
	public static String name(int i) {
		return "acct-" + i;
	}

	/** @param config the generator config of each account's seed */
	public static List<ServedAccount> generate(int count, long seed, LongFunction<GeneratorConfig> config) {
		if (count < 1) {
			throw new IllegalArgumentException("accounts must be at least 1, was " + count);
		}
		List<GeneratorConfig> configs = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			configs.add(config.apply(seed + i - 1));
		}
		return generate(configs);
	}

	/**
	 * Accounts {@code acct-1..N} generated from {@code configs} in order into one market, each
	 * with credentials derived from its config's seed.
	 */
	public static List<ServedAccount> generate(List<GeneratorConfig> configs) {
		if (configs.isEmpty()) {
			throw new IllegalArgumentException("accounts must be at least 1, was 0");
		}
		GeneratorMarket market = new GeneratorMarket();
		List<ServedAccount> accounts = new ArrayList<>(configs.size());
		for (int i = 0; i < configs.size(); i++) {
			GeneratorConfig config = configs.get(i);
			accounts.add(ServedAccount.withSeededCredentials(name(i + 1), AccountGenerator.generate(config, market),
					config.seed()));
		}
		return List.copyOf(accounts);
	}

	/**
	 * Writes each account's key and secret to {@code <name>.key} and {@code <name>.secret}
	 * (owner-readable only) and an {@code accounts.yml} naming those files, the form the job's
	 * {@code --sync.accounts-file} reads; secrets never go into the YAML itself.
	 *
	 * @return the accounts file
	 */
	public static Path writeCredentials(List<ServedAccount> accounts, Path directory) {
		try {
			Files.createDirectories(directory);
			StringBuilder yaml = new StringBuilder("# Accounts served by the simulator; credentials are in the files named.\n")
				.append("accounts:\n");
			for (ServedAccount account : accounts) {
				Path key = secretFile(directory.resolve(account.name() + ".key"), account.apiKey());
				Path secret = secretFile(directory.resolve(account.name() + ".secret"), account.apiSecret());
				yaml.append("  - name: ").append(account.name()).append('\n')
					.append("    api-key-file: ").append(key.toAbsolutePath()).append('\n')
					.append("    api-secret-file: ").append(secret.toAbsolutePath()).append('\n');
			}
			Path file = directory.resolve("accounts.yml");
			Files.writeString(file, yaml, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the accounts' credentials to " + directory, e);
		}
	}

	/** One line per account: name, key and secret (the simulator's own throwaway credentials). */
	static void printCredentials(PrintStream out, List<ServedAccount> accounts) {
		for (ServedAccount account : accounts) {
			out.println(account.name() + "  api-key: " + account.apiKey() + "  api-secret: " + account.apiSecret()
					+ "  (" + account.account().symbols().size() + " symbols, " + account.account().fills().size()
					+ " fills)");
		}
	}

	private static Path secretFile(Path path, String value) throws IOException {
		Files.writeString(path, value + "\n", StandardCharsets.UTF_8);
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException e) {
			// not a POSIX file system: the file keeps the directory's default permissions
		}
		return path;
	}
}
