package io.github.cortexj.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jackson writes specs in Cortex's spec JSON shape (reference §12.4). */
class ApiSpecJsonTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void writesAsyncApiInCortexShapeWithNanosecondDurations() throws Exception {
    ApiSpec api =
        ApiSpec.async("iris")
            .handlerClass("com.example.Iris")
            .config(Map.of("k", List.of(1)))
            .compute(ComputeSpec.builder().mem("1Gi").nodeGroups(List.of("ng")).build())
            .autoscaling(AutoscalingSpec.builder().window(Duration.ofSeconds(30)).build())
            .build();

    assertThat(mapper.writeValueAsString(api))
        .isEqualTo(
            "{\"name\":\"iris\",\"kind\":\"AsyncAPI\",\"handler\":{\"type\":\"java\",\"class\":\"com.example.Iris\","
                + "\"processes_per_replica\":1,\"threads_per_process\":1,\"log_level\":\"info\",\"config\":{\"k\":[1]},"
                + "\"env\":{}},\"definition\":null,\"networking\":{\"endpoint\":\"/iris\"},\"compute\":{\"cpu\":\"200m\","
                + "\"mem\":\"1Gi\",\"gpu\":0,\"inf\":0,\"node_groups\":[\"ng\"]},\"autoscaling\":{\"min_replicas\":1,"
                + "\"max_replicas\":100,\"init_replicas\":1,\"target_replica_concurrency\":1.0,"
                + "\"max_replica_concurrency\":1024,\"window\":30000000000,"
                + "\"downscale_stabilization_period\":300000000000,\"upscale_stabilization_period\":60000000000,"
                + "\"max_downscale_factor\":0.75,\"max_upscale_factor\":1.5,\"downscale_tolerance\":0.05,"
                + "\"upscale_tolerance\":0.05},\"update_strategy\":{\"max_surge\":\"25%\",\"max_unavailable\":\"25%\"}}");
  }

  @Test
  void writesTaskApiWithNullHandlerAndDefinitionClass() throws Exception {
    ApiSpec api = ApiSpec.task("t").handlerClass("a.T").build();

    assertThat(mapper.readTree(mapper.writeValueAsString(api)))
        .isEqualTo(
            mapper.readTree(
                "{\"name\":\"t\",\"kind\":\"TaskAPI\",\"handler\":null,\"definition\":{\"class\":\"a.T\","
                    + "\"log_level\":\"info\",\"config\":{},\"env\":{}},\"networking\":{\"endpoint\":\"/t\"},"
                    + "\"compute\":{\"cpu\":\"200m\",\"mem\":null,\"gpu\":0,\"inf\":0,\"node_groups\":null},"
                    + "\"autoscaling\":null,\"update_strategy\":null}"));
  }
}
