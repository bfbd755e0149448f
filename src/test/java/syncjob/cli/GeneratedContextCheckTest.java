package syncjob.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Which environments keep the context generated at build time, and what the check does with
 * the others: the switch Spring Boot reads is turned off for a run, and the build's processing
 * fails.
 */
class GeneratedContextCheckTest {

	private static final String BUNDLED = "Config resource 'class path resource [application.yml]' via location "
			+ "'optional:classpath:/'";

	@AfterEach
	void restoreSwitches() {
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
		System.clearProperty(GeneratedContextCheck.PROCESSING);
	}

	@Test
	void thePlainEnvironmentKeepsTheGeneratedContext() {
		StandardEnvironment environment = environment(Map.of("sync.account", "main", "binance.api-key", "k"),
				Map.of("BINANCE_API_SECRET", "s"));

		assertThat(GeneratedContextCheck.decidesDifferently(environment)).isEmpty();
	}

	@Test
	void theBundledSettingsAndSpringBootsOwnInformationAreWhatTheBuildSaw() {
		StandardEnvironment environment = environment(Map.of(), Map.of());
		environment.getPropertySources()
			.addLast(new MapPropertySource(BUNDLED, Map.of("spring.batch.job.enabled", "false")));
		environment.getPropertySources()
			.addLast(new MapPropertySource("applicationInfo", Map.of("spring.application.pid", "42")));

		assertThat(GeneratedContextCheck.decidesDifferently(environment)).isEmpty();
	}

	@Test
	void connectionSettingsAreReadOnlyWhenBeansAreMade() {
		StandardEnvironment environment = environment(
				Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1/test", "spring.datasource.password", "p",
						"spring.datasource.hikari.maximum-pool-size", "8", "spring.output.ansi.enabled", "never"),
				Map.of("SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "8"));

		assertThat(GeneratedContextCheck.decidesDifferently(environment)).isEmpty();
	}

	@Test
	void theDemosProfileIsReadAtRunTime() {
		StandardEnvironment environment = environment(Map.of(), Map.of());
		environment.addActiveProfile("demo");

		assertThat(GeneratedContextCheck.decidesDifferently(environment)).isEmpty();
	}

	@Test
	void anotherProfileCouldChooseOtherBeans() {
		StandardEnvironment environment = environment(Map.of(), Map.of());
		environment.addActiveProfile("staging");

		assertThat(GeneratedContextCheck.decidesDifferently(environment)).contains("the profile staging");
	}

	@Test
	void aRoleChoosesTheRemoteConfigurationFromAnySource() {
		assertThat(GeneratedContextCheck.decidesDifferently(environment(Map.of("sync.role", "worker"), Map.of())))
			.contains("sync.role=worker");
		assertThat(GeneratedContextCheck.decidesDifferently(environment(Map.of(), Map.of("SYNC_ROLE", "manager"))))
			.contains("sync.role=manager");
	}

	@Test
	void anOperatorsSpringOrManagementSettingIsNamedWithItsSource() {
		assertThat(GeneratedContextCheck
			.decidesDifferently(environment(Map.of("spring.flyway.enabled", "false"), Map.of())))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("spring.flyway.enabled", "commandLineArgs"));
		assertThat(GeneratedContextCheck
			.decidesDifferently(environment(Map.of(), Map.of("SPRING_MAIN_LAZY_INITIALIZATION", "true"))))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("SPRING_MAIN_LAZY_INITIALIZATION"));
		assertThat(GeneratedContextCheck
			.decidesDifferently(environment(Map.of("management.metrics.enable.all", "false"), Map.of())))
			.isPresent();
	}

	@Test
	void withoutTheGeneratedContextTheCheckChangesNothing() {
		StandardEnvironment environment = environment(Map.of("spring.flyway.enabled", "false"), Map.of());

		new GeneratedContextCheck().onApplicationEvent(event(environment));

		assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
		assertThat(SpringProperties.getProperty(AotDetector.AOT_ENABLED)).isNull();
	}

	@Test
	void aRunThatCouldChooseOtherBeansStartsWithoutTheGeneratedContext() {
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");

		new GeneratedContextCheck().onApplicationEvent(event(environment(Map.of("sync.role", "worker"), Map.of())));

		assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
	}

	@Test
	void aPlainRunKeepsTheGeneratedContext() {
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");

		new GeneratedContextCheck().onApplicationEvent(event(environment(Map.of("account", "main"), Map.of())));

		assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
	}

	@Test
	void theBuildGeneratesThePlainContextWhateverTheBuildersEnvironmentSays() {
		System.setProperty(GeneratedContextCheck.PROCESSING, "true");
		StandardEnvironment environment = environment(
				Map.of("binance.api-key", "build-time-placeholder", "spring.flyway.enabled", "false"),
				Map.of("SYNC_ROLE", "worker", "SPRING_DATASOURCE_URL", "jdbc:h2:mem:build", "HOME", "/home/builder"));
		environment.addActiveProfile("staging");

		new GeneratedContextCheck().onApplicationEvent(event(environment));

		assertThat(GeneratedContextCheck.decidesDifferently(environment)).isEmpty();
		assertThat(environment.getActiveProfiles()).isEmpty();
		assertThat(environment.getProperty("sync.role")).isNull();
		assertThat(environment.getProperty("spring.flyway.enabled")).isNull();
		assertThat(environment.getProperty("binance.api-key")).as("the rest stays").isEqualTo("build-time-placeholder");
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:mem:build");
		assertThat(environment.getProperty("HOME")).isEqualTo("/home/builder");
	}

	/** An environment of the given command line and environment variables only, as Spring Boot presents one. */
	private static StandardEnvironment environment(Map<String, Object> commandLine, Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		sources.addLast(new MapPropertySource("commandLineArgs", commandLine));
		sources.addLast(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		ConfigurationPropertySources.attach(environment);
		return environment;
	}

	private static ApplicationEnvironmentPreparedEvent event(StandardEnvironment environment) {
		return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
				new String[0], environment);
	}

}
