package syncjob.simulator;

import java.time.Duration;

/** What fault injection decided for one call. */
record FaultDecision(Kind kind, int status, TimeoutMode timeoutMode, Duration hold) {

	enum Kind {
		NONE, OUTAGE, SYMBOL_FAILURE, SERVER_ERROR, TIMEOUT, MALFORMED
	}

	static FaultDecision none() {
		return new FaultDecision(Kind.NONE, 0, null, null);
	}

	static FaultDecision outage() {
		return new FaultDecision(Kind.OUTAGE, 503, null, null);
	}

	static FaultDecision symbolFailure() {
		return new FaultDecision(Kind.SYMBOL_FAILURE, 503, null, null);
	}

	static FaultDecision serverError(int status) {
		return new FaultDecision(Kind.SERVER_ERROR, status, null, null);
	}

	static FaultDecision timeout(TimeoutMode mode, Duration hold) {
		return new FaultDecision(Kind.TIMEOUT, 0, mode, hold);
	}

	static FaultDecision malformed() {
		return new FaultDecision(Kind.MALFORMED, 0, null, null);
	}

	/** True when the call is answered by the fault instead of the exchange. */
	boolean preempts() {
		return kind == Kind.OUTAGE || kind == Kind.SYMBOL_FAILURE || kind == Kind.SERVER_ERROR
				|| kind == Kind.TIMEOUT && timeoutMode == TimeoutMode.CLOSE;
	}
}
