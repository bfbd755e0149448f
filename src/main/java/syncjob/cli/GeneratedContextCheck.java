package syncjob.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.StringUtils;

/**
 * The build generates the application context ahead of time (Spring AOT, {@code mvn package}):
 * which beans exist is decided then, so a run started with {@code -Dspring.aot.enabled=true}
 * (as {@code scripts/sync-job} starts one) skips reading the configuration classes and their
 * conditions. That decision holds only for the environment it was made in: no profile but the
 * demo's (read at run time, not as a condition), no {@code sync.role}, and no {@code spring.*}
 * or {@code management.*} setting beyond the bundled {@code application.yml} and the connection
 * settings. A run whose environment could decide differently (a worker or manager, another
 * profile, a Spring setting of the operator's own) is started without the generated context,
 * exactly as {@code java -jar} starts it. Checked once
 * every property source is known and before the context is created, the last moment Spring
 * Boot reads the switch. The build's own AOT processing leaves such settings out instead (the
 * builder's environment variables, an application.yml being edited for a worker): the jar's
 * generated context is the plain one, whoever builds it.
 */
final class GeneratedContextCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Logger log = LoggerFactory.getLogger(GeneratedContextCheck.class);

	/** Spring Boot's own source of the running application's pid and version. */
	private static final String APPLICATION_INFO = "applicationInfo";

	/** Set by Spring's AOT processing while the build generates the context. */
	static final String PROCESSING = "spring.aot.processing";

	/** The demo's profile: its exchange starts or not when the context starts, whatever the build generated. */
	static final String DEMO_PROFILE = "demo";

	/** Settings read only when beans are made, never by a condition: any value keeps the generated context. */
	private static final List<String> NEUTRAL_PREFIXES = List.of("spring.datasource.url", "spring.datasource.username",
			"spring.datasource.password", "spring.datasource.driver-class-name", "spring.datasource.hikari.",
			"spring.output.ansi.", "spring.config.", "spring.aot.", "spring.main.banner-mode");

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (Boolean.parseBoolean(System.getProperty(PROCESSING))) {
			plain(event.getEnvironment());
			return;
		}
		if (!AotDetector.useGeneratedArtifacts()) {
			return;
		}
		Optional<String> reason = decidesDifferently(event.getEnvironment());
		if (reason.isEmpty()) {
			return;
		}
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
		log.debug("Starting without the generated context: the environment has {}", reason.get());
	}

	/** Leaves out of {@code environment} every profile and every setting that could choose other beans. */
	static void plain(ConfigurableEnvironment environment) {
		environment.setActiveProfiles();
		List<String> left = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			List<String> choosing = choosing(source);
			if (choosing.isEmpty()) {
				continue;
			}
			left.addAll(choosing);
			Map<String, Object> kept = new LinkedHashMap<>();
			for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
				if (!choosing.contains(name)) {
					kept.put(name, source.getProperty(name));
				}
			}
			environment.getPropertySources()
				.replace(source.getName(), (source instanceof SystemEnvironmentPropertySource)
						? new SystemEnvironmentPropertySource(source.getName(), kept)
						: new MapPropertySource(source.getName(), kept));
		}
		if (!left.isEmpty()) {
			log.info("The context generated for the jar is the plain one: leaving out {}", left);
		}
	}

	/** What in this environment could choose other beans than the build chose, if anything. */
	static Optional<String> decidesDifferently(ConfigurableEnvironment environment) {
		for (String profile : environment.getActiveProfiles()) {
			if (!profile.equals(DEMO_PROFILE)) {
				return Optional.of("the profile " + profile);
			}
		}
		if (StringUtils.hasText(environment.getProperty("sync.role"))) {
			return Optional.of("sync.role=" + environment.getProperty("sync.role"));
		}
		for (PropertySource<?> source : environment.getPropertySources()) {
			List<String> choosing = choosing(source);
			if (!choosing.isEmpty()) {
				return Optional.of("the setting " + choosing.get(0) + " (" + source.getName() + ")");
			}
		}
		return Optional.empty();
	}

	/** The settings of {@code source} that could choose beans; none in the bundled sources. */
	private static List<String> choosing(PropertySource<?> source) {
		if (!(source instanceof EnumerablePropertySource<?> names) || bundled(source)) {
			return List.of();
		}
		return Arrays.stream(names.getPropertyNames()).filter((name) -> chooses(source, name)).toList();
	}

	/** Whether a setting could choose beans: a role, or a Spring setting other than the connection's. */
	private static boolean chooses(PropertySource<?> source, String name) {
		String key = canonical(source, name);
		return key.equals("sync.role")
				|| ((key.startsWith("spring.") || key.startsWith("management.")) && !neutral(key));
	}

	/**
	 * The jar's own application.yml, and what Spring Boot itself adds (the process id and the
	 * version as spring.application.*): the build generated the context with them.
	 */
	private static boolean bundled(PropertySource<?> source) {
		return source.getName().contains("class path resource [application.yml]")
				|| source.getName().equals(APPLICATION_INFO);
	}

	/** A property's dotted lower-case name: environment variables are SPRING_DATASOURCE_URL and the like. */
	private static String canonical(PropertySource<?> source, String name) {
		String key = name.toLowerCase(Locale.ROOT);
		return source instanceof SystemEnvironmentPropertySource ? key.replace('_', '.') : key;
	}

	private static boolean neutral(String key) {
		String dashless = key.replace("-", "");
		return NEUTRAL_PREFIXES.stream().anyMatch((prefix) -> dashless.startsWith(prefix.replace("-", "")));
	}

}
