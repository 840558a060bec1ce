/**
 * A fake OASST backend for tests: {@link io.github.oasst.client.testkit.FakeOasstBackend} runs
 * in-process on a free loopback port and behaves like the real backend of the 2023-01 schema (task
 * lifecycle, API-key check, its error codes and statuses, FastAPI's 422s); {@link
 * io.github.oasst.client.testkit.InjectedFault}s make the next requests fail; {@link
 * io.github.oasst.client.testkit.FakeOasstBackendExtension} starts and stops it around JUnit 5
 * tests.
 */
@NullMarked
package io.github.oasst.client.testkit;

import org.jspecify.annotations.NullMarked;
