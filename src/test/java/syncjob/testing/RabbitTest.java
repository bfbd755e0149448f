package syncjob.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs the RabbitMQ service. Without the broker the class is skipped
 * with a message saying how to enable it, except under CI (or {@code -Drabbitmq.required=true}),
 * where the missing broker fails the build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("rabbitmq")
@ExtendWith(RabbitCondition.class)
public @interface RabbitTest {

}
