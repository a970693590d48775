package com.diamondpricing.server.testfit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.support.SqliteDatabase;
import com.diamondpricing.server.training.TrainingPipeline;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model's goodness of fit over HTTP: the points of its test rows (with the registry's own test
 * metrics) and the notebook's plot as a PNG image, both open to read like the model itself.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"diamonds.bootstrap=false"})
class FitEndpointsIntegrationTests implements SqliteDatabase {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired ModelRegistry registry;
  final HttpClient http = HttpClient.newHttpClient();
  ModelEntry model;

  @BeforeEach
  void aLinearModel() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
    model = registry.champion().orElseThrow();
  }

  HttpResponse<byte[]> get(String path, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode json(HttpResponse<byte[]> r) {
    return JSON.readTree(r.body());
  }

  @Test
  void theFitHasEveryTestRowsMetricsAndAnEvenSample() throws Exception {
    HttpResponse<byte[]> r = get("/api/v1/models/" + model.id() + "/fit", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode fit = json(r);
    assertThat(fit.get("testRows").asInt()).isEqualTo(model.nTest());
    assertThat(fit.get("shown").asInt()).isEqualTo(Math.min(2000, model.nTest()));
    assertThat(fit.get("points").size()).isEqualTo(fit.get("shown").asInt());
    assertThat(fit.get("mae").asDouble()).isCloseTo(model.test().mae(), within(1e-6));
    assertThat(fit.get("r2").asDouble()).isCloseTo(model.test().r2(), within(1e-9));
    JsonNode first = fit.get("points").get(0);
    assertThat(first.get("actual").asDouble()).isPositive();
    assertThat(first.get("predicted").isNumber()).isTrue();
    assertThat(fit.get("links").get("plot").asString())
        .isEqualTo("/api/v1/models/" + model.id() + "/plots/fit.png");

    JsonNode ten = json(get("/api/v1/models/" + model.id() + "/fit?points=10", null));
    assertThat(ten.get("points").size()).isEqualTo(10);
    assertThat(ten.get("points").get(0)).isEqualTo(first);
    assertThat(json(get("/api/v1/models/" + model.id() + "/fit?points=10", null)))
        .as("always the same rows")
        .isEqualTo(ten);
  }

  @Test
  void thePlotIsAPngWithItsPointsAndTheIdentityLine() throws Exception {
    HttpResponse<byte[]> r = get("/api/v1/models/" + model.id() + "/plots/fit.png", "image/png");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("linear-v" + model.version() + "-fit.png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    Files.createDirectories(Path.of("target/screenshots"));
    Files.write(Path.of("target/screenshots/fit-plot.png"), r.body()); // for a reviewer
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(800);
    Set<Integer> colours = new HashSet<>();
    int black = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb == 0) {
          black++;
        }
      }
    }
    assertThat(colours.size()).as("points blended in many shades").isGreaterThan(20);
    assertThat(black).as("the identity line and the text").isGreaterThan(1500);

    BufferedImage small =
        ImageIO.read(
            new ByteArrayInputStream(
                get("/api/v1/models/" + model.id() + "/plots/fit.png?width=400&height=300", null)
                    .body()));
    assertThat(small.getWidth()).isEqualTo(400);
    assertThat(small.getHeight()).isEqualTo(300);
  }

  @Nested
  class Refused {

    @Test
    void anUnknownModelIs404() throws Exception {
      for (String path : new String[] {"/fit", "/plots/fit.png"}) {
        HttpResponse<byte[]> r = get("/api/v1/models/987654" + path, null);
        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(r).get("code").asString()).isEqualTo("model-not-found");
      }
    }

    @Test
    void anUnknownModelIs404EvenWhenOnlyAnImageIsAccepted() throws Exception {
      HttpResponse<byte[]> r = get("/api/v1/models/987654/plots/fit.png", "image/png");
      assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void pointsOutOfRangeNameTheField() throws Exception {
      HttpResponse<byte[]> r = get("/api/v1/models/" + model.id() + "/fit?points=0", null);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).get("field").asString()).isEqualTo("points");
    }

    @Test
    void aSizeOutOfRangeNamesTheField() throws Exception {
      HttpResponse<byte[]> r =
          get("/api/v1/models/" + model.id() + "/plots/fit.png?width=50", null);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).get("field").asString()).isEqualTo("width");
      r = get("/api/v1/models/" + model.id() + "/plots/fit.png?height=5000", null);
      assertThat(json(r).get("field").asString()).isEqualTo("height");
    }
  }
}
