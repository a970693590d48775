package com.diamondpricing.server.prediction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the champion is served ({@code diamonds.serving.*}).
 *
 * @param enabled whether the champion is loaded and its alias followed (the command line's context
 *     runs without: it loads no model it does not use)
 * @param maxLoadedModels models kept loaded besides the champions, the least recently used closed
 *     first
 * @param pollInterval how often the champion aliases are read (another server may move them)
 */
@ConfigurationProperties("diamonds.serving")
public record ServingProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("8") int maxLoadedModels,
    @DefaultValue("1s") Duration pollInterval) {

  /** The setting that turns serving off. */
  static final String ENABLED = "diamonds.serving.enabled";
}
