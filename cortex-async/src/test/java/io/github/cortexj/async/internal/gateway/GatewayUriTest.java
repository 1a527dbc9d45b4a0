package io.github.cortexj.async.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class GatewayUriTest {

  @Test
  void anIpv4WildcardReportedAsTheIpv6WildcardIsShownAsAsked() throws Exception {
    InetSocketAddress bound = new InetSocketAddress(InetAddress.getByName("::"), 8888);

    assertThat(GatewayUri.of(InetAddress.getByName("0.0.0.0"), bound)).hasToString("http://0.0.0.0:8888");
  }

  @Test
  void aLoopbackAddressIsShownAsBound() throws Exception {
    InetSocketAddress bound = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 41234);

    assertThat(GatewayUri.of(InetAddress.getByName("localhost"), bound)).hasToString("http://127.0.0.1:41234");
  }

  @Test
  void anIpv6AddressIsBracketed() throws Exception {
    InetSocketAddress bound = new InetSocketAddress(InetAddress.getByName("::1"), 9000);

    assertThat(GatewayUri.of(InetAddress.getByName("::1"), bound)).hasToString("http://[0:0:0:0:0:0:0:1]:9000");
  }
}
