package syncjob.reliability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.TradeEntry;
import syncjob.simulator.RequestLogEntry;
import syncjob.simulator.SimulatedAccount;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** What every reliability test checks after its runs: the journal equals the ground truth. */
final class Runs {

	static final String ACCOUNT = "main";

	private Runs() {
	}

	static String param(String name, Instant value) {
		return name + "=" + value;
	}

	static String[] window(Instant from, Instant to) {
		return new String[] { "account=" + ACCOUNT, param("from", from), param("to", to) };
	}

	/** Nothing lost, nothing duplicated, every column as the generator's ground truth says. */
	static void assertExact(TestDatabase database, ExchangeFixture exchange, Instant from, Instant to) {
		List<TradeEntry> expected = exchange.truth(ACCOUNT, from, to, true).trades();
		assertThat(expected).as("the window has trades").isNotEmpty();
		JournalRows.assertSameRows(JournalRows.read(database, ACCOUNT), expected);
	}

	static void assertNeverBanned(ExchangeFixture exchange) {
		assertThat(exchange.requests()).extracting(RequestLogEntry::status).as("HTTP 418 (IP ban)").doesNotContain(418);
	}

	static long statusCount(ExchangeFixture exchange, int status) {
		return exchange.requests().stream().filter((r) -> r.status() == status).count();
	}

	/** The job's batches: symbols with REALIZED_PNL or COMMISSION income in the window, sorted, by 4. */
	static List<List<String>> batches(SimulatedAccount account, Instant from, Instant to) {
		Set<String> symbols = new TreeSet<>();
		for (IncomeRecord record : account.income()) {
			if (!record.time().isBefore(from) && record.time().isBefore(to) && !record.symbol().isEmpty()
					&& (record.is(IncomeType.REALIZED_PNL) || record.is(IncomeType.COMMISSION))) {
				symbols.add(record.symbol());
			}
		}
		List<String> sorted = List.copyOf(symbols);
		List<List<String>> batches = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i += 4) {
			batches.add(sorted.subList(i, Math.min(sorted.size(), i + 4)));
		}
		return batches;
	}

}
