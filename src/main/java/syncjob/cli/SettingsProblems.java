package syncjob.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Words a setting that Spring Boot could not bind or that broke a rule: the setting, its
 * value, what is wrong and the fix, as the rule's message gives it.
 */
final class SettingsProblems {

	private SettingsProblems() {
	}

	/** The problems in a start-up failure, or empty when it is not about a setting. */
	static Optional<String> of(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof BindValidationException invalid) {
				return Optional.of(String.join("; ", invalid(invalid.getValidationErrors())));
			}
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof BindException unreadable && unreadable.getProperty() != null) {
				return Optional.of(unreadable(unreadable));
			}
		}
		return Optional.empty();
	}

	private static List<String> invalid(ValidationErrors errors) {
		List<String> problems = new ArrayList<>();
		for (ObjectError error : errors.getAllErrors()) {
			if (error instanceof FieldError field) {
				String name = errors.getName() + "." + kebab(field.getField());
				Object value = errors.getBoundProperties()
					.stream()
					.filter((property) -> property.getName().toString().equals(name))
					.map(ConfigurationProperty::getValue)
					.findFirst()
					.orElse(field.getRejectedValue());
				problems.add(name + "=" + shown(name, value) + " " + field.getDefaultMessage());
			}
			else {
				problems.add(errors.getName() + ": " + error.getDefaultMessage());
			}
		}
		return problems;
	}

	private static String unreadable(BindException ex) {
		ConfigurationProperty property = ex.getProperty();
		String name = property.getName().toString();
		Class<?> type = ex.getTarget().getType().resolve(Object.class);
		return name + "=" + shown(name, property.getValue()) + " is not a valid " + describe(type)
				+ ": fix it in application.yml, the environment or the --" + name + " option";
	}

	private static String describe(Class<?> type) {
		if (type == java.time.Duration.class) {
			return "duration (such as 30s, 5m or 1h)";
		}
		if (type.isEnum()) {
			return "choice (one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
				.map((c) -> c.toString().toLowerCase(Locale.ROOT).replace('_', '-'))
				.toList()) + ")";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean (true or false)";
		}
		return type.getSimpleName().toLowerCase(Locale.ROOT);
	}

	/** A value as the operator gave it, never a credential: URLs lose their user info, secrets stay hidden. */
	private static String shown(String name, Object value) {
		if (name.endsWith("key") || name.endsWith("secret") || name.endsWith("password")) {
			return "(hidden)";
		}
		return String.valueOf(value).replaceFirst("//[^/@]*@", "//");
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
