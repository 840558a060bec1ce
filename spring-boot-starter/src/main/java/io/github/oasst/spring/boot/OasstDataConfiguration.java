package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstFrontendMessagesApi;
import io.github.oasst.client.api.OasstFrontendUsersApi;
import io.github.oasst.client.api.OasstHuggingFaceApi;
import io.github.oasst.client.api.OasstLeaderboardsApi;
import io.github.oasst.client.api.OasstMessagesApi;
import io.github.oasst.client.api.OasstStatsApi;
import io.github.oasst.client.api.OasstTextLabelsApi;
import io.github.oasst.client.api.OasstTrollboardsApi;
import io.github.oasst.client.api.OasstUsersApi;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The interfaces of the rest of the API as beans, each unless the application has its own: the
 * client's {@code data()} interfaces, with its transport, codec, retries per class (reads and
 * idempotent writes after a lost answer too) and observations.
 */
@Configuration(proxyBeanMethods = false)
class OasstDataConfiguration {
    @Bean
    @ConditionalOnMissingBean
    OasstMessagesApi oasstMessagesApi(OasstClient oasstClient) {
        return oasstClient.data().messages();
    }

    @Bean
    @ConditionalOnMissingBean
    OasstFrontendMessagesApi oasstFrontendMessagesApi(OasstClient oasstClient) {
        return oasstClient.data().frontendMessages();
    }

    @Bean
    @ConditionalOnMissingBean
    OasstUsersApi oasstUsersApi(OasstClient oasstClient) {
        return oasstClient.data().users();
    }

    @Bean
    @ConditionalOnMissingBean
    OasstFrontendUsersApi oasstFrontendUsersApi(OasstClient oasstClient) {
        return oasstClient.data().frontendUsers();
    }

    @Bean
    @ConditionalOnMissingBean
    OasstStatsApi oasstStatsApi(OasstClient oasstClient) {
        return oasstClient.data().stats();
    }

    @Bean
    @ConditionalOnMissingBean
    OasstLeaderboardsApi oasstLeaderboardsApi(OasstClient oasstClient) {
        return oasstClient.data().leaderboards();
    }

    @Bean
    @ConditionalOnMissingBean
    OasstTrollboardsApi oasstTrollboardsApi(OasstClient oasstClient) {
        return oasstClient.data().trollboards();
    }

    @Bean
    @ConditionalOnMissingBean
    OasstTextLabelsApi oasstTextLabelsApi(OasstClient oasstClient) {
        return oasstClient.data().textLabels();
    }

    @Bean
    @ConditionalOnMissingBean
    OasstHuggingFaceApi oasstHuggingFaceApi(OasstClient oasstClient) {
        return oasstClient.data().huggingFace();
    }
}
