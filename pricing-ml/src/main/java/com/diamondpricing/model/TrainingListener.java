package com.diamondpricing.model;

/** Hears about a training's progress. Calls never overlap; they may come from any thread. */
@FunctionalInterface
public interface TrainingListener {

  /** A listener that ignores everything. */
  TrainingListener NONE = progress -> {};

  void onProgress(TrainingProgress progress);
}
