package dev.cloakroom.lifecycle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code SessionOptions.objectMapper}: the application's mapper, not Cloakroom's, writes and reads values. */
@ExtendWith(NoSessionIdInLogs.class)
class CustomObjectMapperTest extends LifecycleFixture {

    record Profile(String displayName, int loginCount) {
    }

    /** Written as a plain upper-case string, which Cloakroom's own mapper would never do. */
    record Shout(String text) {
    }

    static final class ShoutSerializer extends ValueSerializer<Shout> {
        @Override
        public void serialize(Shout value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.text().toUpperCase(Locale.ROOT));
        }
    }

    @BeforeEach
    void snakeCaseMapperWithAShoutSerializer() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new SimpleModule().addSerializer(Shout.class, new ShoutSerializer()))
                .build();
        configure(b -> b.objectMapper(mapper));
    }

    @Nested
    class WhenTheApplicationGivesAMapper {

        @Test
        void itsNamingStrategyShowsInTheStoredJson() {
            String id = seed(s -> s.set("profile", new Profile("Ada", 3)));
            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json)
                    .contains("\"profile\":{\"display_name\":\"Ada\",\"login_count\":3}"));
        }

        @Test
        void itReadsTheValueBackUnderThoseNames() {
            String id = seed(s -> s.set("profile", new Profile("Ada", 3)));
            withSession(cookieFor(id), s -> assertThat(s.get("profile", Profile.class)).contains(new Profile("Ada", 3)));
        }

        @Test
        void itsCustomSerializerWritesTheValue() {
            String id = seed(s -> s.set("greeting", new Shout("hello")));
            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("\"greeting\":\"HELLO\""));
        }

        @Test
        void theExpressCookieObjectKeepsItsOwnNames() {
            String id = seed(s -> s.set("profile", new Profile("Ada", 3)));
            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json)
                    .contains("\"originalMaxAge\"").contains("\"httpOnly\"").doesNotContain("original_max_age"));
        }
    }
}
