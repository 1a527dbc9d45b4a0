package io.github.cortexj.batch.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.backend.MessageBatcher;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.ObjectStream;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.job.ItemList;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.ObjectSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Splits a job's input into batches and sends them to the job's queue, streaming: at most one batch and one group
 * of ten messages are held at a time, and objects are read as streams. Each message body is the JSON array of
 * its batch's items (compact); each message carries the {@code api_name} and {@code job_id} attributes and a
 * random 40-character id used as entry, deduplication and group id, as Cortex's enqueuer. {@code delimited_files}
 * values accumulate across objects, so a batch may hold values of two files.
 *
 * <p>One enqueuer serves one job; not thread safe.
 */
final class Enqueuer {

  /** The kind of every enqueue failure. */
  static final String ENQUEUE_FAILED = "batchapi.enqueue_failed";

  private static final int GROUP = 10;
  private static final byte[] ID_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
  private static final int ID_LENGTH = 40;

  private final ObjectStore store;
  private final String hiddenPrefix;
  private final MessageBatcher batcher;
  private final ObjectMapper mapper;
  private final String queueUrl;
  private final Map<String, String> attributes;
  private final List<OutgoingMessage> pending = new ArrayList<>(GROUP);
  private final List<String> batch = new ArrayList<>();
  private final BooleanSupplier stopped;
  private int batchSize;
  private long batches;

  /**
   * Creates the enqueuer of one job.
   *
   * @param stopped answers whether the job has ended meanwhile, so that enqueuing stops between groups
   */
  Enqueuer(
      ObjectStore store,
      MessageBatcher batcher,
      ObjectMapper mapper,
      String queueUrl,
      String api,
      String jobId,
      String hiddenPrefix,
      BooleanSupplier stopped) {
    this.store = store;
    this.hiddenPrefix = hiddenPrefix;
    this.batcher = batcher;
    this.mapper = mapper;
    this.queueUrl = queueUrl;
    this.attributes = Map.of("api_name", api, "job_id", jobId);
    this.stopped = stopped;
  }

  /**
   * Returns how many batches an {@code item_list} submission makes, known before enqueuing.
   *
   * @param items the items
   * @return {@code ceil(items / batch_size)}
   */
  static long batchCount(ItemList items) {
    long size = Math.max(1, items.batchSize());
    return (items.items().size() + size - 1) / size;
  }

  /**
   * Enqueues every batch of the submission.
   *
   * @param submission a validated submission
   * @return the number of batches sent
   * @throws CortexException of kind {@value #ENQUEUE_FAILED} naming the item or object at fault
   */
  long enqueue(JobSubmission submission) {
    batchSize = submission.batchSize();
    ItemList items = submission.itemList();
    if (items != null) {
      // The items were serialised once, when the list was made: each body is a slice of those bytes.
      int count = items.items().size();
      for (int from = 0; from < count; from += batchSize) {
        int to = (int) Math.min(count, (long) from + batchSize);
        send(items.jsonArray(from, to), items.jsonArraySize(from, to));
      }
    } else if (submission.filePathLister() != null) {
      ObjectMatcher matcher = new ObjectMatcher(store, "file_path_lister", submission.filePathLister(), hiddenPrefix);
      matcher.forEach(
          match -> {
            add(compact(mapper.getNodeFactory().textNode(match.path())));
            return true;
          });
    } else {
      ObjectSource source = submission.delimitedFiles();
      if (source == null) {
        throw new CortexException(ENQUEUE_FAILED, "the submission has no input");
      }
      ObjectMatcher matcher = new ObjectMatcher(store, "delimited_files", source, hiddenPrefix);
      long[] index = {0};
      matcher.forEach(
          match -> {
            readValues(match, index);
            return true;
          });
    }
    flushBatch();
    flushGroup();
    return batches;
  }

