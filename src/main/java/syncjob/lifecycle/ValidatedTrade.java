package syncjob.lifecycle;

import java.util.List;
import java.util.Objects;

/**
 * A row after validation.
 *
 * @param entry  with validationStatus and warnings set
 * @param errors reasons to reject it; empty when it is accepted
 */
public record ValidatedTrade(TradeEntry entry, List<String> errors) {

	public ValidatedTrade {
		Objects.requireNonNull(entry, "entry");
		errors = List.copyOf(errors);
	}

	public boolean rejected() {
		return !errors.isEmpty();
	}
}
