package com.diamondpricing.server.registry;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.server.problem.Problem;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The model registry over HTTP: every model with its metrics and provenance, its artifact, manual
 * promotion (and so rollback) and the champion's history.
 */
@RestController
@RequestMapping(ModelController.PATH)
@Tag(
    name = "Models",
    description =
        "The model registry: every trained model with its metrics, parameters and provenance;"
            + " its artifact (admin); promotion and rollback of the champion (admin) and the"
            + " champion's history.")
class ModelController {

  static final String PATH = "/api/v1/models";
  static final String DEFAULT_REASON = "promoted by hand";

  private final ModelRegistry registry;

  ModelController(ModelRegistry registry) {
    this.registry = registry;
  }

  /** Every model, newest first. */
  @GetMapping
  @io.swagger.v3.oas.annotations.Operation(
      summary = "List the models",
      description =
          "Every registered model, newest first, with its feature set, test metrics, interval"
              + " coverage and whether it is its feature set's champion.")
  List<ModelView> list() {
    Set<Long> champions = registry.championIds();
    return registry.list().stream().map(m -> ModelView.of(m, champions.contains(m.id()))).toList();
  }

  @GetMapping("/{id:\\d+}")
  @io.swagger.v3.oas.annotations.Operation(
      summary = "One model in full",
      description = "Its metrics, coverage by segment, parameters, tuning trials and provenance.")
  ModelDetailView get(@PathVariable("id") long id) {
    ModelEntry model = registry.get(id);
    return ModelDetailView.of(model, registry.isChampion(model));
  }

  /** The stored artifact, as a download named after the model. */
  @GetMapping("/{id:\\d+}/artifact")
  @io.swagger.v3.oas.annotations.Operation(
      summary = "Download a model's artifact",
      description =
          "The served model as stored (XGBoost's JSON loads in Python xgboost 1.7+), a download"
              + " named after the model.")
  ResponseEntity<byte[]> artifact(@PathVariable("id") long id) {
    ModelEntry model = registry.get(id);
    byte[] bytes = registry.artifact(id);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(model.artifactMediaType()));
    headers.setContentDisposition(
        ContentDisposition.attachment()
            .filename(model.type() + "-v" + model.version() + ".json")
            .build());
    headers.setContentLength(bytes.length);
    return ResponseEntity.ok().headers(headers).body(bytes);
  }

  /**
   * Makes the model the champion of its feature set by hand (a promotion, or a rollback to an older
   * model); the move is recorded with its reason. A model that already is the champion changes
   * nothing.
   */
  @PostMapping("/{id:\\d+}/promote")
  @io.swagger.v3.oas.annotations.Operation(
      summary = "Make a model the champion of its feature set",
      description =
          "A manual promotion or rollback, with an optional reason (default 'promoted by hand');"
              + " the champion history records it with the key that made it. Compare first:"
              + " GET /api/v1/models/{id}/comparison.")
  PromotionView promote(
      @PathVariable("id") long id,
      @RequestBody(required = false) PromoteRequest body,
      java.security.Principal principal) {
    String reason =
        body == null || body.reason() == null || body.reason().isBlank()
            ? DEFAULT_REASON
            : body.reason().strip();
    String alias = ModelRegistry.championAlias(registry.get(id).featureSet());
    return registry
        .promote(id, reason, principal.getName())
        .map(PromotionView::changed)
        .orElseGet(() -> PromotionView.unchanged(alias, id));
  }

  /** Every move of a feature set's champion alias, oldest first. */
  @GetMapping("/" + ModelRegistry.CHAMPION + "/history")
  @io.swagger.v3.oas.annotations.Operation(
      summary = "A feature set's champion history",
      description =
          "Every move of the champion alias, oldest first: from, to, when, why, and who made it by"
              + " hand (keyId; null for the training pipeline).")
  List<AliasChangeView> championHistory(
      @Parameter(
              description = "whose champion: all (the models of every feature, default) or four-cs",
              schema = @Schema(allowableValues = {"all", "four-cs"}))
          @RequestParam(defaultValue = "all")
          String featureSet) {
    FeatureSet set;
    try {
      set = FeatureSet.of(featureSet);
    } catch (IllegalArgumentException e) {
      throw Problem.invalidParameter(
          "featureSet",
          "unknown feature set; allowed values: " + String.join(", ", FeatureSet.labels()),
          FeatureSet.labels());
    }
    return registry.history(ModelRegistry.championAlias(set)).stream()
        .map(AliasChangeView::of)
        .toList();
  }
}
