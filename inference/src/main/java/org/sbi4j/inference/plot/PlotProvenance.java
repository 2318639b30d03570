package org.sbi4j.inference.plot;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.sbi4j.common.Provenance;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run's provenance (docs/formats.md §17) inside a plot: a PNG {@code iTXt} chunk with keyword
 * {@value #KEYWORD} right after the header chunk, and an SVG {@code <metadata
 * id="sbi4j-provenance">} element first inside {@code <svg>}; both hold the provenance as JSON
 * (§17.1).
 */
final class PlotProvenance {
  /** PNG text keyword and SVG metadata id. */
  static final String KEYWORD = "sbi4j-provenance";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** PNG signature (8 bytes) and the IHDR chunk (length, type, 13 data bytes, CRC). */
  private static final int AFTER_HEADER = 8 + 4 + 4 + 13 + 4;

  private PlotProvenance() {}

  static String json(Provenance p) {
    return JSON.writeValueAsString(p);
  }

  /** {@code png} with an iTXt chunk holding {@code p} after its IHDR chunk. */
  static byte[] png(byte[] png, Provenance p) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes(KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
    // null separator, compression flag 0 and method 0, empty language tag and translated keyword
    data.writeBytes(new byte[] {0, 0, 0, 0, 0});
    data.writeBytes(json(p).getBytes(StandardCharsets.UTF_8));
    byte[] body = data.toByteArray();
    byte[] type = "iTXt".getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(body);
    ByteBuffer chunk = ByteBuffer.allocate(4 + 4 + body.length + 4);
    chunk.putInt(body.length).put(type).put(body).putInt((int) crc.getValue());
    ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + chunk.capacity());
    out.write(png, 0, AFTER_HEADER);
    out.writeBytes(chunk.array());
    out.write(png, AFTER_HEADER, png.length - AFTER_HEADER);
    return out.toByteArray();
  }

  /** {@code svg} with a metadata element holding {@code p} first inside its root element. */
  static String svg(String svg, Provenance p) {
    int root = svg.indexOf("<svg");
    int end = root < 0 ? -1 : svg.indexOf('>', root);
    if (end < 0) {
      throw new IllegalStateException("the SVG writer produced no <svg> element");
    }
    String text = json(p).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return svg.substring(0, end + 1)
        + "\n<metadata id=\""
        + KEYWORD
        + "\">"
        + text
        + "</metadata>"
        + svg.substring(end + 1);
  }
}
