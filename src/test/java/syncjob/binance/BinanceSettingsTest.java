package syncjob.binance;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;


import static org.assertj.core.api.Assertions.assertThat;

class BinanceSettingsTest {

	private static final String KEY = "key-0123456789abcdef";

	private static final String SECRET = "secret-0123456789abcdef";

	private final BinanceSettings valid = BinanceSettings.defaults().withCredentials(KEY, SECRET);

	private static BinanceSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("binance",
				BinanceSettings.class);
	}

	@Test
	void defaultsNeedOnlyCredentials() {
		assertThat(this.valid.problems()).isEmpty();
		assertThat(BinanceSettings.defaults().problems()).containsExactly(
				"binance.api-key is not set: set BINANCE_API_KEY or --binance.api-key",
				"binance.api-secret is not set: set BINANCE_API_SECRET or --binance.api-secret");
		assertThat(this.valid.baseUrl()).isEqualTo("https://fapi.binance.com");
		assertThat(this.valid.recvWindow()).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.valid.tradeRetentionDays()).as("six calendar months are at most 184 days").isEqualTo(186);
		assertThat(this.valid.paging()).isEqualTo(PagingMode.AUTO);
	}

	@Test
	void springBootBindsTheSettingsWithTheirDefaultsAndRelaxedNames() {
		BinanceSettings bound = bind(Map.of("binance.api-key", "k", "binance.api-secret", "s", "binance.paging",
				"by-id", "binance.read-timeout", "45s", "binance.max-retries", "7"));

		assertThat(bound).isEqualTo(new BinanceSettings(null, "k", "s", null, null, Duration.ofSeconds(45), 7, null,
				null, null, PagingMode.BY_ID));
		assertThat(bind(Map.of()).tradeRetentionDays()).isEqualTo(186);
		assertThat(bind(Map.of("binance.paging", "BY_TIME")).paging()).isEqualTo(PagingMode.BY_TIME);
	}

	@Test
	void unsetValuesTakeTheDefaults() {
		BinanceSettings bound = new BinanceSettings(null, "k", "s", null, null, null, 5, null, 186, null);

		assertThat(bound).isEqualTo(BinanceSettings.defaults().withCredentials("k", "s"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080", "http://127.3.4.5/", "http://localhost:9000", "http://[::1]:8080",
			"https://fapi.binance.com", "https://testnet.binancefuture.com/" })
	void httpsOrLoopbackBaseUrlsAreAccepted(String url) {
		assertThat(this.valid.withBaseUrl(url).problems()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://fapi.binance.com", "http://128.0.0.1/", "ftp://x", "not a url" })
	void otherBaseUrlsAreProblemsSayingHowToFixThem(String url) {
		assertThat(this.valid.withBaseUrl(url).problems()).singleElement()
			.asString()
			.startsWith("binance.base-url")
			.contains("set --binance.base-url=https://");
	}

	@Test
	void nonPositiveValuesAreProblemsNamingTheSettingAndTheFix() {
		BinanceSettings settings = new BinanceSettings(null, KEY, SECRET, Duration.ofSeconds(61), Duration.ZERO,
				Duration.ofSeconds(-1), 0, Duration.ZERO, 0, Duration.ZERO);

		assertThat(settings.problems()).hasSize(7)
			.anySatisfy((p) -> assertThat(p).startsWith("binance.recv-window").contains("at most 60s"))
			.anySatisfy((p) -> assertThat(p).startsWith("binance.max-retries=0 must be a positive whole number"))
			.anySatisfy((p) -> assertThat(p).startsWith("binance.trade-retention-days=0"))
			.anySatisfy((p) -> assertThat(p).startsWith("binance.connect-timeout=PT0S must be a positive duration"))
			.allSatisfy((p) -> assertThat(p).contains("remove the setting for its default"));
	}

	@Test
	void aKeyWithSpacesIsAProblem() {
		assertThat(BinanceSettings.defaults().withCredentials("my key 0123456789abcdef", SECRET).problems()).singleElement()
			.asString()
			.startsWith("binance.api-key=")
			.contains("copy the key again")
			.doesNotContain("my key");
	}

	@Test
	void credentialsTooShortToBeRealAreProblemsThatNeverShowTheValue() {
		assertThat(BinanceSettings.defaults().withCredentials("k", "s").problems()).containsExactly(
				"binance.api-key is shorter than 16 characters, too short to be a Binance credential (they have 64): "
						+ "copy the whole value from the Binance API management page into BINANCE_API_KEY or "
						+ "--binance.api-key",
				"binance.api-secret is shorter than 16 characters, too short to be a Binance credential (they have 64): "
						+ "copy the whole value from the Binance API management page into BINANCE_API_SECRET or "
						+ "--binance.api-secret");
		assertThat(BinanceSettings.defaults().withCredentials("0123456789abcde", SECRET).credentialProblems())
			.singleElement()
			.asString()
			.startsWith("binance.api-key is shorter than 16");
		assertThat(BinanceSettings.defaults().withCredentials("0123456789abcdef", SECRET).credentialProblems())
			.isEmpty();
	}

	@Test
	void toStringAndTheDisplayedUrlRedactCredentials() {
		BinanceSettings settings = BinanceSettings.defaults()
			.withCredentials("my-api-key-0123456789", "my-api-secret-0123456789")
			.withBaseUrl("https://user:pass@fapi.binance.com/");

		assertThat(settings.toString()).doesNotContain("my-api-key", "my-api-secret", "pass").contains("redacted");
		assertThat(settings.displayBaseUrl()).isEqualTo("https://fapi.binance.com:443/");
	}

}
