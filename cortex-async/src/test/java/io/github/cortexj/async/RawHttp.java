package io.github.cortexj.async;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Speaks HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} will not send: an empty header
 * value, a declared length that never arrives, a chunked body cut short.
 */
final class RawHttp {

  /** A status, the headers as one lower-cased block, and the body. */
  record Answer(int status, String headers, String body) {}

  private RawHttp() {}

  /**
   * Sends the request head (with {@code Host} and the given lines) and then the body bytes, and reads one answer.
   * Writing stops quietly when the server closes the connection early.
   */
  static Answer exchange(URI base, String requestLine, String headerLines, byte[] body) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String head = requestLine + "\r\nHost: " + base.getHost() + "\r\n" + headerLines + "\r\n";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      try {
        out.write(body);
        out.flush();
      } catch (IOException closedEarly) {
        // the server answered and closed before reading everything: read its answer
      }
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed in the answer's head: " + head);
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(text.substring(9, 12));
    String headers = text.substring(text.indexOf("\r\n") + 2).toLowerCase(Locale.ROOT);
    int length = 0;
    for (String line : headers.split("\r\n")) {
      if (line.startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }
}
