package syncjob.cli;

import java.io.PrintStream;

/** Where the command prints: the report to {@code out}, what needs the operator to {@code err}. */
public record Console(PrintStream out, PrintStream err) {

}
