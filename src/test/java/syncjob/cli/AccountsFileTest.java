package syncjob.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import syncjob.command.UsageException;

/** {@code --sync.accounts-file}: accounts with where their credentials come from; every mistake names its line. */
class AccountsFileTest {

	private static List<AccountEntry> parse(String yaml) {
		return AccountsFile.parse("accounts.yml", new StringReader(yaml));
	}

	@Test
	void eachAccountNamesAnEnvironmentVariableOrAFileForKeyAndSecret() {
		List<AccountEntry> accounts = parse("""
				# two accounts
				accounts:
				  - name: alice
				    api-key-env: ALICE_KEY
				    api-secret-env: ALICE_SECRET
				  - name: bob.eu
				    api-key-file: /run/secrets/bob/key
				    api-secret-file: /run/secrets/bob/secret
				""");

		assertThat(accounts).containsExactly(
				new AccountEntry("alice", new CredentialSource.Environment("ALICE_KEY"),
						new CredentialSource.Environment("ALICE_SECRET"), 3),
				new AccountEntry("bob.eu", new CredentialSource.File(Path.of("/run/secrets/bob/key")),
						new CredentialSource.File(Path.of("/run/secrets/bob/secret")), 6));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			secret in the file          | 5 | 'api-secret' would put a secret in this file | accounts:\\n  - name: a\\n    api-key-env: K\\n    api-secret-env: S\\n    api-secret: abc\\n
			unknown setting             | 3 | unknown setting 'apikey-env'                 | accounts:\\n  - name: a\\n    apikey-env: K\\n
			no name                     | 2 | the account has no name                      | accounts:\\n  - api-key-env: K\\n    api-secret-env: S\\n
			no secret source            | 2 | has no api-secret-env or api-secret-file     | accounts:\\n  - name: a\\n    api-key-env: K\\n
			both sources                | 4 | gives both api-key-env and api-key-file      | accounts:\\n  - name: a\\n    api-key-env: K\\n    api-key-file: /k\\n    api-secret-env: S\\n
			duplicate account           | 5 | account 'a' is listed twice (also on line 2) | accounts:\\n  - name: a\\n    api-key-env: K\\n    api-secret-env: S\\n  - name: a\\n    api-key-env: K\\n    api-secret-env: S\\n
			invalid name                | 2 | 'a b' is not a valid account name            | accounts:\\n  - name: a b\\n    api-key-env: K\\n    api-secret-env: S\\n
			bad variable                | 3 | '1KEY' is not an environment variable name   | accounts:\\n  - name: a\\n    api-key-env: 1KEY\\n    api-secret-env: S\\n
			not a list                  | 1 | 'accounts:' must be a list                   | accounts: alice\\n
			other top-level setting     | 1 | unknown setting 'users'                      | users:\\n  - name: a\\n
			broken YAML                 | 3 | not valid YAML                               | accounts:\\n  - name: a\\n   api-key-env: [K\\n
			empty file                  | 1 | expected 'accounts:'                         | ""
			""")
	void aMistakeIsAUsageErrorNamingItsLine(String mistake, int line, String message, String yaml) {
		String text = yaml.replace("\\n", "\n");

		assertThatThrownBy(() -> parse(text)).as(mistake)
			.isInstanceOf(UsageException.class)
			.hasMessageStartingWith("accounts.yml line " + line + ": ")
			.hasMessageContaining(message);
	}

	@Test
	void credentialsAreReadFromTheSourceAndProblemsNameItNeverAValue(@TempDir Path dir) throws IOException {
		Path key = dir.resolve("key");
		Files.writeString(key, "  the-key\n");
		List<String> problems = new ArrayList<>();
		Map<String, String> env = Map.of("SECRET", "the-secret", "BLANK", " ");

		Optional<String> fromFile = new CredentialSource.File(key).read(env::get, problems::add);
		Optional<String> fromEnv = new CredentialSource.Environment("SECRET").read(env::get, problems::add);
		Optional<String> unset = new CredentialSource.Environment("MISSING").read(env::get, problems::add);
		Optional<String> blank = new CredentialSource.Environment("BLANK").read(env::get, problems::add);
		Optional<String> noFile = new CredentialSource.File(dir.resolve("none")).read(env::get, problems::add);

		assertThat(fromFile).contains("the-key");
		assertThat(fromEnv).contains("the-secret");
		assertThat(unset).isEmpty();
		assertThat(blank).isEmpty();
		assertThat(noFile).isEmpty();
		assertThat(problems).containsExactly("environment variable MISSING is not set",
				"environment variable BLANK is not set",
				"file " + dir.resolve("none") + " cannot be read (NoSuchFileException)");
	}

	@Test
	void accountsNamedOnTheCommandLineTakeTheirCredentialsFromNamedVariables() {
		assertThat(ManyAccountsRun.variable("BINANCE_API_KEY_", "alice.eu-2")).isEqualTo("BINANCE_API_KEY_ALICE_EU_2");
	}
}
