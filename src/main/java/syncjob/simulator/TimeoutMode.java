package syncjob.simulator;

/** How an injected timeout shows itself to the client. */
public enum TimeoutMode {
	/** The response is held for {@code timeoutHold} and then sent normally (too late for the client). */
	HOLD,
	/** The connection is closed without any response. */
	CLOSE
}
