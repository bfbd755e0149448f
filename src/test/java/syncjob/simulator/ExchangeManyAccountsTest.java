package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.simulator.ExchangeAccountFixture.NOW;
import static syncjob.simulator.ExchangeAccountFixture.account;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import syncjob.simulator.BoundTestClient.Reply;

/** One exchange, several accounts (one key each), and request weight counted per client address. */
class ExchangeManyAccountsTest {

	/** 20 seconds into a clock minute. */
	private final MutableClock clock = MutableClock.at(NOW.plusSeconds(20));

	private final ServedAccount alice = ServedAccount.withSeededCredentials("alice",
			account().fill("BTCUSDT", 1, NOW.minusSeconds(3600)).build(), 101);

	private final ServedAccount bob = ServedAccount.withSeededCredentials("bob",
			account().fill("ETHUSDT", 7, NOW.minusSeconds(7200)).fill("ETHUSDT", 8, NOW.minusSeconds(7100)).build(),
			102);

	private SimulatedExchange exchange;

	private void start(int weightLimit) {
		exchange = SimulatedExchange.start(List.of(alice, bob),
				SimulatorOptions.builder().clock(clock).weightLimit(weightLimit).build());
	}

	@AfterEach
	void stop() {
		exchange.close();
	}

	@Test
	void eachKeyReachesItsOwnAccount() {
		start(2400);
		BoundTestClient client = new BoundTestClient(exchange, "127.0.0.1", clock);

		Reply aliceTrades = client.signed(alice, "/fapi/v1/userTrades", "symbol=ETHUSDT");
		Reply bobTrades = client.signed(bob, "/fapi/v1/userTrades", "symbol=ETHUSDT");
		Reply aliceBtc = client.signed(alice, "/fapi/v1/userTrades", "symbol=BTCUSDT");

		assertThat(aliceTrades.status()).isEqualTo(200);
		assertThat(aliceTrades.body()).isEqualTo("[]");
		assertThat(bobTrades.body()).contains("\"id\":7").contains("\"id\":8");
		assertThat(aliceBtc.body()).contains("\"id\":1");
		assertThat(exchange.accounts()).extracting(ServedAccount::name).containsExactly("alice", "bob");
		assertThat(exchange.clientRequests()).extracting(ClientRequest::account)
			.containsExactly("alice", "bob", "alice");
	}

	@Test
	void oneAccountsSignatureDoesNotOpenAnother() {
		start(2400);
		BoundTestClient client = new BoundTestClient(exchange, "127.0.0.1", clock);
		String query = "timestamp=" + clock.millis();

		Reply crossed = client.send("/fapi/v1/income",
				query + "&signature=" + ExchangeTestClient.hmacHex(alice.apiSecret(), query), bob.apiKey());
		Reply unknown = client.send("/fapi/v1/income",
				query + "&signature=" + ExchangeTestClient.hmacHex(alice.apiSecret(), query),
				SimulatorOptions.credential(999));

		assertThat(crossed.status()).isEqualTo(400);
		assertThat(crossed.body()).contains("-1022");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.body()).contains("-2015");
	}

	@Test
	void weightIsCountedPerClientAddress() {
		start(100);
		BoundTestClient second = new BoundTestClient(exchange, "127.0.0.2", clock);
		BoundTestClient third = new BoundTestClient(exchange, "127.0.0.3", clock);

		for (int i = 0; i < 3; i++) {
			assertThat(second.signed(alice, "/fapi/v1/income", "").status()).isEqualTo(200);
		}
		Reply refused = second.signed(alice, "/fapi/v1/income", "");
		Reply elsewhere = third.signed(alice, "/fapi/v1/income", "");
		Reply otherAccountSameAddress = second.signed(bob, "/fapi/v1/income", "");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.usedWeight()).isEqualTo(90);
		assertThat(elsewhere.status()).isEqualTo(200);
		assertThat(elsewhere.usedWeight()).isEqualTo(30);
		// the budget is the address's, whichever account the key reaches: calling on after the
		// 429 bans the address (no grace requests by default)
		assertThat(otherAccountSameAddress.status()).isEqualTo(418);
		assertThat(exchange.clientRequests()).extracting(ClientRequest::client)
			.containsExactly("127.0.0.2", "127.0.0.2", "127.0.0.2", "127.0.0.2", "127.0.0.3", "127.0.0.2");
	}

	@Test
	void aBanNamesAndBlocksOnlyTheOffendingAddress() {
		start(100);
		BoundTestClient second = new BoundTestClient(exchange, "127.0.0.2", clock);
		BoundTestClient third = new BoundTestClient(exchange, "127.0.0.3", clock);
		for (int i = 0; i < 4; i++) {
			second.signed(alice, "/fapi/v1/income", "");
		}

		Reply banned = second.get("/fapi/v1/time");
		Reply other = third.get("/fapi/v1/time");

		assertThat(banned.status()).isEqualTo(418);
		assertThat(banned.body()).contains("IP(127.0.0.2)");
		assertThat(other.status()).isEqualTo(200);
		assertThat(other.usedWeight()).isEqualTo(1);
	}

	@Test
	void publicCallsAnswerFromTheAccountTheKeyReachesAndTheFirstWithoutOne() {
		start(2400);
		BoundTestClient client = new BoundTestClient(exchange, "127.0.0.1", clock);

		client.get("/fapi/v1/time");
		client.send("/fapi/v1/time", "", bob.apiKey());

		assertThat(exchange.clientRequests()).extracting(ClientRequest::account).containsExactly("alice", "bob");
	}
}
