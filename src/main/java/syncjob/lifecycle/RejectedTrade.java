package syncjob.lifecycle;

import java.util.List;

/** A closed lifecycle that validation rejected: never inserted, listed with its reasons. */
public record RejectedTrade(TradeEntry entry, List<String> errors) {

	public RejectedTrade {
		errors = List.copyOf(errors);
	}
}
