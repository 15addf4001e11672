package dev.cloakroom.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.function.Supplier;

/**
 * One interop test class's world: a store, then the demo and the Express app on it, started once
 * before the class's tests and closed after. Nothing starts when the suite is switched off
 * ({@link InteropSwitch} then reports every test as skipped). A subclass states only its scenario.
 */
@ExtendWith(InteropSwitch.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedSessionSuite<S extends SharedStore> {

    private final Supplier<S> startStore;
    private final InteropStack.Settings settings;
    private NodeEnvironment node;
    /** The store both apps use; null when the suite is switched off. */
    S store;
    /** The two apps on {@link #store}, configured with the subclass's settings. */
    InteropStack stack;

    SharedSessionSuite(Supplier<S> startStore, InteropStack.Settings settings) {
        this.startStore = startStore;
        this.settings = settings;
    }

    @BeforeAll
    final void startStoreAndApps() {
        if (NodeEnvironment.skipRequested()) {
            return;
        }
        node = NodeEnvironment.require();
        store = startStore.get();
        stack = startStack(settings);
    }

    @AfterAll
    final void stopAppsAndStore() {
        if (stack != null) {
            stack.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** Another pair of apps on the same store; the caller closes it. */
    final InteropStack startStack(InteropStack.Settings other) {
        return InteropStack.start(node, store.javaUrl(), store.nodeUrl(), other);
    }
}
