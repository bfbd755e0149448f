package syncjob.lifecycle;

/** Outcome of validation for an inserted trade; rejected trades are never rows. */
public enum ValidationStatus {
	VALID, WARNING
}
