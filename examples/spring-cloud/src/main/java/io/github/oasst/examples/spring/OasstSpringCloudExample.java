package io.github.oasst.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;

/**
 * Plays one round as an OASST frontend would, against {@code OASST_BACKEND_URL} with {@code
 * OASST_API_KEY}, then exits: fetches a task for a user, acknowledges it and answers it.
 */
@SpringBootApplication
@EnableFeignClients(clients = OasstTasksClient.class)
public class OasstSpringCloudExample {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(OasstSpringCloudExample.class, args)));
    }
}
