package com.diamondpricing.server.system;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This process among the servers that share a database: {@code <host>-<pid>-<random>}, the owner
 * written on the training runs it takes. A restarted process is a new server.
 *
 * <p>While it lives, the process holds a lock on {@code owners/<id>.lock} in its state folder; the
 * operating system lets go of it when the process ends, however it ends ({@code kill -9} included).
 * So a process sharing the state folder can tell at once that the owner of a run left running has
 * died ({@link #ended}) instead of waiting for its lease to expire. An owner with no lock file
 * there (another machine, another state folder) is judged by its lease alone.
 */
@Component
public class ServerIdentity implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ServerIdentity.class);
  private static final String SUFFIX = ".lock";

  private final String id;
  private final Path owners;
  private FileChannel channel;
  private FileLock lock;

  ServerIdentity(DiamondsProperties properties) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "host";
    }
    this.id =
        (host.length() > 100 ? host.substring(0, 100) : host)
            + "-"
            + ProcessHandle.current().pid()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    this.owners = properties.home().toAbsolutePath().resolve("owners");
    holdLock();
  }

  public String id() {
    return id;
  }

  /**
   * Whether {@code owner} was a process of this state folder that has ended: its lock file is here
   * and nobody holds it. False for this process, for a live one and for one unknown here.
   */
  public boolean ended(String owner) {
    if (owner == null || owner.equals(id)) {
      return false;
    }
    Path file = owners.resolve(fileName(owner));
    return Files.isRegularFile(file) && unheld(file);
  }

  private void holdLock() {
    Path file = owners.resolve(fileName(id));
    try {
      Files.createDirectories(owners);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Cannot hold {} ({}): after a crash, this server's runs are marked interrupted only"
              + " once their lease expires",
          file,
          e.toString());
    }
  }

  /**
   * Deletes the lock files of processes that ended (killed, or stopped without cleaning up): call
   * it once their runs are marked interrupted, since {@link #ended} knows them by these files.
   */
  public void forgetEnded() {
    if (lock == null) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(owners, "*" + SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!name.equals(fileName(id)) && unheld(file)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Cannot tidy {}: {}", owners, e.toString());
    }
  }

  /** Whether no process holds the file's lock (it is locked and released here to find out). */
  private static boolean unheld(Path file) {
    try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock probe = other.tryLock();
      if (probe == null) {
        return false;
      }
      probe.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // held in this JVM: alive
    } catch (IOException e) {
      return false;
    }
  }

  private static String fileName(String owner) {
    return owner.replaceAll("[^A-Za-z0-9._-]", "_") + SUFFIX;
  }

  @Override
  public void destroy() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
        Files.deleteIfExists(owners.resolve(fileName(id)));
      }
    } catch (IOException e) {
      log.debug("Cannot release {}: {}", owners, e.toString());
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
