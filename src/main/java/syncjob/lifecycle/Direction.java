package syncjob.lifecycle;

/** Direction of a lifecycle: LONG when its first fill makes the position positive. */
public enum Direction {
	LONG, SHORT
}
