package syncjob.lifecycle;

/** BOTH is one-way mode (a single signed position); LONG and SHORT are hedge-mode streams. */
public enum PositionSide {
	BOTH, LONG, SHORT
}
