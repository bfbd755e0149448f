package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;
import syncjob.lifecycle.Side;
import syncjob.lifecycle.StreamKey;
import syncjob.simulator.CommissionSign;

class ClientMappingTest {

	private SimulatedBinance exchange;

	@AfterEach
	void stop() throws Exception {
		if (exchange != null) {
			exchange.close();
		}
	}

	@Test
	void exchangeInfoSeedsTheBudgetAndMapsQuoteAssets() {
		// given
		exchange = SimulatedBinance.serving(new TestAccount().symbol("SOLUSDT"), options -> options.weightLimit(1200));
		BinanceClient client = exchange.client();

		// when
		ExchangeInfo info = client.exchangeInfo();

		// then
		assertThat(info.weightLimitPerMinute()).isEqualTo(1200);
		assertThat(info.quoteAssetBySymbol()).containsEntry("SOLUSDT", "USDT");
		assertThat(client.budget().limitPerMinute()).isEqualTo(1200);
	}

	@Test
	void positionsKeepOnlyNonZeroOnes() {
		// given a served zero position (the exchange itself leaves them out, so it is scripted)
		exchange = SimulatedBinance.serving(new TestAccount().symbol("BTCUSDT"));
		exchange.front()
			.script(Endpoint.POSITION_RISK.path(), new MockResponse().setHeader("Content-Type", "application/json")
				.setBody("[{\"symbol\":\"BTCUSDT\",\"positionSide\":\"LONG\",\"positionAmt\":\"0.5\","
						+ "\"entryPrice\":\"100\",\"updateTime\":1780000000000},"
						+ "{\"symbol\":\"BTCUSDT\",\"positionSide\":\"SHORT\",\"positionAmt\":\"0.000\","
						+ "\"entryPrice\":\"0.0\",\"updateTime\":0}]"));
		BinanceClient client = exchange.client();

		// when
		List<PositionSnapshot> positions = client.positions();

		// then
		assertThat(positions).singleElement().satisfies(position -> {
			assertThat(position.positionSide()).isEqualTo(PositionSide.LONG);
			assertThat(position.positionAmt()).isEqualByComparingTo("0.5");
		});
	}

	@Test
	void positionsOfTheExchangeMapExactly() {
		// given
		TestAccount account = new TestAccount().position("ETHUSDT", PositionSide.SHORT, "-2.125",
				SimulatedBinance.START.minusSeconds(60));
		exchange = SimulatedBinance.serving(account);

		// when
		List<PositionSnapshot> positions = exchange.client().positions();

		// then
		assertThat(positions).singleElement().satisfies(position -> {
			assertThat(position.symbol()).isEqualTo("ETHUSDT");
			assertThat(position.positionSide()).isEqualTo(PositionSide.SHORT);
			assertThat(position.positionAmt()).isEqualTo(new BigDecimal("-2.125"));
		});
	}

	@Test
	void fillsMapExactDecimalsAndKeepTheServedCommissionSign() {
		// given the exchange serves commissions negative, as Binance's examples sometimes show them
		TestAccount account = new TestAccount();
		account.fill("BTCUSDT", 7, SimulatedBinance.START.minus(Duration.ofDays(1)), Side.SELL,
				PositionSide.SHORT, "0.003");
		exchange = SimulatedBinance.serving(account, options -> options.commissionSign(CommissionSign.PAID_NEGATIVE));
		StreamKey shortStream = new StreamKey("BTCUSDT", PositionSide.SHORT);
		BinanceClient client = exchange.client();

		// when
		SymbolFills history = client.fills(new SymbolRequest("BTCUSDT", exchange.daysAgo(2), exchange.now(),
				exchange.now(), Map.of(shortStream, new BigDecimal("-0.003")), List.of()));

		// then
		assertThat(history.fills()).singleElement().satisfies(fill -> {
			assertThat(fill.qty()).isEqualTo(new BigDecimal("0.003"));
			// which sign means paid is settled against the COMMISSION income, in the domain
			assertThat(fill.commission()).isEqualTo(new BigDecimal("-0.01"));
			assertThat(fill.side()).isEqualTo(Side.SELL);
			assertThat(fill.positionSide()).isEqualTo(PositionSide.SHORT);
			assertThat(fill.time()).isEqualTo(exchange.daysAgo(1));
		});
		assertThat(history.startPositions()).isEmpty();
		assertThat(history.lookbackIncomplete()).isFalse();
	}
}
