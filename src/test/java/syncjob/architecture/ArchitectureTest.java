package syncjob.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout is the architecture, checked on the bytecode of the main classes: arrows point
 * inward to the domain, nothing depends on the batch wiring, and the edges (command line,
 * simulator) are depended on by nothing inside. Each rule is also run against a deliberately
 * bad fixture class ({@code syncjob.architecture.fixture}), to show it catches the arrow it
 * forbids.
 */
class ArchitectureTest {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		// the context Spring AOT generates at `mvn package` (Name__BeanDefinitions and the like) wires
		// every package, as the configuration it was generated from does at run time: not code of ours
		.withImportOption((location) -> !location.contains("__"))
		.importPackages("syncjob");

	@Test
	void lifecycleImportsNothingOfTheProjectSpringJdbcOrHttp() {
		PackageRules.LIFECYCLE_IS_PURE.check(MAIN);
	}

	@Test
	void binanceAndJournalImportOnlyTheDomainAndTheirLibraries() {
		PackageRules.BINANCE_USES_ONLY_THE_DOMAIN.check(MAIN);
		PackageRules.JOURNAL_USES_ONLY_THE_DOMAIN.check(MAIN);
	}

	@Test
	void jobImportsOnlyTheDomainTheClientTheJournalAndTheSharedCommandTypes() {
		PackageRules.JOB_USES_ONLY_INNER_PACKAGES.check(MAIN);
	}

	@Test
	void nothingImportsTheBatchWiring() {
		PackageRules.NOTHING_IMPORTS_JOB.check(MAIN);
	}

	@Test
	void theEdgesAreImportedByNothingInside() {
		PackageRules.EDGES_ARE_NOT_IMPORTED_INSIDE.check(MAIN);
	}

	@Test
	void theSharedCommandTypesArePlainJava() {
		PackageRules.COMMAND_IS_PLAIN.check(MAIN);
	}

	@Test
	void everyRuleCatchesTheArrowItForbids() {
		JavaClasses bad = new ClassFileImporter().importPackages("syncjob.architecture.fixture");

		assertThat(violations(PackageRules.LIFECYCLE_IS_PURE, bad)).contains("BadLifecycle");
		assertThat(violations(PackageRules.BINANCE_USES_ONLY_THE_DOMAIN, bad)).contains("BadBinance");
		assertThat(violations(PackageRules.JOURNAL_USES_ONLY_THE_DOMAIN, bad)).contains("BadJournal");
		assertThat(violations(PackageRules.JOB_USES_ONLY_INNER_PACKAGES, bad)).contains("BadJob");
		assertThat(violations(PackageRules.NOTHING_IMPORTS_JOB, bad)).contains("BadCli");
		assertThat(violations(PackageRules.EDGES_ARE_NOT_IMPORTED_INSIDE, bad)).contains("BadJob");
		assertThat(violations(PackageRules.COMMAND_IS_PLAIN, bad)).contains("BadCommand");
	}

	private static String violations(ArchRule rule, JavaClasses classes) {
		return rule.evaluate(classes).getFailureReport().toString();
	}

}
