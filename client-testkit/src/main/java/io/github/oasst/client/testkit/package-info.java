/**
 * A fake OASST backend for tests: {@link io.github.oasst.client.testkit.FakeOasstBackend} runs
 * in-process on a free loopback port and behaves like one of the two published backends; {@link
 * io.github.oasst.client.testkit.InjectedFault}s and {@link
 * io.github.oasst.client.testkit.ConnectionFaults} make requests fail; {@link
 * io.github.oasst.client.testkit.FakeOasstBackendExtension} starts and stops it around JUnit 5
 * tests; {@link io.github.oasst.client.testkit.FakeOasstBackend#received()}, {@link
 * io.github.oasst.client.testkit.FakeOasstBackend#tasks()} and {@link
 * io.github.oasst.client.testkit.FakeOasstBackend#messages()} show what a frontend did. Both modes
 * are checked against every exchange recorded from the real backend of their schema.
 *
 * <h2>2023-01 mode (the default)</h2>
 *
 * The backend of {@code openapi-2023-01-06.json}: its task lifecycle, API-key check, error codes,
 * statuses and messages and FastAPI's 422s; {@code summarize_story} and {@code rate_summary} answer
 * 1000, the reply label tasks 1005 (unless {@code serveAllTaskTypes}); a repeated ranking 1004, a
 * repeated label stored twice; {@code POST /tasks/close} closes collective tasks. Its other
 * operations (messages and trees, a user's messages and deletes of the 10 newest, text labels,
 * stats, the experimental creator leaderboards, the toxicity check failing offline) serve the
 * messages users send. It has no {@code x-oasst-user} header and ignores one.
 *
 * <h2>2023-05 mode</h2>
 *
 * The backend of {@code openapi-2023-05-07.json} (commit 62b6a92d), built with {@code
 * serverVersion(OasstServerVersion.V2023_05)}:
 *
 * <ul>
 *   <li><b>Users</b> belong to an API client and are created by a body {@code user} (task requests,
 *       availability, interactions, text labels, emojis) or {@code POST /frontend_users/}. {@code
 *       x-oasst-user: <auth_method>:<username>} (or {@code ?oasst_user=}, which wins) names one;
 *       without a colon or with an empty part it names none; a name the client does not know answers
 *       404/4002 on every operation that reads the header (ack, nack, the message reads, lists,
 *       cursors, deletes, undelete, tree states, leaderboards). A disabled user gets 503/4001.
 *   <li><b>Tasks</b> come from the fake's tree manager: its own seed trees (another client's {@code
 *       __dummy_user__}: growing trees to reply to, replies and prompts awaiting review, trees in
 *       ranking with two replies each, all English) and what users send. A task request and {@code
 *       POST /tasks/availability} (whose body is the bare user, and which counts the 12 types) need
 *       a user (400/4000); at most 8 tasks not done nor skipped per user in 5 minutes (400/1012,
 *       checked before the type; a nack frees a slot); a type without candidates answers 503/1006,
 *       {@code summarize_story}, {@code rate_summary}, {@code rank_initial_prompts} and {@code
 *       rank_prompter_replies} always; a reply parent with a recent open reply task is not offered
 *       again. Label tasks name the candidate with the fewest reviews, oldest first; reply and
 *       ranking tasks are drawn from the seeded generator, {@code random} by the tree manager's
 *       weights. Payloads are that backend's: rank tasks with {@code reply_messages}, {@code
 *       message_tree_id}, {@code ranking_parent_id}, {@code reveal_synthetic}; label tasks with
 *       {@code valid_labels}, {@code mandatory_labels} ({@code spam}), {@code mode}, {@code
 *       disposition}, {@code labels} and the conversation.
 *   <li><b>The lifecycle</b>: an ack needs no owner (the same message id again: 204, another:
 *       400/2103); a nack needs the owner in {@code x-oasst-user} (400/4000 without, 400/2106 for
 *       another user, 204 again when repeated, 400/2105 once done); interactions take the body user:
 *       unacked or unknown 400/2100, another user's 2106 (but a collective task's), done 2105, text
 *       over 2000 characters 1008, an exact repeat of the user's text within 120 minutes 1009, a
 *       reused message id 1004, a ranking that is no permutation 2003; labels with {@code task_id}
 *       complete their task (2050, 2051, 2052, a second task on the message 2053), labels without
 *       one are stored, updated on a repeat, and complete nothing; three reviews accept or reject a
 *       message and move its tree. {@code POST /tasks/close} always answers 500 {@code
 *       {"message":"INTERNAL_SERVER_ERROR","error_code":0}}.
 *   <li><b>Other operations</b>: messages by id (any client's) or frontend id (the caller's), their
 *       conversations, trees, children, descendants; lists and keyset cursors ({@code
 *       <uuid>$<date>}, {@code after} and {@code before}); deletes (with descendants), undelete,
 *       tree states and halting, emojis; users by id or auth method and username, their lists and
 *       cursors, updates, anonymising deletes, their messages and the deletes of all of them; system
 *       and tree manager stats, cached stats (once updated), leaderboards, trollboards and user
 *       stats (once updated), the toxicity check failing offline (500); text labels with the
 *       2023-05 names ({@code spam, fails_task, lang_mismatch, pii, not_appropriate, hate_speech,
 *       sexual_content, moral_judgement, political_content, quality, toxicity, humor, helpfulness,
 *       creativity, violence}; others answer 422). The paths are that backend's: {@code
 *       /frontend_users/{auth_method}/{username}/messages} (the old path now names a user and
 *       answers 404/4002), {@code /leaderboards/{time_frame}} (the experimental ones answer 404).
 *   <li><b>Keys and shapes</b>: operations for trusted clients (deletes, tree state updates, user
 *       updates, stats, leaderboard updates, trollboards, the toxicity check) answer 403 {@code
 *       Forbidden} to an untrusted key, which also sees only its client's users and messages in
 *       lists; a key check that FastAPI runs as a dependency comes before validation, as there.
 *       Message objects carry ids, emojis (the viewer's too), review and ranking fields, timestamps
 *       with {@code +00:00}.
 * </ul>
 */
@NullMarked
package io.github.oasst.client.testkit;

import org.jspecify.annotations.NullMarked;
