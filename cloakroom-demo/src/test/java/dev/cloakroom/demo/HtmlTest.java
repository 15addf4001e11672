package dev.cloakroom.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void escapesTheFiveCharactersThatCanBreakOutOfTextOrAnAttribute() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(Html.escape("héllo wörld 123")).isEqualTo("héllo wörld 123");
    }

    @Test
    void turnsNullIntoNothing() {
        assertThat(Html.escape(null)).isEmpty();
    }
}
