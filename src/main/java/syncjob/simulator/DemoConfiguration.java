package syncjob.simulator;

import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --demo} (the {@code demo} profile): a generated account on an in-process simulated
 * exchange. The exchange starts before any other bean, and its address and credentials become
 * the {@code binance.*} settings, ahead of every other property source; the job binds them as
 * it binds any settings, and never learns that the exchange is simulated. The profile is read
 * when the context starts, not as a condition on this class: the context the build generates
 * ahead of time (Spring AOT) has this post-processor, and so serves the demo too.
 */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

	static final String PROFILE = "demo";

	/** A post-processor so that it runs before the settings are bound; closed with the context. */
	@Bean(destroyMethod = "close")
	static DemoExchangeSettings demoExchangeSettings(ConfigurableEnvironment environment) {
		return new DemoExchangeSettings(environment);
	}

	static final class DemoExchangeSettings implements BeanFactoryPostProcessor, AutoCloseable {

		static final String PROPERTY_SOURCE = "demo exchange";

		private final ConfigurableEnvironment environment;

		private volatile DemoExchange exchange;

		DemoExchangeSettings(ConfigurableEnvironment environment) {
			this.environment = environment;
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			if (!this.environment.matchesProfiles(PROFILE)) {
				return;
			}
			this.exchange = DemoExchange.start(Instant.now());
			this.environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE,
						Map.of("binance.base-url", this.exchange.baseUrl(), "binance.api-key", this.exchange.apiKey(),
								"binance.api-secret", this.exchange.apiSecret())));
		}

		@Override
		public void close() {
			if (this.exchange != null) {
				this.exchange.close();
			}
		}

	}

}
