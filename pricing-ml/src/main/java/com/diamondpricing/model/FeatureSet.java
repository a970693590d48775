package com.diamondpricing.model;

import com.diamondpricing.data.Feature;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The features a model learns from. A model only ever sees the features of its set, and every
 * training row has all of them: a model is never asked about a feature it never saw missing, since
 * a tree model routes a missing value down branches no training row took. A stone without some
 * measurements is priced by a model of a smaller set ({@link #FOUR_CS}) instead.
 */
public enum FeatureSet {

  /** The four Cs and the five measurements: what the notebook's models learn from. */
  ALL("all", EnumSet.allOf(Feature.class)),

  /** Carat, cut, colour and clarity: what a stone always has, measured or not. */
  FOUR_CS("four-cs", EnumSet.of(Feature.CARAT, Feature.CUT, Feature.COLOR, Feature.CLARITY));

  private final String label;
  private final Set<Feature> features;

  FeatureSet(String label, Set<Feature> features) {
    this.label = label;
    this.features = Collections.unmodifiableSet(features);
  }

  /** The set's name as the API, the command line and the registry write it. */
  public String label() {
    return label;
  }

  /** The features, in {@link Feature} order. */
  public Set<Feature> features() {
    return features;
  }

  /** The features in {@link Feature} order, as a list. */
  public List<Feature> featureList() {
    return List.copyOf(features);
  }

  /** Whether a stone with these features present can be priced by a model of this set. */
  public boolean providedBy(Set<Feature> present) {
    return present.containsAll(features);
  }

  /** The set named so ({@link #label()}, case-insensitive). */
  public static FeatureSet of(String label) {
    String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    for (FeatureSet s : values()) {
      if (s.label.equals(wanted)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown feature set '" + label + "'; allowed values: " + String.join(", ", labels()));
  }

  /** Every set's label, richest first. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(FeatureSet::label).toList();
  }

  @Override
  public String toString() {
    return label;
  }
}
