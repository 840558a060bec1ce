package io.github.oasst.client.testkit;

import io.github.oasst.client.testkit.Responses.Reply;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The behaviour of a fake backend in 2023-05 mode: the routes of that backend over one store, its
 * seed trees planted at start and at each reset. Thread-safe: one lock guards the state.
 */
final class MayBackend implements Behaviour {
    private final Object lock = new Object();
    private final ApiClients clients;
    private final long seed;
    private MayStore store;
    private MayRouter router;

    MayBackend(ApiClients clients, long seed) {
        this.clients = clients;
        this.seed = seed;
        build(true);
    }

    /** A fresh store and its routes; with the seed trees when {@code plant}. */
    private void build(boolean plant) {
        store = new MayStore();
        if (plant) {
            MaySeed.plant(store);
        }
        MayTreeRules rules = new MayTreeRules(store);
        MayLabels labels = new MayLabels(store);
        MayInteractions interactions = new MayInteractions(store, rules, labels);
        router = new MayRouter();
        new MayTasks(new MayTaskMaker(store, rules, seed), interactions).routes(router);
        labels.routes(router);
        new MayMessages(store, rules).routes(router);
        MayUsers users = new MayUsers(store);
        users.routes(router);
        new MayFrontendUsers(store, users).routes(router);
        new MayBoards(store, new MayScores(store)).routes(router);
    }

    @Override
    public Reply handle(Request request, String origin) {
        synchronized (lock) {
            MayStore current = store;
            return router.handle(request, origin, params -> new MayCall(request, current, clients, params));
        }
    }

    @Override
    public void reset() {
        synchronized (lock) {
            build(true);
        }
    }

    @Override
    public List<FakeTask> tasks() {
        synchronized (lock) {
            return store.tasks().stream().map(MayTask::snapshot).toList();
        }
    }

    @Override
    public List<FakeMessage> messages() {
        synchronized (lock) {
            return store.snapshot();
        }
    }

    /**
     * Empties the store (no seed trees), sets its clock and runs {@code action} on it under the lock:
     * to set up the recorded state of a replay.
     */
    void replaceStore(Clock clock, Consumer<MayStore> action) {
        synchronized (lock) {
            build(false);
            store.time.clock(clock);
            action.accept(store);
        }
    }

    ApiClients clients() {
        return clients;
    }

    /** Runs {@code action} on the store under the lock. */
    void withStore(Consumer<MayStore> action) {
        synchronized (lock) {
            action.accept(store);
        }
    }
}
