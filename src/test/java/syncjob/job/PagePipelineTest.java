package syncjob.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagePipelineTest {

	@Test
	void consumesEveryPageInOrderOnTheCallingThreadAndReturnsTheProducersResult() {
		// given a producer of 50 pages
		List<Integer> consumed = new ArrayList<>();
		List<Thread> consumerThreads = new ArrayList<>();

		// when
		String result = PagePipeline.run("test-producer", (sink) -> {
			for (int page = 0; page < 50; page++) {
				sink.accept(page);
			}
			return "50 pages";
		}, (Integer page) -> {
			consumed.add(page);
			consumerThreads.add(Thread.currentThread());
		});

		// then
		assertThat(result).isEqualTo("50 pages");
		assertThat(consumed).hasSize(50).isSorted();
		assertThat(consumerThreads).containsOnly(Thread.currentThread());
	}

	@Test
	void aProducerFailureReachesTheCallerAfterThePagesBeforeIt() {
		// given a producer that fails after two pages
		List<Integer> consumed = new ArrayList<>();

		// when / then
		assertThatThrownBy(() -> PagePipeline.<Integer, String>run("test-producer", (sink) -> {
			sink.accept(1);
			sink.accept(2);
			throw new IllegalStateException("HTTP 500 on page 3");
		}, consumed::add)).isInstanceOf(IllegalStateException.class).hasMessage("HTTP 500 on page 3");
		assertThat(consumed).containsExactly(1, 2);
	}

	@Test
	void aConsumerFailureStopsTheProducer() throws InterruptedException {
		// given a producer that would go on for ever
		CountDownLatch producerEnded = new CountDownLatch(1);
		AtomicBoolean producerFailed = new AtomicBoolean();

		// when the consumer fails on the first page
		assertThatThrownBy(() -> PagePipeline.run("test-producer", (sink) -> {
			try {
				for (int page = 0;; page++) {
					sink.accept(page);
				}
			}
			catch (IllegalStateException ex) {
				producerFailed.set(true);
				throw ex;
			}
			finally {
				producerEnded.countDown();
			}
		}, (Integer page) -> {
			throw new IllegalArgumentException("insert failed");
		})).isInstanceOf(IllegalArgumentException.class).hasMessage("insert failed");

		// then the producer, blocked on the full queue, is interrupted out of it
		assertThat(producerEnded.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(producerFailed).isTrue();
	}

}
