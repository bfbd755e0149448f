/**
 * The command line: parsing and checking arguments before anything starts, the usage text,
 * and the process entry that maps every outcome to the contract's exit codes. Nothing here
 * touches the database, so a rejected command line writes nothing.
 */
package syncjob.cli;
