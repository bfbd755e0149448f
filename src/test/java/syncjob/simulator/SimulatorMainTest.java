package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code scripts/simulator}'s options, as parsed into the generator's and the exchange's settings. */
class SimulatorMainTest {

	private static SimulatorOptions options(String... args) {
		return SimulatorMain.simulatorOptions(SimulatorMain.parse(args), 7);
	}

	@Test
	void defaultsAreBinanceOnAGoodDay() {
		SimulatorOptions options = options();
		GeneratorConfig config = SimulatorMain.generatorConfig(SimulatorMain.parse(new String[0]), Instant.EPOCH);

		assertThat(options.tradeRetention()).isEqualTo(Retention.calendarMonths(6));
		assertThat(options.orderRetention()).isEqualTo(Retention.days(90));
		assertThat(options.incomeRetention()).isEqualTo(Retention.calendarMonths(3));
		assertThat(options.idPagingDays()).isZero();
		assertThat(options.tooOldStart()).isEqualTo(TooOldStart.CLIP);
		assertThat(options.hiddenFills()).isEmpty();
		assertThat(options.commissionSign()).isEqualTo(CommissionSign.PAID_POSITIVE);
		assertThat(options.port()).isEqualTo(8089);
		assertThat(config.makerRebates()).isTrue();
		assertThat(config.autoCloses()).isFalse();
		assertThat(options.klines()).isTrue();
		assertThat(config.seed()).isEqualTo(7);
	}

	@Test
	void everyReadingHasItsOption() {
		SimulatorOptions options = options("--trade-retention-days", "100", "--order-retention-days=30",
				"--income-retention-days", "80", "--id-paging-days", "7", "--too-old-start", "error", "--hide-fill",
				"BTCUSDT:12", "--hide-fill=ETHUSDT:34", "--commission-sign", "paid-negative", "--no-klines");
		GeneratorConfig config = SimulatorMain.generatorConfig(SimulatorMain.parse(new String[] { "--maker-rebates",
				"false", "--auto-closes", "true" }), Instant.EPOCH);

		assertThat(options.tradeRetention()).isEqualTo(Retention.days(100));
		assertThat(options.orderRetention()).isEqualTo(Retention.days(30));
		assertThat(options.incomeRetention()).isEqualTo(Retention.days(80));
		assertThat(options.idPagingDays()).isEqualTo(7);
		assertThat(options.tooOldStart()).isEqualTo(TooOldStart.ERROR);
		assertThat(options.hiddenFills()).containsExactlyInAnyOrder(new HiddenFill("BTCUSDT", 12),
				new HiddenFill("ETHUSDT", 34));
		assertThat(options.commissionSign()).isEqualTo(CommissionSign.PAID_NEGATIVE);
		assertThat(config.makerRebates()).isFalse();
		assertThat(options.klines()).isFalse();
		assertThat(config.autoCloses()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "--unknown 1", "--seed 1 --seed 2", "--too-old-start drop", "--auto-closes maybe", "--commission-sign minus",
			"--hide-fill BTCUSDT", "--hide-fill BTCUSDT:x", "--id-paging-days -1", "--days ten", "seed", "--seed" })
	void aMistakeIsAnErrorNamingIt(String args) {
		assertThatThrownBy(() -> {
			Map<String, List<String>> options = SimulatorMain.parse(args.split(" "));
			SimulatorMain.generatorConfig(options, Instant.EPOCH);
			SimulatorMain.simulatorOptions(options, 7);
		}).isInstanceOf(IllegalArgumentException.class).hasMessageFindingMatch("--|argument|idPagingDays|hidden fill");
	}

	@Test
	void theUsageListsEveryOptionWithItsDefault() {
		Map<String, List<String>> none = SimulatorMain.parse(new String[0]);

		assertThat(none).isEmpty();
		assertThat(SimulatorMain.USAGE).contains("--trade-retention-days N", "--order-retention-days N",
				"--income-retention-days N", "--id-paging-days N", "--too-old-start M", "--hide-fill SYMBOL:ID",
				"--commission-sign M", "--maker-rebates B", "--stats FILE", "--stats-window-days N", "idPagingWeight",
				"timeWindowWeight", "klinesWeight", "--no-klines", "--auto-closes B");
		for (String option : List.of("trade-retention-days", "order-retention-days", "income-retention-days",
				"id-paging-days", "too-old-start", "hide-fill", "commission-sign", "maker-rebates", "auto-closes",
				"no-klines")) {
			String from = SimulatorMain.USAGE.substring(SimulatorMain.USAGE.indexOf("--" + option));
			String entry = from.substring(0, from.indexOf("\n  --") < 0 ? from.length() : from.indexOf("\n  --"));
			assertThat(entry).as(option).contains("(default");
		}
	}
}
