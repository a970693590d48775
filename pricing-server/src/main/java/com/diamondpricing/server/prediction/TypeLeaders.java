package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Feature;
import com.diamondpricing.model.FeatureSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The best registered model of each type and feature set, loaded and held while it is the best:
 * what answers {@code ?model=TYPE} and gives every other type's price for a stone (the second
 * opinions of each answer). Refreshed with the champions, every poll interval, from one light
 * query; a request reads an immutable snapshot, so asking a type costs no query and no lock.
 */
final class TypeLeaders {

  /** type, then feature set: the model (immutable, swapped whole). */
  private volatile Map<String, Map<FeatureSet, ServedModel>> leaders = Map.of();

  /**
   * Takes the best of each type and feature set: a model already held keeps serving, another is
   * found or loaded by {@code served} (null when it cannot be loaded: the one held before, if any,
   * stays, and the next refresh tries again), and one no longer the best goes to {@code retired}.
   */
  synchronized void refresh(
      Map<String, Map<FeatureSet, Long>> best,
      LongFunction<ServedModel> served,
      Consumer<ServedModel> retired) {
    Map<String, Map<FeatureSet, ServedModel>> current = leaders;
    Map<String, Map<FeatureSet, ServedModel>> next = new HashMap<>();
    boolean changed = false;
    List<ServedModel> kept = new ArrayList<>();
    for (Map.Entry<String, Map<FeatureSet, Long>> type : best.entrySet()) {
      Map<FeatureSet, ServedModel> bySet = new EnumMap<>(FeatureSet.class);
      for (Map.Entry<FeatureSet, Long> e : type.getValue().entrySet()) {
        ServedModel held = current.getOrDefault(type.getKey(), Map.of()).get(e.getKey());
        if (held == null || held.closed() || held.entry().id() != e.getValue()) {
          ServedModel loaded = served.apply(e.getValue());
          if (loaded != null) {
            held = loaded;
            changed = true;
          } else if (held != null && held.closed()) {
            held = null; // the best cannot be loaded and the one before is gone: none held
            changed = true;
          }
        }
        if (held != null) {
          bySet.put(e.getKey(), held);
          kept.add(held);
        }
      }
      next.put(type.getKey(), Map.copyOf(bySet));
    }
    if (!changed && next.size() == current.size()) {
      return;
    }
    leaders = Map.copyOf(next);
    for (Map<FeatureSet, ServedModel> bySet : current.values()) {
      for (ServedModel old : bySet.values()) {
        if (kept.stream().noneMatch(k -> k == old)) {
          retired.accept(old);
        }
      }
    }
  }

  /** Whether a type has a model held. */
  boolean knows(String type) {
    return leaders.containsKey(type);
  }

  /**
   * The type's best model of the richest feature set (in {@code sets} order) whose features the
   * stone gives; when none, the richest one held; null when the type has none held.
   */
  ServedModel of(String type, List<FeatureSet> sets, Set<Feature> present) {
    Map<FeatureSet, ServedModel> bySet = leaders.get(type);
    if (bySet == null) {
      return null;
    }
    ServedModel richest = null;
    for (FeatureSet set : sets) {
      ServedModel m = bySet.get(set);
      if (m != null) {
        if (m.prices(present)) {
          return m;
        }
        richest = richest == null ? m : richest;
      }
    }
    return richest;
  }

  /** Every type's best model that prices a stone with these features, but {@code type}'s. */
  List<ServedModel> others(String type, Set<Feature> present) {
    List<ServedModel> out = new ArrayList<>(2);
    for (Map.Entry<String, Map<FeatureSet, ServedModel>> e : leaders.entrySet()) {
      if (e.getKey().equals(type)) {
        continue;
      }
      for (FeatureSet set : FeatureSet.values()) {
        ServedModel m = e.getValue().get(set);
        if (m != null && m.prices(present)) {
          out.add(m);
          break;
        }
      }
    }
    return out;
  }

  /** Whether the model is held as a type's best. */
  boolean holds(ServedModel model) {
    for (Map<FeatureSet, ServedModel> bySet : leaders.values()) {
      if (bySet.containsValue(model)) {
        return true;
      }
    }
    return false;
  }

  /** The held model with this id, or null. */
  ServedModel byId(long id) {
    for (Map<FeatureSet, ServedModel> bySet : leaders.values()) {
      for (ServedModel m : bySet.values()) {
        if (m.entry().id() == id) {
          return m;
        }
      }
    }
    return null;
  }
}
