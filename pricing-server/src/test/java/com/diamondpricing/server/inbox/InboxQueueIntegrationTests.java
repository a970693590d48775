package com.diamondpricing.server.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.diamondpricing.server.support.SqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The inbox respects the training queue's bound: while {@code max-queued} runs wait (no dispatcher
 * takes them here), a dropped file waits in the inbox, untouched, and is taken once there is room.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.inbox.poll-interval=200ms",
      "diamonds.training.dispatch=false",
      "diamonds.training.max-queued=1"
    })
@DirtiesContext
class InboxQueueIntegrationTests implements SqliteDatabase {

  @Autowired InboxWatcher inbox;
  @Autowired JdbcClient jdbc;

  long processed() throws Exception {
    try (Stream<Path> files = Files.list(inbox.dir().resolve(InboxWatcher.PROCESSED))) {
      return files.count();
    }
  }

  @Test
  void aFileWaitsInTheInboxWhileTheTrainingQueueIsFull() throws Exception {
    Files.copy(Path.of("../data/diamonds.csv"), inbox.dir().resolve("first.csv"));
    await().atMost(Duration.ofSeconds(20)).until(() -> processed() == 1);

    Files.copy(Path.of("../data/diamonds.csv"), inbox.dir().resolve("second.csv"));
    Thread.sleep(1500); // seven polls
    assertThat(inbox.dir().resolve("second.csv")).exists();
    assertThat(processed()).isEqualTo(1);

    jdbc.sql("update training_run set status = 'failed' where status = 'queued'").update();
    await().atMost(Duration.ofSeconds(20)).until(() -> processed() == 2);
    assertThat(inbox.dir().resolve("second.csv")).doesNotExist();
  }
}
