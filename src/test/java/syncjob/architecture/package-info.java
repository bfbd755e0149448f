/** The package rules of the application, checked with ArchUnit on its bytecode. */
package syncjob.architecture;
