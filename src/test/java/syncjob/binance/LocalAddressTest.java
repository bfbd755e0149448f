package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import syncjob.simulator.ClientRequest;
import syncjob.simulator.GeneratorConfig;
import syncjob.testing.ExchangeFixture;

/** {@code binance.local-address}: every connection to the exchange leaves from the address given. */
class LocalAddressTest {

	@Test
	void requestsArriveFromTheConfiguredLocalAddress() {
		try (ExchangeFixture fixture = ExchangeFixture
			.start(GeneratorConfig.of(5, 2, 20, Instant.now()))) {
			BinanceSettings settings = BinanceSettings.defaults()
				.withBaseUrl(fixture.exchange().baseUrl())
				.withCredentials(fixture.exchange().apiKey(), fixture.exchange().apiSecret())
				.withLocalAddress("127.0.0.2");
			try (BinanceClient client = BinanceClient.create(settings, Clock.systemUTC(), Sleeper.SYSTEM,
					PagingFactsStore.NONE)) {
				client.exchangeInfo();
				assertThat(client.positions()).isNotNull();
			}

			assertThat(fixture.exchange().clientRequests()).isNotEmpty()
				.extracting(ClientRequest::client)
				.containsOnly("127.0.0.2");
		}
	}

	@Test
	void withoutTheSettingTheSystemChoosesLoopback127001() {
		try (ExchangeFixture fixture = ExchangeFixture.start(GeneratorConfig.of(5, 2, 20, Instant.now()))) {
			BinanceSettings settings = BinanceSettings.defaults()
				.withBaseUrl(fixture.exchange().baseUrl())
				.withCredentials(fixture.exchange().apiKey(), fixture.exchange().apiSecret());
			try (BinanceClient client = BinanceClient.create(settings, Clock.systemUTC(), Sleeper.SYSTEM,
					PagingFactsStore.NONE)) {
				client.exchangeInfo();
			}

			assertThat(fixture.exchange().clientRequests()).extracting(ClientRequest::client).containsOnly("127.0.0.1");
		}
	}

	@Test
	void theSettingBindsByItsRelaxedNameAndIsOffByDefault() {
		assertThat(bind(Map.of()).localAddress()).isNull();
		assertThat(bind(Map.of("binance.local-address", " 127.0.0.3 ")).localAddress()).isEqualTo("127.0.0.3");
	}

	@Test
	void aHostNameOrAnAddressOfAnotherMachineIsAProblemNamingTheSetting() {
		BinanceSettings base = BinanceSettings.defaults().withCredentials("k", "s");

		assertThat(base.withLocalAddress("localhost").problems()).singleElement()
			.asString()
			.startsWith("binance.local-address=localhost must be an IP address of this machine");
		// TEST-NET-3 (RFC 5737): never an address of this machine
		assertThat(base.withLocalAddress("203.0.113.7").problems()).singleElement()
			.asString()
			.startsWith("binance.local-address=203.0.113.7 cannot be bound");
		assertThat(base.withLocalAddress("127.0.0.9").problems()).isEmpty();
	}

	private static BinanceSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("binance",
				BinanceSettings.class);
	}
}
