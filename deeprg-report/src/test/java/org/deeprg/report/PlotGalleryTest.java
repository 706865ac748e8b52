package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deeprg.result.Figure;
import org.junit.jupiter.api.Test;

/** Renders the gallery into target/plot-gallery (to look at) and checks each figure was drawn or explained. */
class PlotGalleryTest {
    @Test
    void galleryRenders() throws Exception {
        Path dir = Path.of("target/plot-gallery");
        Files.createDirectories(dir);
        for (Figure f : PlotGallery.all()) {
            PlotRenderer.Rendering r = PlotRenderer.render(f, dir);
            assertThat(r.drawn() || r.degenerate() != null).isTrue();
        }
    }
}
