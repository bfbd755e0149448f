package syncjob.simulator;

import java.util.Objects;

/**
 * One account a simulated exchange serves, with the API key and secret that reach it. An
 * exchange serving several accounts tells them apart by the {@code X-MBX-APIKEY} header, as
 * Binance does.
 *
 * @param name how the account is called in banners, logs and test fixtures ({@code acct-1})
 */
public record ServedAccount(String name, SimulatedAccount account, String apiKey, String apiSecret) {

	public ServedAccount {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(apiKey, "apiKey");
		Objects.requireNonNull(apiSecret, "apiSecret");
		if (name.isBlank() || apiKey.isBlank() || apiSecret.isBlank()) {
			throw new IllegalArgumentException("name, apiKey and apiSecret must not be blank");
		}
	}

	/**
	 * An account with credentials derived from {@code seed} the way {@link SimulatorOptions}
	 * derives its own: the account generated from seed 7 has the same key whether it is served
	 * alone or among others.
	 */
	public static ServedAccount withSeededCredentials(String name, SimulatedAccount account, long seed) {
		return new ServedAccount(name, account, SimulatorOptions.credential(seed), SimulatorOptions.credential(~seed));
	}

	@Override
	public String toString() {
		// never the secret: banners and test failures print accounts
		return "ServedAccount[name=" + name + ", apiKey=" + apiKey + "]";
	}
}
