package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinanceSettingsTest {

	private final BinanceSettings valid = BinanceSettings.defaults().withCredentials("key123", "secret456");

	@Test
	void defaultsNeedOnlyCredentials() {
		// when / then
		assertThat(valid.problems()).isEmpty();
		assertThat(BinanceSettings.defaults().problems()).containsExactly(
				"binance.api-key is not set: set BINANCE_API_KEY or --binance.api-key",
				"binance.api-secret is not set: set BINANCE_API_SECRET or --binance.api-secret");
		assertThat(valid.baseUrl()).isEqualTo("https://fapi.binance.com");
		assertThat(valid.recvWindow()).isEqualTo(Duration.ofSeconds(5));
		assertThat(valid.tradeRetentionDays()).isEqualTo(186);
		assertThat(valid.paging()).isEqualTo(PagingMode.AUTO);
	}

	@Test
	void unsetValuesFromABinderTakeTheDefaults() {
		// when
		BinanceSettings bound = new BinanceSettings(null, "k", "s", null, null, null, 5, null, 186, null, null);

		// then
		assertThat(bound).isEqualTo(BinanceSettings.defaults().withCredentials("k", "s"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080", "http://127.3.4.5/", "http://localhost:9000", "http://[::1]:8080",
			"https://fapi.binance.com", "https://testnet.binancefuture.com/" })
	void httpsOrLoopbackBaseUrlsAreAccepted(String url) {
		assertThat(valid.withBaseUrl(url).problems()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://fapi.binance.com", "http://128.0.0.1/", "ftp://x", "not a url" })
	void otherBaseUrlsAreProblemsSayingHowToFixThem(String url) {
		assertThat(valid.withBaseUrl(url).problems()).singleElement()
			.asString()
			.startsWith("binance.base-url")
			.contains("--binance.base-url=");
	}

	@Test
	void nonPositiveValuesAreProblems() {
		// given
		BinanceSettings settings = new BinanceSettings(null, "k", "s", Duration.ofSeconds(61), Duration.ZERO,
				Duration.ofSeconds(-1), 0, Duration.ZERO, 0, Duration.ZERO, null);

		// when / then
		assertThat(settings.problems()).hasSize(7)
			.anySatisfy(p -> assertThat(p).startsWith("binance.recv-window"))
			.anySatisfy(p -> assertThat(p).startsWith("binance.max-retries must be positive, got 0"))
			.anySatisfy(p -> assertThat(p).startsWith("binance.trade-retention-days"))
			.allSatisfy(p -> assertThat(p).contains(": set --binance."));
	}

	@Test
	void toStringRedactsCredentials() {
		// given
		BinanceSettings settings = BinanceSettings.defaults().withCredentials("my-api-key", "my-api-secret");

		// when / then
		assertThat(settings.toString()).doesNotContain("my-api-key").doesNotContain("my-api-secret").contains("redacted");
	}
}
