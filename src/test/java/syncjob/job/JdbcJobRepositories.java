package syncjob.job;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import syncjob.testing.TestDatabase;

/** A real JDBC job repository on a test's own H2 database, with Spring Batch's schema, for tests below the job. */
final class JdbcJobRepositories {

	private JdbcJobRepositories() {
	}

	static JobRepository onH2(TestDatabase database) throws Exception {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), database.url(),
				database.username(), database.password());
		new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"))
			.execute(dataSource);
		JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
		factory.setDataSource(dataSource);
		factory.setTransactionManager(new DataSourceTransactionManager(dataSource));
		factory.afterPropertiesSet();
		return factory.getObject();
	}

}
