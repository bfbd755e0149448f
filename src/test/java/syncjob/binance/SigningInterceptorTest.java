package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SigningInterceptorTest {

	private final FakeExchange exchange = new FakeExchange();

	@AfterEach
	void stop() throws Exception {
		exchange.close();
	}

	@Test
	void signsTheEncodedQueryExactlyAsSentWithSignatureLast() {
		// given a symbol that needs URL encoding
		BinanceClient client = exchange.client();
		String symbol = "BTC USDT&x=é/+";

		// when
		SymbolFills history = client.fills(new SymbolRequest(symbol, exchange.daysAgo(3), exchange.now(),
				exchange.now(), Map.of(), List.of()));

		// then the server accepted every signature over the raw query it received
		List<FakeBinance.Seen> trades = exchange.binance.requests(Endpoint.USER_TRADES.path());
		assertThat(history.fills()).isEmpty();
		assertThat(client.stats().retries()).isZero();
		assertThat(trades).isNotEmpty().allSatisfy(seen -> {
			assertThat(seen.param("symbol")).isEqualTo(symbol);
			assertThat(seen.rawQuery()).startsWith("symbol=BTC%20USDT%26x%3D%C3%A9%2F%2B&");
			int at = seen.rawQuery().lastIndexOf("&signature=");
			assertThat(seen.rawQuery().substring(at + 11))
				.isEqualTo(new RequestSigner(FakeBinance.SECRET).sign(seen.rawQuery().substring(0, at)));
			assertThat(seen.rawQuery().substring(0, at)).contains("&recvWindow=5000&timestamp=");
		});
	}

	@Test
	void leavesPublicEndpointsUnsigned() {
		// given
		BinanceClient client = exchange.client();

		// when
		client.exchangeInfo();

		// then
		FakeBinance.Seen seen = exchange.binance.requests(Endpoint.EXCHANGE_INFO.path()).get(0);
		assertThat(seen.rawQuery()).isEmpty();
	}
}
