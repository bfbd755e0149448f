package syncjob.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules. Packages are matched by their last segment ({@code ..lifecycle..}), so
 * the same rules judge the main classes and the bad fixtures under
 * {@code syncjob.architecture.fixture}.
 */
final class PackageRules {

	private static final String[] JAVA = { "java..", "javax.annotation..", "javax.crypto.." };

	private static final String[] DOMAIN = { "..lifecycle.." };

	/**
	 * The client's libraries: HTTP (with the JDK's socket factories, to bind a local address), JSON,
	 * logging, and the annotations that bind and validate its settings.
	 */
	private static final String[] BINANCE_LIBRARIES = { "okhttp3..", "okio..", "retrofit2..", "com.fasterxml.jackson..",
			"javax.net..",
			"org.slf4j..", "jakarta.validation..", "org.hibernate.validator.constraints..",
			"org.springframework.boot.context.properties..", "org.springframework.validation.annotation..",
			"kotlin.." };

	/** The journal's libraries: JDBC, Spring's JDBC support, JSON for the NOTIFY payload. */
	/** With PostgreSQL's driver, for its COPY API (a JDBC driver's extension, used by the income staging). */
	private static final String[] JOURNAL_LIBRARIES = { "java.sql..", "javax.sql..", "org.springframework.jdbc..",
			"org.springframework.dao..", "com.fasterxml.jackson..", "org.postgresql.." };

	static final ArchRule LIFECYCLE_IS_PURE = noClasses().that()
		.resideInAPackage("..lifecycle..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..binance..", "..journal..", "..job..", "..cli..", "..simulator..", "..command..",
				"org.springframework..", "java.sql..", "javax.sql..", "okhttp3..", "retrofit2..", "java.net.http..",
				"com.fasterxml.jackson..")
		.because("the domain is plain arithmetic: no project package, Spring, JDBC or HTTP");

	static final ArchRule BINANCE_USES_ONLY_THE_DOMAIN = classes().that()
		.resideInAPackage("..binance..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage(concat(JAVA, DOMAIN, BINANCE_LIBRARIES, new String[] { "..binance.." }))
		.because("the client knows the domain and its own libraries, nothing else of the project");

	static final ArchRule JOURNAL_USES_ONLY_THE_DOMAIN = classes().that()
		.resideInAPackage("..journal..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage(concat(JAVA, DOMAIN, JOURNAL_LIBRARIES, new String[] { "..journal.." }))
		.because("the journal knows the domain and JDBC, nothing else of the project");

	static final ArchRule JOB_USES_ONLY_INNER_PACKAGES = noClasses().that()
		.resideInAPackage("..job..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..cli..", "..simulator..")
		.because("the job wires lifecycle, binance and journal, and speaks to the command line only "
				+ "through the shared command types");

	static final ArchRule NOTHING_IMPORTS_JOB = noClasses().that()
		.resideOutsideOfPackage("..job..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..job..")
		.because("the batch wiring is the outermost ring of the application: nothing depends on it");

	static final ArchRule EDGES_ARE_NOT_IMPORTED_INSIDE = noClasses().that()
		.resideInAnyPackage("..job..", "..binance..", "..journal..", "..lifecycle..", "..command..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..cli..", "..simulator..")
		.because("the command line and the simulator are edges: the application runs without either");

	static final ArchRule COMMAND_IS_PLAIN = classes().that()
		.resideInAPackage("..command..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage(concat(JAVA, new String[] { "..command.." }))
		.because("the command types are values both edges share: no framework, no other package");

	private PackageRules() {
	}

	private static String[] concat(String[]... groups) {
		return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
	}

}
