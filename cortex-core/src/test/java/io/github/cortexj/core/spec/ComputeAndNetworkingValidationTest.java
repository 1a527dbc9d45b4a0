package io.github.cortexj.core.spec;

import static io.github.cortexj.core.spec.SpecFixtures.batchWith;
import static io.github.cortexj.core.spec.SpecFixtures.error;
import static io.github.cortexj.core.spec.SpecFixtures.iris;
import static io.github.cortexj.core.spec.SpecFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The compute and networking sections. */
class ComputeAndNetworkingValidationTest {

  @Test
  void parsesEveryComputeField() {
    assertThat(parse(batchWith("compute: {cpu: 500m, mem: 1Gi, gpu: 2, node_groups: [gpu-a, spot_b]}")).get(0)
            .compute())
        .isEqualTo(new ComputeSpec("500m", "1Gi", 2, 0, List.of("gpu-a", "spot_b")));
  }

  @Test
  void readsNumericCpuAsQuantityText() {
    assertThat(parse(batchWith("compute: {cpu: 1.5}")).get(0).compute().cpu()).isEqualTo("1.5");
  }

  @Test
  void treatsNullCpuAsNoRequest() {
    assertThat(parse(batchWith("compute: {cpu: null}")).get(0).compute().cpu()).isNull();
  }

  @Test
  void keepsDefaultCpuWhenComputeOmitsIt() {
    assertThat(parse(batchWith("compute: {mem: 64Mi}")).get(0).compute().cpu()).isEqualTo("200m");
  }

  @Test
  void rejectsCpuBelow20m() {
    assertThat(error(batchWith("compute: {cpu: 10m}"))).isEqualTo(iris("compute.cpu: must be at least 20m (got 10m)"));
  }

  @Test
  void acceptsCpuOfExactly20m() {
    assertThat(parse(batchWith("compute: {cpu: 20m}")).get(0).compute().cpu()).isEqualTo("20m");
  }

  @Test
  void rejectsCpuThatIsNotAQuantity() {
    assertThat(error(batchWith("compute: {cpu: two}")))
        .isEqualTo(iris("compute.cpu: must be a quantity such as 200m or 1 (got \"two\")"));
  }

  @Test
  void rejectsCpuOfWrongType() {
    assertThat(error(batchWith("compute: {cpu: [1]}")))
        .isEqualTo(iris("compute.cpu: must be a quantity such as 200m or 1 (got list)"));
  }

  @Test
  void rejectsMemBelow20Mi() {
    assertThat(error(batchWith("compute: {mem: 19Mi}"))).isEqualTo(iris("compute.mem: must be at least 20Mi (got 19Mi)"));
  }

  @Test
  void rejectsNegativeGpu() {
    assertThat(error(batchWith("compute: {gpu: -1}"))).isEqualTo(iris("compute.gpu: must be at least 0 (got -1)"));
  }

  @Test
  void rejectsInfAboveOne() {
    assertThat(error(batchWith("compute: {inf: 2}"))).isEqualTo(iris("compute.inf: must be 0 or 1 (got 2)"));
  }

  @Test
  void rejectsGpuAndInfTogether() {
    assertThat(error(batchWith("compute: {gpu: 1, inf: 1}")))
        .isEqualTo(iris("compute: gpu and inf cannot both be requested"));
  }

  @Test
  void rejectsEmptyNodeGroups() {
    assertThat(error(batchWith("compute: {node_groups: []}")))
        .isEqualTo(iris("compute.node_groups: must not be empty (leave it out to run on any node group)"));
  }

  @Test
  void rejectsInvalidNodeGroupNameWithItsIndex() {
    assertThat(error(batchWith("compute: {node_groups: [ok, 'not ok']}")))
        .isEqualTo(iris("compute.node_groups[1]: must contain only letters, digits, \"_\" and \"-\" (got \"not ok\")"));
  }

  @Test
  void rejectsUnknownComputeKey() {
    assertThat(error(batchWith("compute: {disk: 10Gi}")))
        .isEqualTo(iris("compute.disk: key \"disk\" is not supported"));
  }

  @ParameterizedTest
  @CsvSource({"iris,/iris", "/iris,/iris", "iris/,/iris", "/v1/iris/,/v1/iris", "a.b_c-d,/a.b_c-d"})
  void canonicalisesEndpoint(String written, String canonical) {
    assertThat(parse(batchWith("networking: {endpoint: '" + written + "'}")).get(0).networking().endpoint())
        .isEqualTo(canonical);
  }

  @Test
  void defaultsEndpointToSlashName() {
    assertThat(parse(batchWith("networking: {}")).get(0).networking().endpoint()).isEqualTo("/iris");
  }

  @Test
  void rejectsEndpointWithInvalidCharacters() {
    assertThat(error(batchWith("networking: {endpoint: 'v1/iris?x=1'}")))
        .isEqualTo(iris("networking.endpoint: must contain only letters, digits, \"_\", \"-\", \".\" and \"/\""
            + " (got \"v1/iris?x=1\")"));
  }

  @Test
  void rejectsEndpointWithDoubleSlash() {
    assertThat(error(batchWith("networking: {endpoint: 'v1//iris'}")))
        .isEqualTo(iris("networking.endpoint: must not contain \"//\" (got \"v1//iris\")"));
  }

  @Test
  void rejectsEndpointThatIsOnlySlash() {
    assertThat(error(batchWith("networking: {endpoint: /}")))
        .isEqualTo(iris("networking.endpoint: must not be \"/\" (got \"/\")"));
  }

  @Test
  void rejectsEndpointLongerThan1000Characters() {
    assertThat(error(batchWith("networking: {endpoint: " + "a".repeat(1001) + "}")))
        .isEqualTo(iris("networking.endpoint: must be at most 1000 characters (got 1001)"));
  }

  @Test
  void rejectsUnknownNetworkingKey() {
    assertThat(error(batchWith("networking: {api_gateway: public}")))
        .isEqualTo(iris("networking.api_gateway: key \"api_gateway\" is not supported"));
  }
}
