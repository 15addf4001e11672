package dev.cloakroom.lifecycle;

import dev.cloakroom.SessionStore;
import dev.cloakroom.StoreObserver;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@ExtendWith(NoSessionIdInLogs.class)
class StoreObserverTest extends LifecycleFixture {

    /** Writes down "operation outcome" per call and "saved N" per write. */
    static final class Recorder implements StoreObserver {
        final List<String> seen = new CopyOnWriteArrayList<>();
        SessionStore attachedTo;

        @Override
        public void attached(SessionStore store) {
            attachedTo = store;
        }

        @Override
        public void operation(String operation, Duration duration, Outcome outcome) {
            assertThat(duration.isNegative()).isFalse();
            seen.add(operation + " " + outcome);
        }

        @Override
        public void saved(int bytes) {
            seen.add("saved " + bytes);
        }
    }

    final Recorder observer = new Recorder();

    {
        configure(b -> b.observer(observer));
    }

    @Nested
    class WhenRequestsUseTheStore {

        @Test
        void everyCallIsToldWithItsOutcomeAndEveryWriteWithItsSize() {
            assertThat(observer.attachedTo).isSameAs(store);
            String id = seed(s -> s.set("n", 1));
            int bytes = storedJson(id).orElseThrow().getBytes(StandardCharsets.UTF_8).length;
            assertThat(observer.seen).containsExactly("set SUCCESS", "saved " + bytes);
            observer.seen.clear();
            withSession(cookieFor(id), s -> s.get("n"));
            assertThat(observer.seen).containsExactly("get SUCCESS", "touch SUCCESS");
        }

        @Test
        void aFailingCallIsAnError() {
            String id = seed(s -> s.set("n", 1));
            observer.seen.clear();
            store.failing = true;
            assertThat(catchThrowable(() -> withSession(cookieFor(id), s -> s.get("n")))).isNotNull();
            assertThat(observer.seen).containsExactly("get ERROR");
        }
    }

    @Nested
    class WhenAnObserverThrows {

        @Test
        void theRequestAndTheStoreWriteGoOn() {
            StoreObserver broken = new StoreObserver() {
                @Override
                public void operation(String operation, Duration duration, Outcome outcome) {
                    throw new IllegalStateException("observer bug");
                }
            };
            configure(b -> b.observer(broken).observer(observer));
            String[] id = new String[1];
            Response r = withSession(null, s -> {
                s.set("n", 1);
                id[0] = s.id();
            });
            assertThat(r.setCookies()).hasSize(1);
            assertStored(id[0]);
            assertThat(observer.seen).first().isEqualTo("set SUCCESS");
        }
    }
}
