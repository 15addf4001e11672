package dev.cloakroom.internal;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Which mappers read back, node for node, the trees they write. */
@ExtendWith(NoSessionIdInLogs.class)
class ExactTreesTest {

    @Test
    void cloakroomsMapperAndAPlainOneDo() {
        assertThat(ExactTrees.keptBy(SessionCodec.defaultMapper())).isTrue();
        assertThat(ExactTrees.keptBy(new JsonMapper())).isTrue();
    }

    @Test
    void mappersThatReadNumbersOrNullsOtherwiseDoNot() {
        assertThat(ExactTrees.keptBy(JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build())).isFalse();
        assertThat(ExactTrees.keptBy(JsonMapper.builder().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build())).isFalse();
        assertThat(ExactTrees.keptBy(JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build())).isFalse();
        assertThat(ExactTrees.keptBy(JsonMapper.builder().disable(JsonNodeFeature.READ_NULL_PROPERTIES).build())).isFalse();
        assertThat(ExactTrees.keptBy(JsonMapper.builder().enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS).build())).isFalse();
    }
}
