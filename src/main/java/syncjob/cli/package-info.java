/**
 * The command line: parsing and checking arguments before anything starts, the usage text,
 * and the process entry that hands the request to the job's {@link syncjob.command.SyncRunner}
 * and words its outcome, with the contract's exit code (a SIGTERM'd run's included). A
 * rejected command line or setting writes nothing.
 */
package syncjob.cli;
