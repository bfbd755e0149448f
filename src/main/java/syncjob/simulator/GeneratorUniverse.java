package syncjob.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Chooses which symbols an account trades and in which mode. Real listings first (so the
 * demo looks familiar), synthetic {@code ALTnnn} bases only when more symbols are asked
 * for than the catalog holds; about a third are USDC-quoted.
 */
final class GeneratorUniverse {

	private static final List<GeneratorAsset> CATALOG = List.of(asset("BTC", "62000.0", 3),
			asset("ETH", "3100.00", 3), asset("BNB", "580.00", 2), asset("SOL", "145.000", 0),
			asset("XRP", "0.5200", 1), asset("DOGE", "0.120000", 0), asset("ADA", "0.45000", 0),
			asset("AVAX", "34.000", 0), asset("LINK", "14.500", 2), asset("DOT", "6.800", 1),
			asset("LTC", "82.00", 3), asset("BCH", "420.00", 3), asset("TRX", "0.12000", 0),
			asset("POL", "0.5000", 0), asset("ATOM", "8.500", 2), asset("NEAR", "5.500", 0),
			asset("APT", "8.8000", 1), asset("ARB", "1.0000", 1), asset("OP", "2.2000", 1),
			asset("SUI", "1.00000", 1), asset("FIL", "5.800", 1), asset("ETC", "26.000", 2),
			asset("UNI", "9.0000", 0), asset("AAVE", "160.00", 1), asset("INJ", "25.000", 1),
			asset("TIA", "9.0000", 0), asset("SEI", "0.45000", 0), asset("WLD", "2.5000", 0),
			asset("1000PEPE", "0.0120000", 0), asset("1000SHIB", "0.020000", 0), asset("ORDI", "35.000", 1),
			asset("STX", "1.9000", 0), asset("RUNE", "5.000", 0), asset("FET", "1.5000", 0),
			asset("RENDER", "7.000", 1), asset("ICP", "10.000", 0), asset("HBAR", "0.07000", 0),
			asset("XLM", "0.10000", 0), asset("VET", "0.030000", 0), asset("ALGO", "0.18000", 1),
			asset("SAND", "0.4000", 0), asset("MANA", "0.4000", 0), asset("EOS", "0.800", 1),
			asset("XTZ", "0.900", 1), asset("THETA", "1.800", 1), asset("GALA", "0.03000", 0),
			asset("CRV", "0.4000", 1), asset("MKR", "2500.0", 3), asset("LDO", "1.8000", 0),
			asset("ENA", "0.5000", 0), asset("JUP", "0.9000", 0), asset("WIF", "2.5000", 1),
			asset("TON", "6.5000", 1), asset("AXS", "7.000", 0));

	private static final String USDT = "USDT";

	private static final String USDC = "USDC";

	private GeneratorUniverse() {
	}

	/** {@code count} symbols sorted by name; hedge and switch symbols per {@code hedgeShare}. */
	static List<GeneratedSymbol> pick(int count, double hedgeShare, Random random) {
		int usdcCount = count < 2 ? 0 : Math.max(1, count / 3);
		List<GeneratorAsset> bases = new ArrayList<>(CATALOG);
		for (int i = 1; bases.size() < count; i++) {
			bases.add(asset(String.format("ALT%03d", i), "1.0000", 0));
		}
		List<GeneratorAsset> usdtBases = new ArrayList<>(bases);
		List<GeneratorAsset> usdcBases = new ArrayList<>(bases);
		Collections.shuffle(usdtBases, random);
		Collections.shuffle(usdcBases, random);
		List<SymbolSpec> specs = new ArrayList<>();
		usdcBases.subList(0, usdcCount).forEach(base -> specs.add(spec(base, USDC)));
		usdtBases.subList(0, count - usdcCount).forEach(base -> specs.add(spec(base, USDT)));
		specs.sort(Comparator.comparing(SymbolSpec::symbol));
		List<GeneratorMode> modes = modes(count, hedgeShare, random);
		List<GeneratedSymbol> symbols = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			SymbolSpec spec = specs.get(i);
			GeneratorAsset asset = bases.stream().filter(a -> a.base().equals(spec.baseAsset())).findFirst()
				.orElseThrow();
			symbols.add(new GeneratedSymbol(spec, asset.priceScale(), asset.qtyScale(), asset.startTicks(),
					modes.get(i)));
		}
		return List.copyOf(symbols);
	}

	private static List<GeneratorMode> modes(int count, double hedgeShare, Random random) {
		int hedged = (int) Math.round(hedgeShare * count);
		if (hedgeShare > 0) {
			hedged = Math.max(1, hedged);
		}
		int switched = hedged == 0 ? 0 : Math.max(1, hedged / 3);
		List<GeneratorMode> modes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			modes.add(i < switched ? GeneratorMode.SWITCH : i < hedged ? GeneratorMode.HEDGE : GeneratorMode.ONE_WAY);
		}
		Collections.shuffle(modes, random);
		return modes;
	}

	private static SymbolSpec spec(GeneratorAsset base, String quote) {
		return new SymbolSpec(base.base() + quote, base.base(), quote);
	}

	private static GeneratorAsset asset(String base, String price, int qtyScale) {
		return new GeneratorAsset(base, new BigDecimal(price), qtyScale);
	}
}
