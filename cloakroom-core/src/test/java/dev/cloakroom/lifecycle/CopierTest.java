package dev.cloakroom.lifecycle;

import dev.cloakroom.AttributeTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A copier reads a stored value from JSON once per stored version and gives each read a copy of
 * its own: no handler sees another's changes, a new version is read again, and a copier that
 * declines, or a subclass, leaves every read to Jackson.
 */
@ExtendWith(NoSessionIdInLogs.class)
class CopierTest extends LifecycleFixture {

    /** Counts the instances Jackson makes; a copy is made by the other constructor and is not counted. */
    public static class Badge {
        static final AtomicInteger DESERIALIZED = new AtomicInteger();
        public List<String> stamps = new ArrayList<>();

        public Badge() {
            DESERIALIZED.incrementAndGet();
        }

        Badge(Badge other) {
            stamps = new ArrayList<>(other.stamps);
        }
    }

    public static final class SilverBadge extends Badge {
    }

    private String id;

    private void copier(UnaryOperator<Badge> copier) {
        configure(b -> b.attributeTypes(AttributeTypes.builder().allowPackages("dev.cloakroom.lifecycle")
                .copier(Badge.class, copier).build()));
    }

    private void seed(Badge badge) {
        badge.stamps.add("gold");
        id = seed(s -> s.set("badge", badge));
        Badge.DESERIALIZED.set(0);
    }

    private Badge readTyped() {
        Badge[] badge = new Badge[1];
        withSession(cookieFor(id), s -> badge[0] = s.get("badge", Badge.class).orElseThrow());
        return badge[0];
    }

    @BeforeEach
    void copyBadges() {
        copier(Badge::new);
    }

    @Test
    void aStoredVersionIsReadFromJsonOnceAndEachReadGetsItsOwnCopy() {
        seed(new Badge());
        Badge first = readTyped();
        Badge second = readTyped();
        Badge[] untyped = new Badge[1];
        withSession(cookieFor(id), s -> untyped[0] = (Badge) s.get("badge").orElseThrow());
        assertThat(Badge.DESERIALIZED).hasValue(1);
        assertThat(List.of(first, second, untyped[0])).allSatisfy(b -> assertThat(b.stamps).containsExactly("gold"));
        assertThat(first).isNotSameAs(second).isNotSameAs(untyped[0]);
        assertThat(first.stamps).isNotSameAs(second.stamps);
        assertThat(store.sets.get()).isZero();
    }

    @Test
    void aChangeInPlaceToOneCopyReachesNoOtherReadButIsSaved() {
        seed(new Badge());
        readTyped();
        withSession(cookieFor(id), s -> {
            s.get("badge", Badge.class).orElseThrow().stamps.add("silver");
            assertThat(readTyped().stamps).as("a request running meanwhile").containsExactly("gold");
        });
        assertThat(store.sets.get()).isOne();
        assertThat(readTyped().stamps).containsExactly("gold", "silver");
        assertThat(Badge.DESERIALIZED).as("the first version once, the saved one once").hasValue(2);
    }

    @Test
    void aCopierThatDeclinesLeavesEveryReadToJackson() {
        copier(b -> null);
        seed(new Badge());
        readTyped();
        readTyped();
        assertThat(Badge.DESERIALIZED).hasValue(2);
    }

    @Test
    void aSubclassIsNotCopied() {
        seed(new SilverBadge());
        Badge[] read = new Badge[2];
        withSession(cookieFor(id), s -> read[0] = (Badge) s.get("badge").orElseThrow());
        withSession(cookieFor(id), s -> read[1] = (Badge) s.get("badge").orElseThrow());
        assertThat(read).allSatisfy(b -> assertThat(b).isExactlyInstanceOf(SilverBadge.class));
        assertThat(Badge.DESERIALIZED).hasValue(2);
    }

    @Test
    void theTypesSayWhichClassesHaveOne() {
        assertThat(AttributeTypes.builder().copier(Badge.class, Badge::new).build())
                .hasToString("AttributeTypes[" + Badge.class.getName() + " (copier)]");
    }

    @Test
    void theBuilderRefusesANullTypeOrCopier() {
        assertThatThrownBy(() -> AttributeTypes.builder().copier(null, v -> v))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("attributeTypes.copier");
        assertThatThrownBy(() -> AttributeTypes.builder().copier(Badge.class, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("attributeTypes.copier");
    }
}
