package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;
import syncjob.lifecycle.Side;
import syncjob.lifecycle.StreamKey;

class ClientMappingTest {

	private final FakeExchange exchange = new FakeExchange();

	private final FakeBinance binance = exchange.binance;

	@AfterEach
	void stop() throws Exception {
		exchange.close();
	}

	@Test
	void exchangeInfoSeedsTheBudgetAndMapsQuoteAssets() {
		// given
		binance.weightLimit(1200);
		binance.addFill("SOLUSDT", 1, exchange.daysAgo(1), Side.BUY, PositionSide.BOTH, "1");
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
		// given
		binance.addPosition("BTCUSDT", PositionSide.LONG, "0.5");
		binance.addPosition("BTCUSDT", PositionSide.SHORT, "0.000");
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
	void fillsMapExactDecimalsAndKeepTheServedCommissionSign() {
		// given the fake serves commissions negative, as Binance's examples sometimes show them
		binance.addFill("BTCUSDT", 7, exchange.daysAgo(1), Side.SELL, PositionSide.SHORT, "0.003");
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
