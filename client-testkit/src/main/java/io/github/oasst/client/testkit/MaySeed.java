package io.github.oasst.client.testkit;

import java.util.List;
import java.util.UUID;

/**
 * The 2023-05 fake's own content, as a young database holds it: message trees of another API
 * client's {@code __dummy_user__} in each state the tree manager hands out tasks for. Growing trees
 * of reviewed messages (to reply to), with a few replies awaiting review (to label); trees in
 * ranking with two reviewed assistant replies (to rank); prompts awaiting review (to label). All in
 * English, so that other languages have only initial prompts.
 */
final class MaySeed {
    /** The API client that owns the seed trees. */
    static final UUID SEED_CLIENT = MessageStore.OTHER_CLIENT;

    /** Conversations of growing trees, prompter first; every message reviewed. */
    private static final List<List<String>> GROWING = List.of(
            List.of("What is the capital of France?", "The capital of France is Paris.", "What is it best known for?"),
            List.of("Hi!", "Hello! How can I help you?", "Can you recommend a good book?"),
            List.of(
                    "Do you have a recipe for potato soup?",
                    "Sure: soften an onion in butter, add four diced potatoes and a litre of stock, simmer for"
                            + " twenty minutes, blend, and season with salt and pepper."),
            List.of(
                    "Can you explain how a rainbow forms?",
                    "Sunlight enters raindrops, bends, reflects off their back and bends again on the way out."
                            + " Each colour bends by a slightly different angle, so the light fans out into a band"
                            + " of colours."),
            List.of("Write a haiku about autumn."),
            List.of("How do I keep basil alive on a windowsill?"),
            List.of("What is the difference between weather and climate?"),
            List.of(
                    "Why do cats purr?",
                    "Cats purr when they are content, but also to calm themselves when they are stressed or hurt."),
            List.of(
                    "How long should I boil an egg?",
                    "About seven minutes for a firm white and a soft yolk, ten for a hard-boiled egg."),
            List.of(
                    "What does a bee do in winter?",
                    "Honey bees cluster in the hive and shiver their flight muscles to keep the queen warm."),
            List.of(
                    "Translate 'good morning' into Spanish.",
                    "Good morning in Spanish is 'buenos días'.",
                    "And good night?",
                    "Good night is 'buenas noches'."),
            List.of("Which planet is the largest?", "Jupiter is the largest planet of the solar system."),
            List.of(
                    "How do I say no to a colleague politely?",
                    "Thank them for thinking of you, say plainly that you cannot take it on, and if you can,"
                            + " suggest who else might help."));

    /** Replies awaiting review, appended to the growing trees above: {tree index, text}. */
    private static final List<List<String>> UNREVIEWED = List.of(
            List.of("0", "Paris is known for the Eiffel Tower, the Louvre and its cafés."),
            List.of("2", "Can I make it without butter?"),
            List.of("3", "Why is the sky blue, then?"),
            List.of("4", "Crisp leaves drifting down / the maple lets go of red / cold wind keeps the rest"),
            List.of("5", "Give it six hours of sun, water it when the soil is dry, and pinch off the flowers."));

    /** Prompts of trees in ranking, each with two reviewed assistant replies. */
    private static final List<List<String>> RANKING = List.of(
            List.of(
                    "How many legs does a spider have?",
                    "A spider has eight legs.",
                    "Eight: spiders are arachnids, not insects, which have six."),
            List.of(
                    "Is a tomato a fruit?",
                    "Botanically yes, it is a berry; in the kitchen it is used as a vegetable.",
                    "Yes."),
            List.of("What is 12 times 12?", "144.", "12 times 12 is 144, also called a gross."));

    /** Prompts awaiting review. */
    private static final List<String> REVIEW = List.of(
            "What are good habits for learning a new language?",
            "Can you explain what a black hole is?",
            "Suggest a name for a small bakery.");

    private MaySeed() {}

    /** Adds the seed trees to the store. */
    static void plant(MayStore store) {
        MayUser dummy = store.addUser(
                new MayUser(UUID.randomUUID(), SEED_CLIENT, "local", "__dummy_user__", "Dummy User", store.time.now()));
        dummy.tosAcceptance = dummy.created;
        List<MayMessage> leaves = new java.util.ArrayList<>();
        for (List<String> thread : GROWING) {
            leaves.add(chain(store, dummy, thread, MayTree.GROWING));
        }
        for (List<String> reply : UNREVIEWED) {
            MayMessage parent = leaves.get(Integer.parseInt(reply.get(0)));
            store.add(new MayMessage(
                    UUID.randomUUID(), parent, null, dummy, reply.get(1), "en", !parent.assistant, store.time.now()));
        }
        for (List<String> ranking : RANKING) {
            MayMessage prompt = chain(store, dummy, ranking.subList(0, 1), MayTree.RANKING);
            for (String text : ranking.subList(1, 3)) {
                reviewed(store.add(
                        new MayMessage(UUID.randomUUID(), prompt, null, dummy, text, "en", true, store.time.now())));
            }
        }
        for (String prompt : REVIEW) {
            MayMessage root = store.add(
                    new MayMessage(UUID.randomUUID(), null, null, dummy, prompt, "en", false, store.time.now()));
            store.addTree(new MayTree(root.id, "en", MayTree.INITIAL_PROMPT_REVIEW));
        }
    }

    /** A reviewed conversation as a new tree in the state; its last message. */
    private static MayMessage chain(MayStore store, MayUser user, List<String> texts, String state) {
        MayMessage parent = null;
        for (int i = 0; i < texts.size(); i++) {
            MayMessage message = store.add(new MayMessage(
                    UUID.randomUUID(), parent, null, user, texts.get(i), "en", i % 2 == 1, store.time.now()));
            reviewed(message);
            if (parent == null) {
                store.addTree(new MayTree(message.id, "en", state));
            }
            parent = message;
        }
        return parent;
    }

    private static MayMessage reviewed(MayMessage message) {
        message.reviewCount = MayTreeRules.NUM_REVIEWS;
        message.reviewResult = true;
        return message;
    }
}
