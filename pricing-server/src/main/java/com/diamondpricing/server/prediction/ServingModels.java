package com.diamondpricing.server.prediction;

import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelNotFoundException;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.system.DiamondsProperties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The models that answer predictions. The champion is held in memory and swapped atomically when
 * the {@code champion} alias moves, whether this server moved it or another one sharing the
 * database did: the alias is polled every {@code diamonds.serving.poll-interval} (default 1 s).
 * Models asked for by id or type are loaded on demand and kept (they never change).
 */
@Service
public class ServingModels {

  private static final Logger log = LoggerFactory.getLogger(ServingModels.class);

  private final ModelRegistry registry;
  private final ModelTypes types;
  private final String metric;
  private final Duration pollInterval;
  private final AtomicReference<ServedModel> champion = new AtomicReference<>();
  private final Map<Long, ServedModel> byId = new ConcurrentHashMap<>();
  private final Map<String, Cached> bestByType = new ConcurrentHashMap<>();
  private final List<Consumer<ServedModel>> preparers = new CopyOnWriteArrayList<>();

  private record Cached(ServedModel model, long expiresAtNanos) {}

  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "champion-poller");
            t.setDaemon(true);
            return t;
          });

  ServingModels(
      ModelRegistry registry,
      ModelTypes types,
      DiamondsProperties properties,
      @Value("${diamonds.serving.poll-interval:1s}") Duration pollInterval) {
    this.registry = registry;
    this.types = types;
    this.metric = properties.champion().metric();
    this.pollInterval = pollInterval;
  }

  @PostConstruct
  void start() {
    poller.scheduleWithFixedDelay(
        this::refreshQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    poller.shutdownNow();
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn("Could not refresh the champion: {}", e.toString());
    }
  }

  /** Reads the alias now and swaps the champion in if it moved. */
  public void refresh() {
    Optional<Long> target = registry.aliasTarget(ModelRegistry.CHAMPION);
    ServedModel current = champion.get();
    if (target.isEmpty() || (current != null && current.entry().id() == target.get())) {
      return;
    }
    ServedModel next = serve(registry.get(target.get()));
    for (Consumer<ServedModel> preparer : preparers) {
      try {
        preparer.accept(next);
      } catch (RuntimeException e) {
        log.warn("Could not prepare for champion model {}: {}", next.entry().id(), e.toString());
      }
    }
    champion.set(next);
    log.info(
        "Serving champion model {} ({} v{})",
        next.entry().id(),
        next.entry().type(),
        next.entry().version());
  }

  /**
   * Runs {@code preparer} with each new champion before it is swapped in (on the thread that swaps
   * it), so that what the champion needs besides itself, such as the similar-diamonds index of its
   * snapshot, is ready before the first request. A preparer that fails is logged; the swap goes on.
   */
  public void prepareEachChampion(Consumer<ServedModel> preparer) {
    preparers.add(preparer);
  }

  /** The champion, if one is loaded. */
  public Optional<ServedModel> champion() {
    return Optional.ofNullable(champion.get());
  }

  /** A model by id. */
  public ServedModel byId(long id) {
    ServedModel c = champion.get();
    if (c != null && c.entry().id() == id) {
      return c;
    }
    // registry entries never change, so a served model can be kept for good
    return byId.computeIfAbsent(id, key -> serve(registry.get(key)));
  }

  /** The best registered version of a type: the lowest test error on the champion metric. */
  public ServedModel bestOfType(String type) {
    types.get(type); // unknown type: IllegalArgumentException listing the allowed ones
    Cached cached = bestByType.get(type);
    if (cached != null && System.nanoTime() < cached.expiresAtNanos()) {
      return cached.model();
    }
    ServedModel best = findBestOfType(type);
    bestByType.put(type, new Cached(best, System.nanoTime() + pollInterval.toNanos()));
    return best;
  }

  private ServedModel findBestOfType(String type) {
    Comparator<ModelEntry> byMetric = Comparator.comparingDouble(e -> e.test().get(metric));
    if (metric.equals("r2")) {
      byMetric = byMetric.reversed();
    }
    ModelEntry best =
        registry.list().stream()
            .filter(e -> e.type().equals(type))
            .min(byMetric.thenComparing(ModelEntry::id, Comparator.reverseOrder()))
            .orElseThrow(() -> new ModelNotFoundException("no " + type + " model is registered"));
    return byId(best.id());
  }

  private ServedModel serve(ModelEntry entry) {
    return new ServedModel(entry, types.get(entry.type()), registry.load(entry.id()));
  }
}
