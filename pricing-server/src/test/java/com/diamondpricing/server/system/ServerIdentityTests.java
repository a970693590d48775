package com.diamondpricing.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a server tells that the owner of a run left running has died (issue 22, row 11). */
class ServerIdentityTests {

  @TempDir Path home;
  ServerIdentity restarted;

  ServerIdentity start() {
    return new ServerIdentity(new DiamondsProperties(home, null, null, null, null, null, true));
  }

  @AfterEach
  void stop() {
    if (restarted != null) {
      restarted.destroy();
    }
  }

  @Test
  void aProcessKilledBeforeTheRestartIsKnownToHaveEnded() throws Exception {
    Path owners = Files.createDirectories(home.resolve("owners"));
    Files.createFile(owners.resolve("vm-4242-deadbeef.lock")); // as kill -9 leaves it

    restarted = start();

    assertThat(restarted.ended("vm-4242-deadbeef")).isTrue();
    restarted.forgetEnded();
    assertThat(owners.resolve("vm-4242-deadbeef.lock")).doesNotExist();
    assertThat(owners.resolve(restarted.id() + ".lock")).exists();
  }

  @Nested
  class NotEnded {

    @Test
    void aLiveProcessOfTheSameStateFolder() {
      ServerIdentity other = start();
      try {
        restarted = start();
        assertThat(restarted.ended(other.id())).isFalse();
        restarted.forgetEnded();
        assertThat(home.resolve("owners").resolve(other.id() + ".lock")).exists();
      } finally {
        other.destroy();
      }
    }

    @Test
    void itselfAnOwnerUnknownHereOrNone() {
      restarted = start();
      assertThat(restarted.ended(restarted.id())).isFalse();
      assertThat(restarted.ended("another-machine-7-cafebabe")).isFalse();
      assertThat(restarted.ended(null)).isFalse();
    }
  }
}
