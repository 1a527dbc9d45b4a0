package io.github.cortexj.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryQueueBackendConcurrencyTest {

  private static final int RECEIVERS = 8;
  private static final int MESSAGES = 60;
  private static final int ROUNDS = 300;

  private final ExecutorService pool = Executors.newFixedThreadPool(RECEIVERS);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void concurrentReceiversNeverGetTheSameVisibleMessageTwiceAndTogetherGetAll() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      InMemoryQueueBackend backend = new InMemoryQueueBackend(new MutableClock());
      String url = backend.createQueue(new QueueSpec("jobs", false, Duration.ofHours(1), null));
      Set<String> sent = new HashSet<>();
      for (int i = 0; i < MESSAGES; i++) {
        sent.add(backend.send(url, new OutgoingMessage("m" + i, "body" + i, Map.of(), null, null)));
      }

      ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> receivers = new ArrayList<>();
      for (int r = 0; r < RECEIVERS; r++) {
        int maxMessages = 1 + r % QueueBackend.MAX_BATCH_ENTRIES;
        receivers.add(
            pool.submit(
                () -> {
                  start.await();
                  List<ReceivedMessage> batch;
                  do {
                    batch =
                        backend.receive(
                            url, new ReceiveRequest(maxMessages, Duration.ZERO, Duration.ofHours(1)));
                    batch.forEach(m -> received.add(m.messageId()));
                  } while (!batch.isEmpty());
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> receiver : receivers) {
        receiver.get(10, TimeUnit.SECONDS);
      }

      assertThat(received).as("round %d", round).doesNotHaveDuplicates().hasSize(MESSAGES);
      assertThat(new HashSet<>(received)).isEqualTo(sent);
      assertThat(backend.counts(url)).isEqualTo(new QueueCounts(0, MESSAGES));
    }
  }

  @Test
  void concurrentFifoReceiversProcessEachGroupInOrder() throws Exception {
    int groups = 6;
    int perGroup = 10;
    for (int round = 0; round < ROUNDS / 3; round++) {
      InMemoryQueueBackend backend = new InMemoryQueueBackend(new MutableClock());
      String url = backend.createQueue(QueueSpec.fifo("jobs.fifo", Duration.ofHours(1)));
      for (int i = 0; i < perGroup; i++) {
        for (int g = 0; g < groups; g++) {
          String id = "g" + g + "-" + i;
          backend.send(url, new OutgoingMessage(id, id, Map.of(), id, "g" + g));
        }
      }

      ConcurrentLinkedQueue<String> processed = new ConcurrentLinkedQueue<>();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> receivers = new ArrayList<>();
      for (int r = 0; r < RECEIVERS; r++) {
        receivers.add(
            pool.submit(
                () -> {
                  start.await();
                  while (backend.counts(url).total() > 0) {
                    for (ReceivedMessage m :
                        backend.receive(url, new ReceiveRequest(1, Duration.ZERO, Duration.ofHours(1)))) {
                      processed.add(m.body()); // recorded before the delete that unblocks the group
                      backend.delete(url, m.receiptHandle());
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> receiver : receivers) {
        receiver.get(10, TimeUnit.SECONDS);
      }

      List<String> all = new ArrayList<>(processed);
      assertThat(all).as("round %d", round).hasSize(groups * perGroup).doesNotHaveDuplicates();
      for (int g = 0; g < groups; g++) {
        String prefix = "g" + g + "-";
        List<String> ofGroup = all.stream().filter(b -> b.startsWith(prefix)).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < perGroup; i++) {
          expected.add(prefix + i);
        }
        assertThat(ofGroup).as("group %d in round %d", g, round).isEqualTo(expected);
      }
    }
  }
}
