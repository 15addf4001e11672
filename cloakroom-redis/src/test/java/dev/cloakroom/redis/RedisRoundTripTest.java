package dev.cloakroom.redis;

import dev.cloakroom.SessionStore;
import dev.cloakroom.testkit.RoundTripContract;
import io.lettuce.core.RedisClient;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Round trips per request on a real Redis, counted as the commands Lettuce sends (a pipeline of
 * two counts two): what the store's client costs, whatever Lua runs inside one script.
 */
class RedisRoundTripTest extends RoundTripContract {

    @RegisterExtension
    static final RedisForClass redis = RedisForClass.standalone();

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private RedisClient client;

    @Override
    protected SessionStore createStore() {
        redis.flush();
        client = RedisClient.create(redis.uri());
        client.addListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                sent.add(event.getCommand().getType().toString());
            }
        });
        return RedisStore.builder().client(client).build();
    }

    @AfterEach
    void shutDown() {
        client.shutdown();
    }

    @Override
    protected long roundTrips() {
        return sent.size();
    }

    @Override
    protected String sentSinceReset() {
        return sent.toString();
    }

    @Override
    protected void resetRoundTrips() {
        sent.clear();
    }
}
