package io.github.oasst.client.testkit;

import io.github.oasst.client.protocol.Conversation;
import io.github.oasst.client.protocol.ConversationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fake backend's content: message trees like a young OASST database holds, and the texts users
 * add through their interactions. Not thread-safe; the backend guards it.
 */
final class SeedContent {
    /** Prompts and the conversations that grew from them; alternating prompter and assistant. */
    private static final List<List<String>> THREADS = List.of(
            List.of(
                    "What is the capital of France?",
                    "The capital of France is Paris.",
                    "What is it best known for?",
                    "Paris is known for the Eiffel Tower, the Louvre, its cafés and its long history as a centre of"
                            + " art and fashion."),
            List.of("Hi!", "Hello! How can I help you?", "Can you recommend a good book?"),
            List.of(
                    "Do you have a recipe for potato soup?",
                    "Sure: soften an onion in butter, add four diced potatoes and a litre of stock, simmer for"
                            + " twenty minutes, blend, and season with salt and pepper.",
                    "Can I make it without butter?"),
            List.of(
                    "Can you explain how a rainbow forms?",
                    "Sunlight enters raindrops, bends, reflects off their back and bends again on the way out."
                            + " Each colour bends by a slightly different angle, so the light fans out into a band"
                            + " of colours."),
            List.of("Write a haiku about autumn."));

    private static final List<String> ASSISTANT_REPLIES = List.of(
            "I'm unsure how to interpret this. Is it a riddle?",
            "Sorry, I did not understand your request. Could you describe it in a different way?",
            "Here is a short answer: it depends on what you need it for. Tell me more and I can help.",
            "Good question! Let me explain step by step.",
            "Crisp leaves drifting down / the maple lets go of red / cold wind keeps the rest");

    private static final List<String> PROMPTER_REPLIES = List.of(
            "Thanks! Can you explain that in simpler words?",
            "That's not quite what I meant. Can you try again?",
            "Who were the 8 presidents before George Washington?",
            "Can you give me a second example?");

    private static final List<String> HINTS = List.of(
            "Ask the assistant about a current event.",
            "Ask the assistant for help with a recipe.",
            "Ask the assistant to explain something from science.",
            "Ask the assistant to write a short poem.");

    private static final List<List<String>> ASSISTANT_LAST = prefixes(true);
    private static final List<List<String>> PROMPTER_LAST = prefixes(false);

    private static final int MAX_SUBMITTED = 100;

    private final Random random;
    private final List<String> submittedPrompts = new ArrayList<>();
    private final List<String> submittedAssistantReplies = new ArrayList<>();
    private final List<String> submittedPrompterReplies = new ArrayList<>();

    SeedContent(Random random) {
        this.random = random;
    }

    String hint() {
        return pick(HINTS);
    }

    List<String> prompts() {
        List<String> all = new ArrayList<>();
        THREADS.forEach(thread -> all.add(thread.get(0)));
        all.addAll(submittedPrompts);
        return all;
    }

    /** A conversation whose last message is the assistant's ({@code assistantLast}) or the prompter's. */
    Conversation conversation(boolean assistantLast) {
        List<String> texts = pick(assistantLast ? ASSISTANT_LAST : PROMPTER_LAST);
        List<ConversationMessage> messages = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            messages.add(new ConversationMessage(texts.get(i), i % 2 == 1));
        }
        return new Conversation(messages);
    }

    /** Every prefix of the threads whose last message is the assistant's ({@code assistantLast}) or the prompter's. */
    private static List<List<String>> prefixes(boolean assistantLast) {
        List<List<String>> fitting = new ArrayList<>();
        for (List<String> thread : THREADS) {
            for (int length = 1; length <= thread.size(); length++) {
                boolean lastIsAssistant = length % 2 == 0;
                if (lastIsAssistant == assistantLast) {
                    fitting.add(thread.subList(0, length));
                }
            }
        }
        return List.copyOf(fitting);
    }

    /** Two to four distinct candidate replies of one side. */
    List<String> replies(boolean assistant) {
        List<String> pool = new ArrayList<>(assistant ? ASSISTANT_REPLIES : PROMPTER_REPLIES);
        pool.addAll(assistant ? submittedAssistantReplies : submittedPrompterReplies);
        return sample(pool, 2 + random.nextInt(Math.min(3, pool.size() - 1)));
    }

    /** Three to five distinct prompts. */
    List<String> promptsToRank() {
        List<String> pool = prompts();
        return sample(pool, 3 + random.nextInt(Math.min(3, pool.size() - 2)));
    }

    String promptToLabel() {
        return pick(prompts());
    }

    String story() {
        return "Once upon a time a small robot learned to bake bread. Every morning it measured flour, water and"
                + " salt, and every morning the loaf came out a little better, until the whole village lined up at"
                + " its door.";
    }

    void submitted(String taskType, String text) {
        List<String> pool = switch (taskType) {
            case "initial_prompt" -> submittedPrompts;
            case "assistant_reply" -> submittedAssistantReplies;
            case "prompter_reply" -> submittedPrompterReplies;
            default -> null;
        };
        if (pool != null && !pool.contains(text)) {
            if (pool.size() == MAX_SUBMITTED) {
                pool.remove(0);
            }
            pool.add(text);
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private List<String> sample(List<String> pool, int count) {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(pool));
        java.util.Collections.shuffle(distinct, random);
        return List.copyOf(distinct.subList(0, Math.min(count, distinct.size())));
    }
}