  /**
   * Enqueues batches given whole, one message each (to retry the failed batches of a job exactly).
   *
   * @param given the batches
   * @return the number of batches sent
   */
  long enqueueBatches(List<List<JsonNode>> given) {
    batchSize = Integer.MAX_VALUE;
    for (List<JsonNode> items : given) {
      for (JsonNode item : items) {
        batch.add(compact(item));
      }
      flushBatch();
    }
    flushGroup();
    return batches;
  }

  private void readValues(ObjectMatcher.Match match, long[] index) {
    Optional<ObjectStream> opened = store.open(match.key());
    if (opened.isEmpty()) {
      throw new CortexException(ENQUEUE_FAILED, match.path() + ": the object no longer exists");
    }
    try (ObjectStream stream = opened.get();
        MappingIterator<JsonNode> values = mapper.readerFor(JsonNode.class).readValues(stream.content())) {
      while (true) {
        JsonNode value;
        try {
          if (!values.hasNextValue()) {
            break;
          }
          value = values.nextValue();
        } catch (IOException | RuntimeException e) {
          throw new CortexException(
              ENQUEUE_FAILED,
              "item " + index[0] + " (" + match.path() + "): invalid JSON: " + firstLine(e.getMessage()),
              e);
        }
        String json = compact(value);
        int size = QueueBackend.bodyBytes(json);
        if (size > JobSubmissionValidator.MAX_ITEM_BYTES) {
          throw new CortexException(
              ENQUEUE_FAILED,
              "item "
                  + index[0]
                  + " ("
                  + match.path()
                  + "): cannot enqueue message because its size ("
                  + size
                  + " bytes) exceeds the "
                  + JobSubmissionValidator.MAX_ITEM_BYTES
                  + " bytes limit");
        }
        add(json);
        index[0]++;
      }
    } catch (IOException e) {
      throw new CortexException(ENQUEUE_FAILED, match.path() + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String firstLine(@org.jspecify.annotations.Nullable String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private String compact(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void add(String json) {
    batch.add(json);
    if (batch.size() >= batchSize) {
      flushBatch();
    }
  }

  private void flushBatch() {
    if (batch.isEmpty()) {
      return;
    }
    String body = "[" + String.join(",", batch) + "]";
    batch.clear();
    send(body, QueueBackend.bodyBytes(body));
  }

  private void send(String body, int bytes) {
    if (bytes > JobSubmissionValidator.MAX_ITEM_BYTES) {
      throw new CortexException(
          ENQUEUE_FAILED,
          "batch "
              + batches
              + " has size "
              + bytes
              + " bytes, which exceeds the "
              + JobSubmissionValidator.MAX_ITEM_BYTES
              + " bytes limit; use a smaller batch size");
    }
    String id = randomId();
    pending.add(new OutgoingMessage(id, body, attributes, id, id));
    batches++;
    if (pending.size() >= GROUP) {
      flushGroup();
    }
  }

  private void flushGroup() {
    if (pending.isEmpty()) {
      return;
    }
    if (stopped.getAsBoolean()) {
      throw new CancellationException("the job ended while it was enqueued");
    }
    batcher.sendAll(queueUrl, List.copyOf(pending));
    pending.clear();
  }

  /** A random 40-character {@code [A-Za-z0-9]} string, as Cortex's entry, deduplication and group ids. */
  static String randomId() {
    // Each character takes 6 random bits, drawn again when they are 62 or 63: every character is uniform over the
    // 62 and independent of the others, as with one bounded draw per character, for about a tenth of the draws.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] id = new byte[ID_LENGTH];
    int length = 0;
    while (length < ID_LENGTH) {
      long bits = random.nextLong();
      for (int i = 0; i < 10 && length < ID_LENGTH; i++, bits >>>= 6) {
        int index = (int) (bits & 63);
        if (index < ID_CHARS.length) {
          id[length++] = ID_CHARS[index];
        }
      }
    }
    return new String(id, StandardCharsets.US_ASCII);
  }
}
