package io.github.oasst.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** The blocking benchmarks of {@link Blocking} on 64 threads: concurrency 64. */
@Threads(64)
public class Threads64 extends Blocking {}
