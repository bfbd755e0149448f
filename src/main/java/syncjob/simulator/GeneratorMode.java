package syncjob.simulator;

/** How a generated symbol is traded: SWITCH is one-way first, then hedge after a flat moment. */
enum GeneratorMode {
	ONE_WAY, HEDGE, SWITCH;

	boolean hedgeAtEnd() {
		return this != ONE_WAY;
	}
}
