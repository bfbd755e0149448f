package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/simulator --accounts N}: distinct generated accounts, keys and credential files. */
class GeneratedAccountsTest {

	private static final Instant END = Instant.parse("2026-09-01T00:00:00Z");

	private static List<ServedAccount> three() {
		return GeneratedAccounts.generate(3, 7, seed -> GeneratorConfig.of(seed, 2, 10, END));
	}

	@Test
	void accountIIsGeneratedFromSeedPlusIMinusOneWithItsOwnKey() {
		List<ServedAccount> accounts = three();

		assertThat(accounts).extracting(ServedAccount::name).containsExactly("acct-1", "acct-2", "acct-3");
		// acct-1 is exactly what its seed generates alone; the others trade the symbols theirs pick,
		// priced on the one market's paths
		assertThat(accounts.get(0).account()).isEqualTo(AccountGenerator.generate(GeneratorConfig.of(7, 2, 10, END)));
		assertThat(accounts.get(1).account().symbols())
			.isEqualTo(AccountGenerator.generate(GeneratorConfig.of(8, 2, 10, END)).symbols());
		assertThat(accounts.stream().map(ServedAccount::apiKey).collect(Collectors.toSet())).hasSize(3);
		assertThat(accounts.stream().map(ServedAccount::account).collect(Collectors.toSet())).hasSize(3);
		// acct-1 is what a single-account simulator with the same seed serves, under the same key
		SimulatorOptions single = SimulatorOptions.builder().seed(7).build();
		assertThat(accounts.get(0).apiKey()).isEqualTo(single.apiKey());
		assertThat(accounts.get(0).apiSecret()).isEqualTo(single.apiSecret());
	}

	@Test
	void credentialsGoToOwnerOnlyFilesAndTheAccountsFileNamesThemWithoutSecrets(@TempDir Path dir)
			throws IOException {
		List<ServedAccount> accounts = three();

		Path file = GeneratedAccounts.writeCredentials(accounts, dir);

		String yaml = Files.readString(file);
		for (ServedAccount account : accounts) {
			Path key = dir.resolve(account.name() + ".key");
			assertThat(Files.readString(key).strip()).isEqualTo(account.apiKey());
			assertThat(Files.readString(dir.resolve(account.name() + ".secret")).strip()).isEqualTo(account.apiSecret());
			assertThat(Files.getPosixFilePermissions(key)).isEqualTo(
					Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
							java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
			assertThat(yaml).contains("- name: " + account.name(), "api-key-file: " + key.toAbsolutePath())
				.doesNotContain(account.apiKey())
				.doesNotContain(account.apiSecret());
		}
	}

	@Test
	void theUsageNamesTheAccountsOptions() {
		assertThat(SimulatorMain.USAGE).contains("--accounts N", "--credentials-dir DIR");
		assertThat(SimulatorMain.parse(new String[] { "--accounts", "12" })).containsKey("accounts");
	}
}
