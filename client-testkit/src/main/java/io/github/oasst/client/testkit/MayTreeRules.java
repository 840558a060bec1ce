package io.github.oasst.client.testkit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The 2023-05 tree manager's rules, on the fake's store: which messages a user may reply to, label
 * or rank in a language, how many prompts it still wants, and how trees move from review to growing
 * to ranking to export as labels and rankings come in. Called under the backend's lock.
 */
final class MayTreeRules {
    static final int NUM_REVIEWS = 3;
    static final int NUM_RANKINGS = 3;
    private static final int MAX_ACTIVE_TREES = 10;
    private static final int MAX_PROMPT_REVIEW = 100;
    private static final int MAX_LOTTERY_WAITING = 250;
    private static final double ACCEPTANCE = 0.6;

    private final MayStore store;

    MayTreeRules(MayStore store) {
        this.store = store;
    }

    private boolean inState(MayMessage message, String state) {
        MayTree tree = store.tree(message.treeId);
        return tree.active && tree.state.equals(state);
    }

    // ---- candidates ----------------------------------------------------------------------------------

    /** Messages the user may reply to: reviewed, not too deep, not full, not being answered. */
    List<MayMessage> extendibleParents(MayUser user, String lang) {
        OffsetDateTime recent = store.time.now().minusMinutes(5);
        List<MayMessage> parents = new ArrayList<>();
        for (MayMessage m : store.messages()) {
            if (m.deleted
                    || !inState(m, MayTree.GROWING)
                    || m.depth >= MayTree.MAX_DEPTH
                    || !Boolean.TRUE.equals(m.reviewResult)
                    || !m.lang.equals(lang)
                    || m.hasEmoji(user.id, "_skip_reply")
                    || treeSize(m.treeId) >= MayTree.GOAL_TREE_SIZE) {
                continue;
            }
            boolean answering = store.tasks().stream()
                    .anyMatch(t -> t.isReply()
                            && !t.done
                            && !t.skipped
                            && t.created.isAfter(recent)
                            && m.id.equals(t.parentMessageId));
            List<MayMessage> children = store.children(m.id).stream()
                    .filter(c -> !c.deleted && (Boolean.TRUE.equals(c.reviewResult) || c.reviewCount < NUM_REVIEWS))
                    .toList();
            boolean room = children.size() < MayTree.MAX_CHILDREN && (children.isEmpty() || !m.assistant);
            boolean answered = children.stream().anyMatch(c -> c.user == user);
            if (!answering && room && !answered) {
                parents.add(m);
            }
        }
        return parents;
    }

    /** The messages still missing from the growing trees of the language. */
    int missingReplies(String lang) {
        int missing = 0;
        for (MayTree tree : store.trees()) {
            if (tree.active && tree.state.equals(MayTree.GROWING) && tree.lang.equals(lang)) {
                missing += Math.max(0, MayTree.GOAL_TREE_SIZE - treeSize(tree.id));
            }
        }
        return missing;
    }

    /** The messages counted towards the goal size: not deleted, accepted or still under review. */
    private int treeSize(UUID treeId) {
        return (int) store.treeMessages(treeId).stream()
                .filter(m -> !m.deleted)
                .filter(m -> Boolean.TRUE.equals(m.reviewResult) || m.parentId != null && m.reviewCount < NUM_REVIEWS)
                .count();
    }

    /** Prompts (roots) or replies awaiting the user's review, fewest reviews first, then oldest. */
    List<MayMessage> needReview(MayUser user, String lang, boolean prompts) {
        return store.messages().stream()
                .filter(m -> (m.parentId == null) == prompts)
                .filter(m -> inState(m, prompts ? MayTree.INITIAL_PROMPT_REVIEW : MayTree.GROWING))
                .filter(m -> !Boolean.TRUE.equals(m.reviewResult) && !m.deleted)
                .filter(m -> m.reviewCount < NUM_REVIEWS && m.lang.equals(lang))
                .filter(m -> !m.hasEmoji(user.id, "_skip_labeling") && m.user != user)
                .filter(m -> store.labels().stream()
                        .noneMatch(l -> l.messageId.equals(m.id) && l.user == user && l.taskId != null))
                .sorted(java.util.Comparator.<MayMessage>comparingInt(m -> m.reviewCount)
                        .thenComparing(m -> m.created))
                .toList();
    }

    /** Parents whose assistant replies the user may rank. */
    List<MayMessage> rankingParents(MayUser user, String lang) {
        List<MayMessage> parents = new ArrayList<>();
        for (MayMessage parent : store.messages()) {
            List<MayMessage> replies = rankable(parent);
            boolean ranked =
                    store.rankings().stream().anyMatch(r -> r.parentId().equals(parent.id) && r.user() == user);
            if (parent.lang.equals(lang)
                    && inState(parent, MayTree.RANKING)
                    && replies.size() > 1
                    && !parent.hasEmoji(user.id, "_skip_ranking")
                    && replies.stream().anyMatch(r -> r.rankingCount < NUM_RANKINGS)
                    && replies.stream().noneMatch(r -> r.user == user)
                    && !ranked) {
                parents.add(parent);
            }
        }
        return parents;
    }

    /** The reviewed assistant replies of a parent, which a ranking ranks. */
    List<MayMessage> rankable(MayMessage parent) {
        return store.children(parent.id).stream()
                .filter(c -> c.assistant && Boolean.TRUE.equals(c.reviewResult) && !c.deleted)
                .toList();
    }

