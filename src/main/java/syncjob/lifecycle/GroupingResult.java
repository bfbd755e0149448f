package syncjob.lifecycle;

import java.util.List;

/**
 * Lifecycles of one symbol.
 *
 * @param closed     complete and closed
 * @param open       still open after the last fill (complete or not)
 * @param incomplete closed, but started before the supplied fills
 */
public record GroupingResult(List<Lifecycle> closed, List<Lifecycle> open, List<Lifecycle> incomplete) {

	public GroupingResult {
		closed = List.copyOf(closed);
		open = List.copyOf(open);
		incomplete = List.copyOf(incomplete);
	}
}
