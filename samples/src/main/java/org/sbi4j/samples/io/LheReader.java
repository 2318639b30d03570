package org.sbi4j.samples.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sbi4j.common.Progress;

/**
 * Streams the events of an LHE file (plain or gzip-compressed) with the JDK's StAX parser, DTDs and
 * external entities disabled: a DOCTYPE is rejected, so no file or network resource is ever read
 * and no entity is expanded (no XXE, no entity-expansion bombs). Errors name the event number
 * (1-based) and the file.
 */
final class LheReader {
  private LheReader() {}

  static XMLInputFactory safeFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setXMLReporter((message, type, info, location) -> {});
    return f;
  }

  /** Receives the events of an LHE file one by one. */
  @FunctionalInterface
  interface EventSink {
    /**
     * @param event 1-based number of the event in its file
     * @param ev its weight XWGTUP and particles
     * @param wgt its {@code <wgt id=…>} weights by id
     */
    void accept(int event, LheObservables.Event ev, Map<String, Double> wgt);
  }

  /**
   * Streams the events of {@code lhe} (plain or gzip-compressed) to {@code sink}, checking first
   * that every id of {@code ids} but {@code nominal} is declared in the header; {@code progress} is
   * stepped by the bytes read from the file. Returns the number of events.
   */
  static int stream(Path lhe, Collection<String> ids, Progress progress, EventSink sink) {
    int event = 0;
    Set<String> declared = new LinkedHashSet<>();
    Tracked tracked = null;
    try (Tracked in = open(lhe, progress)) {
      tracked = in;
      // decode strictly here so that bad bytes are one clear error, not parser noise on stderr
      java.io.Reader text =
          new java.io.InputStreamReader(
              in,
              java.nio.charset.StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                  .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
      XMLStreamReader r = safeFactory().createXMLStreamReader(text);
      try {
        while (r.hasNext()) {
          int type = r.next();
          if (type == XMLStreamConstants.DTD || type == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new IllegalArgumentException(
                lhe
                    + ": LHE files must not contain a DOCTYPE or "
                    + "entity references (refused for safety)"
                    + where(event));
          }
          if (type != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String name = r.getLocalName();
          if (name.equals("weight") && r.getAttributeValue(null, "id") != null) {
            declared.add(r.getAttributeValue(null, "id").trim());
          } else if (name.equals("event")) {
            event++;
            if (event == 1) {
              checkDeclared(lhe, ids, declared);
            }
            readEvent(lhe, r, event, sink);
          }
        }
      } finally {
        r.close();
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("file " + lhe + " does not exist");
    } catch (XMLStreamException e) {
      Throwable io = ioCause(e, tracked);
      if (io != null) {
        throw bytesError(lhe, event, io);
      }
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: malformed XML at line %d%s: %s",
              lhe,
              e.getLocation() == null ? -1 : e.getLocation().getLineNumber(),
              where(event),
              firstLine(e.getMessage())));
    } catch (java.util.zip.ZipException
        | java.io.EOFException
        | java.nio.charset.CharacterCodingException e) {
      throw bytesError(lhe, event, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + lhe + ": " + e.getMessage());
    }
    if (event == 0) {
      throw new IllegalArgumentException(lhe + " has no <event>; is it an LHE file?");
    }
    return event;
  }

  /** The gzip or text-decoding failure behind a parser error, or null. */
  private static Throwable ioCause(Throwable e, Tracked in) {
    if (in != null && in.failure != null) {
      return in.failure;
    }
    for (Throwable t = e; t != null; ) {
      if (t instanceof java.util.zip.ZipException
          || t instanceof java.io.EOFException
          || t instanceof java.nio.charset.CharacterCodingException) {
        return t;
      }
      Throwable next =
          t instanceof XMLStreamException x && x.getNestedException() != null
              ? x.getNestedException()
              : t.getCause();
      t = next == t ? null : next;
    }
    return null;
  }

  /** A stream that remembers the first read failure (the XML parser may hide it). */
  private static final class Tracked extends java.io.FilterInputStream {
    IOException failure;

    Tracked(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }
  }

  private static IllegalArgumentException bytesError(Path lhe, int event, Throwable t) {
    if (t instanceof java.nio.charset.CharacterCodingException) {
      return new IllegalArgumentException(
          lhe + ": invalid UTF-8 bytes" + where(event) + "; LHE files are UTF-8 (or ASCII) text");
    }
    return new IllegalArgumentException(
        lhe
            + ": corrupt or truncated gzip data"
            + where(event)
            + " ("
            + t.getMessage()
            + "); re-copy or re-compress the file");
  }

  /** The file's bytes, gunzipped when they start with gzip's magic number. */
  private static Tracked open(Path lhe, Progress progress) throws IOException {
    InputStream raw =
        new java.io.FilterInputStream(Files.newInputStream(lhe)) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              progress.step(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
              progress.step(n);
            }
            return n;
          }
        };
    java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return new Tracked(
        b0 == 0x1f && b1 == 0x8b ? new java.util.zip.GZIPInputStream(in, 1 << 16) : in);
  }

  /**
   * The weight of an event under {@code id}: XWGTUP for {@code nominal}, else its {@code <wgt>}; a
   * missing weight is bad input.
   */
  static double weight(
      Path lhe, int event, LheObservables.Event ev, Map<String, Double> wgt, String id) {
    Double v = id.equals("nominal") ? Double.valueOf(ev.weight()) : wgt.get(id);
    if (v == null) {
      throw new IllegalArgumentException(
          lhe
              + ": event "
              + event
              + " has no <wgt id='"
              + id
              + "'>; every event needs a weight for every benchmark");
    }
    return v;
  }

  private static void checkDeclared(Path lhe, Collection<String> ids, Set<String> declared) {
    for (String id : ids) {
      if (!id.equals("nominal") && !declared.contains(id)) {
        throw new IllegalArgumentException(
            lhe
                + ": weight id '"
                + id
                + "' is not declared in "
                + "<initrwgt> (declared: "
                + declared
                + "); fix the mapping's 'weights'");
      }
    }
  }

  private static void readEvent(Path lhe, XMLStreamReader r, int event, EventSink sink)
      throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    Map<String, Double> wgt = new LinkedHashMap<>();
    int depth = 1;
    String wgtId = null;
    StringBuilder wgtText = null;
    while (depth > 0) {
      int type = r.next();
      switch (type) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (r.getLocalName().equals("wgt")) {
            wgtId = r.getAttributeValue(null, "id");
            wgtText = new StringBuilder();
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          if (r.getLocalName().equals("wgt") && wgtId != null) {
            wgt.put(wgtId.trim(), number(lhe, event, "weight '" + wgtId + "'", wgtText));
            wgtId = null;
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (wgtText != null && wgtId != null) {
            wgtText.append(r.getText());
          } else if (depth == 1) {
            text.append(r.getText());
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
            throw new IllegalArgumentException(lhe + ": entity reference refused" + where(event));
        case XMLStreamConstants.END_DOCUMENT ->
            throw new IllegalArgumentException(lhe + ": file ends inside" + where(event));
        default -> {}
      }
    }
    sink.accept(event, LheObservables.parseEvent(lhe, event, text.toString()), wgt);
  }

  private static double number(Path lhe, int event, String what, CharSequence s) {
    try {
      double v = Double.parseDouble(s.toString().trim());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException("not finite");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          lhe
              + ": event "
              + event
              + ": "
              + what
              + " = '"
              + s.toString().trim()
              + "' is not a finite number");
    }
  }

  private static String where(int event) {
    return event == 0 ? " (in the header)" : " (in event " + event + ")";
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').trim();
  }
}
