package com.diamondpricing.server.training;

import com.diamondpricing.server.system.ServerIdentity;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs left {@code running} by a server that is gone: marked interrupted and run again once. At
 * start (the bootstrap and the dispatcher's first turn) and every half lease after, a run is taken
 * as abandoned when its owner's process has ended ({@link ServerIdentity#ended}: a server or
 * command line of this state folder, killed or crashed, known at once) or when its lease expired
 * (any other server; its lease is renewed every third of it while it lives).
 *
 * <p>The retry is a <em>new</em> queued run of the same work (snapshot, types, options, trigger)
 * whose {@code retryOf} names the interrupted one, not the same run put back in the queue: a run's
 * status only moves forward (queued, running, ended), which the compare-and-sets of the dispatcher,
 * the heartbeat and the end rely on, and the interrupted run keeps its record (how far it got, when
 * and why it stopped, and the id of its retry in its error). The marking and the queuing are one
 * transaction, so of several servers that look at once exactly one retries a run. Only once: a
 * retry that is interrupted in turn ends {@code interrupted-again}, with a message saying what to
 * do, and nothing runs it by itself; the command line's runs are not retried either (the person who
 * ran the command sees it stop).
 */
@Component
class RunRecovery {

  private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

  private final TrainingRunStore runs;
  private final ServerIdentity server;

  RunRecovery(TrainingRunStore runs, ServerIdentity server) {
    this.runs = runs;
    this.server = server;
  }

  /** Marks the abandoned runs interrupted and queues their retries; how many were marked. */
  int recover() {
    Instant now = runs.now();
    int marked = 0;
    for (TrainingRun run : runs.running()) {
      boolean ended = server.ended(run.owner());
      String why =
          "the server stopped while this run was running ("
              + (ended ? "its process ended" : "its lease expired")
              + ")";
      RunError error;
      String retry = null;
      if (run.retryOf() != null) {
        error =
            RunError.interruptedAgain(
                why
                    + ", and it was already the retry of run "
                    + run.retryOf()
                    + ": it is not run again by itself. Find in the server log why the server"
                    + " stopped twice (memory, a kill, the machine), then start the run again.");
      } else if (run.trigger() == Trigger.CLI) {
        error = RunError.interrupted(why + "; run the command again to train");
      } else {
        error = RunError.interrupted(why);
        retry = "a retry of run " + run.id() + ", interrupted when its server stopped";
      }
      Optional<Long> result = runs.interrupt(run, ended ? null : now, error, retry);
      if (result.isPresent()) {
        marked++;
        long retryId = result.get();
        log.warn(
            "Training run {} marked interrupted: {}{}",
            run.id(),
            why,
            retryId > 0 ? "; queued again as run " + retryId : "; not run again");
      }
    }
    server.forgetEnded(); // their runs are marked: the ended owners' lock files are done with
    return marked;
  }
}
