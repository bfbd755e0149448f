package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

/**
 * Signing as the exchange checks it: the simulated exchange verifies every signature over the
 * raw query it received; the front shows the exact bytes sent.
 */
class SigningInterceptorTest {

	/** A symbol that needs URL encoding, listed by the exchange. */
	private static final String SYMBOL = "BTC USDT&x=é/+";

	private final TestAccount account = new TestAccount();

	private final SimulatedBinance exchange;

	SigningInterceptorTest() {
		account.fill(SYMBOL, 3, SimulatedBinance.START.minus(Duration.ofDays(1)), Side.BUY, PositionSide.BOTH, "1");
		exchange = SimulatedBinance.serving(account);
	}

	@AfterEach
	void stop() throws Exception {
		exchange.close();
	}

	@Test
	void signsTheEncodedQueryExactlyAsSentWithSignatureLast() {
		// given
		ScriptedFront front = exchange.front();
		BinanceClient client = exchange.client();

		// when
		SymbolFills history = client.fills(new SymbolRequest(SYMBOL, exchange.daysAgo(3), exchange.now(),
				exchange.now(), Map.of(), List.of()));

		// then the exchange accepted every signature over the raw query it received, and served the fill
		assertThat(history.fills()).extracting(fill -> fill.id()).containsExactly(3L);
		assertThat(client.stats().retries()).isZero();
		assertThat(exchange.requests(Endpoint.USER_TRADES.path())).isNotEmpty()
			.allSatisfy(entry -> assertThat(entry.status()).isEqualTo(200))
			.allSatisfy(entry -> assertThat(entry.symbol()).isEqualTo(SYMBOL));
		List<ScriptedFront.Seen> trades = front.requests(Endpoint.USER_TRADES.path());
		assertThat(trades).isNotEmpty().allSatisfy(seen -> {
			assertThat(seen.rawQuery()).startsWith("symbol=BTC%20USDT%26x%3D%C3%A9%2F%2B&");
			assertThat(seen.signature()).isEqualTo(new RequestSigner(exchange.apiSecret()).sign(seen.signedPayload()));
			assertThat(seen.signedPayload()).contains("&recvWindow=5000&timestamp=");
			assertThat(seen.apiKey()).isEqualTo(exchange.apiKey());
		});
	}

	@Test
	void leavesPublicEndpointsUnsigned() {
		// given
		ScriptedFront front = exchange.front();
		BinanceClient client = exchange.client();

		// when
		client.exchangeInfo();

		// then
		ScriptedFront.Seen seen = front.requests(Endpoint.EXCHANGE_INFO.path()).get(0);
		assertThat(seen.rawQuery()).isEmpty();
		assertThat(seen.apiKey()).isNull();
	}
}
