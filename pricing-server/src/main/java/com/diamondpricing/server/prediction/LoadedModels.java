package com.diamondpricing.server.prediction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models asked for by id (and champions and types' best replaced since), besides the ones
 * {@link ServingModels} holds: at most {@code diamonds.serving.max-loaded-models}, the least
 * recently used one closed (its native memory freed) once the requests using it are done.
 */
final class LoadedModels {

  private static final Logger log = LoggerFactory.getLogger(ServingModels.class);

  private final int max;

  /** Least recently used first (guarded by itself). */
  private final LinkedHashMap<Long, ServedModel> loaded = new LinkedHashMap<>(16, 0.75f, true);

  LoadedModels(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("diamonds.serving.max-loaded-models must be at least 1");
    }
    this.max = max;
  }

  /** The model with this id, if it is loaded and open. */
  ServedModel get(long id) {
    synchronized (loaded) {
      ServedModel cached = loaded.get(id);
      return cached != null && !cached.closed() ? cached : null;
    }
  }

  /** Takes the model with this id out (it is held elsewhere now), if it is loaded and open. */
  ServedModel take(long id) {
    synchronized (loaded) {
      ServedModel cached = loaded.remove(id);
      return cached != null && !cached.closed() ? cached : null;
    }
  }

  /** How many models are loaded. */
  int size() {
    synchronized (loaded) {
      return loaded.size();
    }
  }

  /**
   * Puts a model in, unless another request put the same one meanwhile (then that one is kept and
   * this one closed), and closes the least recently used one past the bound; the one kept.
   */
  ServedModel keep(ServedModel model) {
    List<ServedModel> retired = new ArrayList<>(2);
    ServedModel kept;
    synchronized (loaded) {
      ServedModel present = loaded.get(model.entry().id());
      if (present != null && present != model && !present.closed()) {
        kept = present;
        retired.add(model);
      } else {
        loaded.put(model.entry().id(), model);
        kept = model;
        if (loaded.size() > max) {
          Map.Entry<Long, ServedModel> eldest = loaded.entrySet().iterator().next();
          loaded.remove(eldest.getKey());
          retired.add(eldest.getValue());
        }
      }
    }
    for (ServedModel r : retired) {
      if (r != kept) {
        log.info(
            "Model {} ({} v{}) leaves the {} loaded models; it is closed once unused",
            r.entry().id(),
            r.entry().type(),
            r.entry().version(),
            max);
      }
      r.retire();
    }
    return kept;
  }
}
