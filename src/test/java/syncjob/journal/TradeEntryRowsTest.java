package syncjob.journal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TradeEntryRowsTest {

	@Test
	void thePositionalInsertBindsInTheNamedInsertsOrder() {
		Matcher named = Pattern.compile(":(\\w+)").matcher(TradeEntryRows.INSERT);
		List<String> order = named.results().map((m) -> m.group(1)).toList();
		assertThat(TradeEntryRows.parameterOrder()).containsExactlyElementsOf(order);
		assertThat(TradeEntryRows.POSITIONAL_INSERT).doesNotContain(":")
			.isEqualTo(TradeEntryRows.INSERT.replaceAll(":\\w+", "?"));
		assertThat(TradeEntryRows.POSITIONAL_INSERT.chars().filter((c) -> c == '?').count()).isEqualTo(order.size());
	}

}
