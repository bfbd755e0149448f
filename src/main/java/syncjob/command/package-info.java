/**
 * What the command line and the job share: the request, the outcome, the exit codes and the
 * usage error. Plain values, no framework, so both edges can depend on them and on nothing of
 * each other.
 */
package syncjob.command;