    /**
     * How many prompts the language still wants ({@code _prompt_lottery}): trees missing from the 10
     * growing ones plus room among the 100 under review, at most the room in the lottery; after
     * letting up to {@code maxActivate} accepted prompts into growing.
     */
    int missingPrompts(String lang, int maxActivate) {
        int activated = 0;
        while (count(lang, MayTree.GROWING) < MAX_ACTIVE_TREES && activated < maxActivate) {
            MayTree waiting = store.trees().stream()
                    .filter(t -> t.lang.equals(lang) && t.state.equals(MayTree.PROMPT_LOTTERY_WAITING))
                    .filter(t -> store.message(t.id) != null
                            && !store.message(t.id).deleted
                            && store.message(t.id).user.active())
                    .findFirst()
                    .orElse(null);
            if (waiting == null) {
                break;
            }
            waiting.enter(MayTree.GROWING);
            activated++;
        }
        int growing = Math.max(0, MAX_ACTIVE_TREES - count(lang, MayTree.GROWING));
        int review = Math.max(0, MAX_PROMPT_REVIEW - count(lang, MayTree.INITIAL_PROMPT_REVIEW));
        int lottery = Math.max(0, MAX_LOTTERY_WAITING - count(lang, MayTree.PROMPT_LOTTERY_WAITING));
        return Math.min(growing + review, lottery);
    }

    private int count(String lang, String state) {
        return (int) store.trees().stream()
                .filter(t -> t.lang.equals(lang) && t.state.equals(state))
                .count();
    }

    // ---- transitions -------------------------------------------------------------------------------

    /**
     * After a label task's labels: a message with enough reviews is accepted or rejected by its spam
     * and wrong-language labels; an accepted prompt waits for the lottery, a rejected one aborts its
     * tree; a growing tree complete and reviewed enters ranking.
     */
    void reviewed(MayMessage message) {
        List<Map<String, Double>> reviews = store.labels().stream()
                .filter(l -> l.messageId.equals(message.id) && l.taskId != null)
                .map(l -> l.labels)
                .toList();
        double spam = reviews.stream()
                .mapToDouble(r -> r.getOrDefault("spam", 0.0))
                .average()
                .orElse(0);
        double lang = reviews.stream()
                .mapToDouble(r -> r.getOrDefault("lang_mismatch", 0.0))
                .average()
                .orElse(0);
        boolean accepted = 1 - (spam + lang) > ACCEPTANCE;
        MayTree tree = store.tree(message.treeId);
        if (message.parentId == null) {
            if (!Boolean.TRUE.equals(message.reviewResult) && message.reviewCount >= NUM_REVIEWS) {
                if (accepted) {
                    message.reviewResult = true;
                } else {
                    message.reviewResult = message.reviewResult == null ? Boolean.FALSE : message.reviewResult;
                    tree.enter(MayTree.ABORTED_LOW_GRADE);
                }
            }
            if (tree.active
                    && tree.state.equals(MayTree.INITIAL_PROMPT_REVIEW)
                    && Boolean.TRUE.equals(message.reviewResult)) {
                tree.enter(MayTree.PROMPT_LOTTERY_WAITING);
            }
        } else if (message.reviewCount >= NUM_REVIEWS) {
            if (!Boolean.TRUE.equals(message.reviewResult) && accepted) {
                message.reviewResult = true;
            } else if (message.reviewResult == null) {
                message.reviewResult = false;
            }
        }
        checkRanking(tree);
    }

    /** A growing tree with its goal size reached and nothing awaiting review enters ranking. */
    void checkRanking(MayTree tree) {
        if (!tree.active || !tree.state.equals(MayTree.GROWING)) {
            return;
        }
        List<MayMessage> messages =
                store.treeMessages(tree.id).stream().filter(m -> !m.deleted).toList();
        long accepted = messages.stream()
                .filter(m -> Boolean.TRUE.equals(m.reviewResult))
                .count();
        long awaiting = messages.stream()
                .filter(m -> !Boolean.TRUE.equals(m.reviewResult) && m.reviewCount < NUM_REVIEWS)
                .count();
        if (accepted >= MayTree.GOAL_TREE_SIZE && awaiting == 0) {
            tree.enter(MayTree.RANKING);
        }
    }

    /**
     * After a ranking: when every parent of the tree was ranked enough, its replies get their ranks
     * (by mean position) and the tree is ready for export.
     */
    void ranked(MayTree tree) {
        if (!tree.active || !tree.state.equals(MayTree.RANKING)) {
            return;
        }
        List<MayMessage> parents = store.treeMessages(tree.id).stream()
                .filter(p -> rankable(p).size() > 1)
                .toList();
        for (MayMessage parent : parents) {
            if (store.rankings().stream()
                            .filter(r -> r.parentId().equals(parent.id))
                            .count()
                    < NUM_RANKINGS) {
                return;
            }
        }
        for (MayMessage parent : parents) {
            List<MayMessage> replies = new ArrayList<>(rankable(parent));
            replies.sort(java.util.Comparator.comparingDouble(reply -> store.rankings().stream()
                    .filter(r -> r.parentId().equals(parent.id) && r.rankedIds().contains(reply.id))
                    .mapToInt(r -> r.rankedIds().indexOf(reply.id))
                    .average()
                    .orElse(Double.MAX_VALUE)));
            for (int i = 0; i < replies.size(); i++) {
                replies.get(i).rank = i;
            }
        }
        tree.enter(MayTree.READY_FOR_EXPORT);
    }
}
