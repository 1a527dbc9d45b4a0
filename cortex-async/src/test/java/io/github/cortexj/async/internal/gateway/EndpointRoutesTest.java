package io.github.cortexj.async.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.job.ApiInfo;
import io.github.cortexj.core.spec.ApiSpec;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EndpointRoutesTest {

  private final List<ApiInfo> apis = new CopyOnWriteArrayList<>();
  private final AtomicInteger lists = new AtomicInteger();
  private final CortexClient client =
      (CortexClient)
          Proxy.newProxyInstance(
              CortexClient.class.getClassLoader(),
              new Class<?>[] {CortexClient.class},
              (proxy, method, args) -> {
                if (method.getName().equals("listApis")) {
                  lists.incrementAndGet();
                  return List.copyOf(apis);
                }
                throw new UnsupportedOperationException(method.getName());
              });

  private static ApiInfo async(String name, String endpoint) {
    return new ApiInfo(ApiSpec.async(name).handlerClass("C").endpoint(endpoint).build(), "id", List.of());
  }

  private EndpointRoutes routes(Clock clock) {
    return new EndpointRoutes(client, clock, Duration.ofSeconds(1));
  }

  @Test
  void anExactEndpointWinsOverAShorterEndpointWithAnId() {
    apis.add(async("a", "/models"));
    apis.add(async("b", "/models/iris"));
    EndpointRoutes routes = routes(Clock.systemUTC());

    assertThat(routes.resolve("/models/iris")).contains(new Route("b", null));
    assertThat(routes.resolve("/models/xyz")).contains(new Route("a", "xyz"));
    assertThat(routes.resolve("/models/iris/xyz")).contains(new Route("b", "xyz"));
  }

  @Test
  void aPathWithTwoSegmentsAfterTheEndpointMatchesNothing() {
    apis.add(async("a", "/a"));

    assertThat(routes(Clock.systemUTC()).resolve("/a/b/c")).isEmpty();
  }

  @Test
  void reusesTheTableWithinTheRefreshIntervalAndReadsItAgainAfter() {
    apis.add(async("a", "/a"));
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    MutableClock clock = new MutableClock(start);
    EndpointRoutes routes = routes(clock);
    routes.resolve("/a");
    routes.resolve("/a/1");
    assertThat(lists).hasValue(1);

    clock.now = start.plusSeconds(1);
    routes.resolve("/a");

    assertThat(lists).hasValue(2);
  }

  @Test
  void aMissReadsTheApisAgainAtOnce() {
    EndpointRoutes routes = routes(new MutableClock(Instant.EPOCH));
    assertThat(routes.resolve("/late")).isEmpty();
    apis.add(async("late", "/late"));

    assertThat(routes.resolve("/late")).contains(new Route("late", null));
  }

  private static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
