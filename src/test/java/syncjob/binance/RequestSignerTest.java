package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestSignerTest {

	@Test
	void signsBinanceDocumentedVector() {
		// given
		RequestSigner signer = new RequestSigner("2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9");
		String payload = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943";

		// when
		String signature = signer.sign(payload);

		// then
		assertThat(signature).isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
	}
}
