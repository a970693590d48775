package com.diamondpricing.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The model types on the class path, found with {@link ServiceLoader}: adding a type is adding a
 * class and its line in {@code META-INF/services/com.diamondpricing.model.ModelType}.
 */
public final class ModelTypes {

  private final Map<String, ModelType> byName;

  private ModelTypes(Map<String, ModelType> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** The types registered with the service loader of this class's class loader. */
  public static ModelTypes discover() {
    return discover(ModelTypes.class.getClassLoader());
  }

  /** The types registered with a class loader's service loader. */
  public static ModelTypes discover(ClassLoader loader) {
    Map<String, ModelType> types = new TreeMap<>();
    for (ModelType t : ServiceLoader.load(ModelType.class, loader)) {
      ModelType previous = types.putIfAbsent(t.name(), t);
      if (previous != null && previous.getClass() != t.getClass()) {
        throw new IllegalStateException(
            "two model types are named '"
                + t.name()
                + "': "
                + previous.getClass().getName()
                + " and "
                + t.getClass().getName());
      }
    }
    return new ModelTypes(types);
  }

  /** Exactly these types (for tests and embedding). */
  public static ModelTypes of(ModelType... types) {
    Map<String, ModelType> m = new TreeMap<>();
    for (ModelType t : types) {
      m.put(t.name(), t);
    }
    return new ModelTypes(m);
  }

  /** The type with this name. */
  public ModelType get(String name) {
    ModelType t = byName.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "unknown model type '" + name + "'; allowed values: " + String.join(", ", names()));
    }
    return t;
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** The names, sorted. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The types, sorted by name. */
  public List<ModelType> all() {
    return List.copyOf(byName.values());
  }
}
