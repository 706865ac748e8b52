package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TexToUnicodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", textBlock = """
            sigma_W => σ_W
            \\beta => β
            \\beta_V \\to \\infty => β_V → ∞
            chi^2 => χ²
            betaV = 2 => β_V = 2
            sigmaW => σ_W
            W^(1) => W⁽¹⁾
            m_4 => m₄
            G_h(r) => Gₕ(r)
            e^A and e^B => eᴬ and eᴮ
            (e^A, e^B, e^C) => (e^A, e^B, e^C)
            u_4 against sigma_W => u₄ against σ_W
            |u_4| / sigma_W^2 => |u₄| / σ_W²
            Delta G^(2)/G_0^(2) => Δ G⁽²⁾/G₀⁽²⁾
            log10 m_4 => log₁₀ m₄
            betaV -> infinity => β_V → ∞
            |m - n| => |m − n|
            x_min => xₘᵢₙ
            10^-12 => 10⁻¹²
            W_{i+1} => Wᵢ₊₁
            e^{γt'} => e^(γt')
            x^((d-1)/2) => x^((d-1)/2)
            x / sqrt(g/r) => x / √(g/r)
            \\langle h \\rangle => ⟨ h ⟩
            exp(-beta (C + c_W W^2)) => exp(-β (C + c_W W²))
            tau = ln b => τ = ln b
            xi (layers) => ξ (layers)
            alphabet, theta, zeta-function => alphabet, θ, ζ-function
            Fashion-MNIST accuracy => Fashion-MNIST accuracy
            multiset number => multiset number
            E + γ∫W'^2 dt => E + γ∫W'² dt
            """)
    void convertsTexLikeLabels(String in, String out) {
        assertThat(TexToUnicode.convert(in.strip())).isEqualTo(out.strip());
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(TexToUnicode.convert("rank")).isEqualTo("rank");
        assertThat(TexToUnicode.convert("")).isEmpty();
        assertThat(TexToUnicode.convert(null)).isNull();
        assertThat(TexToUnicode.convert("x^")).isEqualTo("x^");
    }

    @Test
    void tablesOfScriptsAreAligned() {
        assertThat(TexToUnicode.SUPER_FROM).hasSameSizeAs(TexToUnicode.SUPER_TO);
        assertThat(TexToUnicode.SUB_FROM).hasSameSizeAs(TexToUnicode.SUB_TO);
    }

    /** The renderer shows the Unicode form only where its font has every glyph; otherwise the text as given. */
    @Test
    void rendererShowsUnicodeItsFontCanDisplay() {
        Font font = new Font("DejaVu Sans", Font.PLAIN, 12);
        for (String s : new String[] {"σ_W", "W^(1)", "Delta G^(2)/G_0^(2)", "e^A", "x_min", "betaV -> infinity"}) {
            String shown = PlotRenderer.text(font, s);
            assertThat(font.canDisplayUpTo(shown)).as(shown).isEqualTo(-1);
            assertThat(shown).isIn(TexToUnicode.convert(s), s);
        }
        // a font without the glyphs falls back to the text as given
        Font none = new Font("NoSuchFontFamily-deeprg", Font.PLAIN, 12);
        String shown = PlotRenderer.text(none, "sigma_W");
        assertThat(shown).isIn("σ_W", "sigma_W");
    }
}
