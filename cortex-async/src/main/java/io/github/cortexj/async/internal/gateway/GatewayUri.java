package io.github.cortexj.async.internal.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The URL the gateway prints and answers at. A server bound to {@code 0.0.0.0} reports the IPv6 wildcard
 * ({@code ::}) on a dual-stack JVM; the URL then names the address the user asked for instead, so that
 * {@code --bind 0.0.0.0} prints {@code http://0.0.0.0:8888}. Stateless.
 */
public final class GatewayUri {

  private GatewayUri() {}

  /**
   * Builds the URL.
   *
   * @param requested the address the gateway was asked to bind
   * @param bound the address and port the server reports
   * @return {@code http://<host>:<port>}, an IPv6 host in brackets
   */
  public static URI of(InetAddress requested, InetSocketAddress bound) {
    InetAddress shown = bound.getAddress().isAnyLocalAddress() ? requested : bound.getAddress();
    String host = shown.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + bound.getPort());
  }
}
