package dev.cloakroom.lifecycle;

import dev.cloakroom.AttributeTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fingerprint stands in for writing a read value out at commit: equal fingerprints mean
 * unchanged, so a change it cannot see is not saved (which is why it must see every change), and a
 * value it cannot vouch for, or of another class, is compared in full as before.
 */
@ExtendWith(NoSessionIdInLogs.class)
class FingerprintTest extends LifecycleFixture {

    /** A mutable value whose {@code version} goes up with each change its owner makes through {@link #add}. */
    public static class Basket {
        public List<String> items = new ArrayList<>();
        public int version;

        void add(String item) {
            items.add(item);
            version++;
        }
    }

    public static final class GiftBasket extends Basket {
    }

    private void fingerprint(Function<Basket, Object> fingerprint) {
        configure(b -> b.attributeTypes(AttributeTypes.builder().allowPackages("dev.cloakroom.lifecycle")
                .fingerprint(Basket.class, fingerprint).build()));
    }

    private String seed(Basket basket) {
        basket.add("apple");
        return seed(s -> s.set("basket", basket));
    }

    /** Adds "pear" to the stored basket in place, through an untyped read, without its {@link Basket#add}. */
    private void addPearBehindItsBack(String id) {
        withSession(cookieFor(id), s -> ((Basket) s.get("basket").orElseThrow()).items.add("pear"));
    }

    private List<String> storedItems(String id) {
        List<String> items = new ArrayList<>();
        withSession(cookieFor(id), s -> items.addAll(s.get("basket", Basket.class).orElseThrow().items));
        return items;
    }

    @Test
    void aChangeTheFingerprintSeesIsSaved() {
        fingerprint(b -> b.version);
        String id = seed(new Basket());
        withSession(cookieFor(id), s -> ((Basket) s.get("basket").orElseThrow()).add("pear"));
        assertThat(store.sets.get()).isOne();
        assertThat(storedItems(id)).containsExactly("apple", "pear");
    }

    @Test
    void aReadWithAnUnchangedFingerprintIsNotWrittenOutSoAChangeItCannotSeeIsNotSaved() {
        fingerprint(b -> b.version);
        String id = seed(new Basket());
        addPearBehindItsBack(id);
        withSession(cookieFor(id), s -> s.get("basket", Basket.class).orElseThrow().items.add("plum"));
        assertThat(store.sets.get()).isZero();
        assertThat(storedItems(id)).containsExactly("apple");
    }

    @Test
    void aValueItCannotVouchForIsComparedInFull() {
        fingerprint(b -> null);
        String id = seed(new Basket());
        addPearBehindItsBack(id);
        assertThat(store.sets.get()).isOne();
        assertThat(storedItems(id)).containsExactly("apple", "pear");
    }

    @Test
    void aSubclassIsComparedInFull() {
        fingerprint(b -> b.version);
        String id = seed(new GiftBasket());
        addPearBehindItsBack(id);
        assertThat(store.sets.get()).isOne();
        assertThat(storedItems(id)).containsExactly("apple", "pear");
    }

    @Test
    void theTypesSayWhichClassesHaveOne() {
        assertThat(AttributeTypes.builder().fingerprint(Basket.class, b -> b.version).build())
                .hasToString("AttributeTypes[" + Basket.class.getName() + " (fingerprint)]");
    }

    @Test
    void theBuilderRefusesANullTypeOrFunction() {
        assertThatThrownBy(() -> AttributeTypes.builder().fingerprint(null, v -> v))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("attributeTypes.fingerprint");
        assertThatThrownBy(() -> AttributeTypes.builder().fingerprint(Basket.class, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("attributeTypes.fingerprint");
    }
}
