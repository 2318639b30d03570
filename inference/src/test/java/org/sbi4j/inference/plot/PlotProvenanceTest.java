package org.sbi4j.inference.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.Provenance;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.json.JsonMapper;

/** Plots carry the run's provenance; the JDK's PNG and XML parsers read it back. */
class PlotProvenanceTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    Provenance.setCurrent(null);
  }

  @Test
  void pngAndSvgHoldTheProvenance() throws Exception {
    Provenance run =
        Provenance.of(
            List.of("sbi4j", "limits", "--plot", "θ <&> plot"), Map.of("seed", 9L), List.of());
    Provenance.setCurrent(run);
    new Figure("t", "x", "y")
        .line("l", new double[] {0, 1}, new double[] {1, 2})
        .save(dir.resolve("p"));

    // PNG: ImageIO still decodes the image and lists the iTXt entry (its parser checks the chunk)
    byte[] png = Files.readAllBytes(dir.resolve("p.png"));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image);
    ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
    String text;
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
      reader.setInput(in);
      IIOMetadata meta = reader.getImageMetadata(0);
      Element root = (Element) meta.getAsTree("javax_imageio_png_1.0");
      Element entry = (Element) root.getElementsByTagName("iTXtEntry").item(0);
      assertEquals(PlotProvenance.KEYWORD, entry.getAttribute("keyword"));
      text = entry.getAttribute("text");
    }
    assertEquals(run, JsonMapper.builder().build().readValue(text, Provenance.class));

    // SVG: an XML parser (no DTD fetched) finds the metadata element
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    NodeList meta =
        f.newDocumentBuilder()
            .parse(dir.resolve("p.svg").toFile())
            .getElementsByTagName("metadata");
    Element m = (Element) meta.item(0);
    assertEquals(PlotProvenance.KEYWORD, m.getAttribute("id"));
    assertEquals(run, JsonMapper.builder().build().readValue(m.getTextContent(), Provenance.class));
  }
}
