package io.github.oasst.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** The blocking benchmarks of {@link Blocking} on one thread: concurrency 1. */
@Threads(1)
public class Threads1 extends Blocking {}
