package syncjob.binance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a {@link BinanceApi} method whose requests {@link SigningInterceptor} must sign. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Signed {
}
