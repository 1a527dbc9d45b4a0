package io.github.cortexj.async.internal.gateway;

/**
 * Turns on TCP_NODELAY for the JDK's HTTP server, unless the user chose: without it, Nagle's algorithm and delayed
 * ACKs hold every small response for about 40 ms on Linux. The JDK reads the property once, when its server
 * implementation is first initialised, so this must run before the JVM's first {@code HttpServer} is created.
 * Thread safe (system properties are).
 */
public final class TcpNoDelay {

  /** The JDK's property. */
  public static final String PROPERTY = "sun.net.httpserver.nodelay";

  private TcpNoDelay() {}

  /** Sets {@value #PROPERTY} to {@code true} when it is not set. */
  public static void enableUnlessSet() {
    synchronized (System.getProperties()) {
      if (System.getProperty(PROPERTY) == null) {
        System.setProperty(PROPERTY, "true");
      }
    }
  }
}
