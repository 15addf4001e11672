package dev.cloakroom.lifecycle;

import dev.cloakroom.AttributeTypes;
import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.lifecycle.FingerprintTest.Basket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit after the first one, once the response may be gone (a servlet response committed before
 * its filter returns), saves what changed since the first. Whatever it skips as unchanged without
 * comparing must not hide a change made in place to an object a handler holds.
 */
@ExtendWith(NoSessionIdInLogs.class)
class SecondCommitTest extends LifecycleFixture {

    private void allowBaskets(Function<Basket, Object> fingerprint) {
        configure(b -> {
            AttributeTypes.Builder types = AttributeTypes.builder().allowPackages("dev.cloakroom.lifecycle");
            if (fingerprint != null) {
                types.fingerprint(Basket.class, fingerprint);
            }
            b.attributeTypes(types.build());
        });
    }

    private String seedBasket() {
        Basket basket = new Basket();
        basket.add("apple");
        return seed(s -> {
            s.set("basket", basket);
            s.set("visits", 1);
        });
    }

    /** One request on {@code id}'s session that commits, runs {@code after}, and commits again. */
    private void commitTwice(String id, Consumer<Session> before, Consumer<Session> after) {
        SessionContext context = manager.open(TestExchange.to("/").cookie(cookieFor(id)));
        Session session = context.session();
        before.accept(session);
        context.commit();
        after.accept(session);
        context.commit();
    }

    private List<String> storedItems(String id) {
        List<String> items = new ArrayList<>();
        withSession(cookieFor(id), s -> items.addAll(s.get("basket", Basket.class).orElseThrow().items));
        return items;
    }

    @Test
    void anObjectSetBeforeTheFirstCommitAndChangedAfterItIsSaved() {
        allowBaskets(null);
        String id = seed(s -> s.set("visits", 1));
        Basket basket = new Basket();
        commitTwice(id, s -> s.set("basket", basket), s -> basket.add("pear"));
        assertThat(storedItems(id)).containsExactly("pear");
    }

    @Test
    void aValueReadBeforeTheFirstCommitAndChangedAfterItIsSaved() {
        allowBaskets(null);
        String id = seedBasket();
        Basket[] held = new Basket[1];
        commitTwice(id, s -> held[0] = s.get("basket", Basket.class).orElseThrow(), s -> held[0].add("pear"));
        assertThat(storedItems(id)).containsExactly("apple", "pear");
    }

    @Test
    void aFingerprintedValueChangedAfterTheFirstCommitIsSaved() {
        allowBaskets(b -> b.version);
        String id = seedBasket();
        Basket[] held = new Basket[1];
        commitTwice(id, s -> held[0] = s.get("basket", Basket.class).orElseThrow(), s -> held[0].add("pear"));
        assertThat(storedItems(id)).containsExactly("apple", "pear");
    }

    /**
     * The first commit saved the changed value; the change undone after it brings the fingerprint
     * back to what it was at the read, and the value's JSON back to the stored one, which is then
     * saved again: the fingerprint alone would say "as read", not "as the first commit saw it".
     */
    @Test
    void aFingerprintedValueChangedBeforeTheFirstCommitAndBackAfterItIsSavedAsItEnds() {
        allowBaskets(b -> List.copyOf(b.items));
        String id = seedBasket();
        Basket[] held = new Basket[1];
        commitTwice(id, s -> {
            held[0] = s.get("basket", Basket.class).orElseThrow();
            held[0].add("pear");
        }, s -> held[0].items.remove("pear"));
        assertThat(storedItems(id)).containsExactly("apple");
    }

    @Test
    void aNodeSetBeforeTheFirstCommitAndChangedAfterItIsSaved() {
        String id = seed(s -> s.set("visits", 1));
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("colour", "red");
        commitTwice(id, s -> s.set("car", node), s -> node.put("colour", "blue"));
        assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("\"colour\":\"blue\""));
    }

    @Test
    void aNodeReadBeforeTheFirstCommitAndChangedAfterItIsSaved() {
        String id = seed(s -> s.set("car", JsonNodeFactory.instance.objectNode().put("colour", "red")));
        ObjectNode[] held = new ObjectNode[1];
        commitTwice(id, s -> held[0] = s.get("car", ObjectNode.class).orElseThrow(), s -> held[0].put("colour", "blue"));
        assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("\"colour\":\"blue\""));
    }

    @Test
    void aValueSetAfterTheFirstCommitIsSaved() {
        String id = seed(s -> s.set("visits", 1));
        commitTwice(id, s -> s.set("visits", 2), s -> s.set("name", "ada"));
        assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("\"visits\":2").contains("\"name\":\"ada\""));
    }

    @Test
    void aSecondCommitAfterNothingChangedWritesNothing() {
        allowBaskets(b -> b.version);
        String id = seedBasket();
        commitTwice(id, s -> {
            s.get("basket", Basket.class).orElseThrow();
            s.get("visits", Integer.class).orElseThrow();
            s.set("name", "ada");
        }, s -> { });
        assertThat(store.sets.get()).as("the first commit's save only").isOne();
        assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("\"name\":\"ada\""));
    }
}
