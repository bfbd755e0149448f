package syncjob.simulator;

/** Generation order within one symbol: the tie-break that keeps equal-time events in the order they happened. */
final class GeneratorSequence {

	private long next;

	long next() {
		return next++;
	}
}
