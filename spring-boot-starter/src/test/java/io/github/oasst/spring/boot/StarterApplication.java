package io.github.oasst.spring.boot;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Boot application with nothing of its own but the starter and what is on the test class path. */
@SpringBootApplication
class StarterApplication {}
