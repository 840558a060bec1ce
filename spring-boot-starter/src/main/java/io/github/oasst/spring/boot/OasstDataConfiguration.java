package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstData;
import io.github.oasst.client.api.OasstFrontendMessagesApi;
import io.github.oasst.client.api.OasstFrontendUsersApi;
import io.github.oasst.client.api.OasstHuggingFaceApi;
import io.github.oasst.client.api.OasstLeaderboardsApi;
import io.github.oasst.client.api.OasstMessagesApi;
import io.github.oasst.client.api.OasstStatsApi;
import io.github.oasst.client.api.OasstTextLabelsApi;
import io.github.oasst.client.api.OasstTrollboardsApi;
import io.github.oasst.client.api.OasstUsersApi;
import java.beans.Introspector;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The interfaces of the rest of the API as beans ({@code oasstMessagesApi}, …), each unless the
 * application has a bean of its type: the client's {@code data()} interfaces, with its transport,
 * codec, retries per class (reads and idempotent writes after a lost answer too) and observations.
 */
@Configuration(proxyBeanMethods = false)
@Import(OasstDataConfiguration.Interfaces.class)
class OasstDataConfiguration {
    /** An interface and where {@code data()} has it. */
    private record DataInterface<T>(Class<T> type, Function<OasstData, T> of) {}

    private static final List<DataInterface<?>> INTERFACES = List.of(
            new DataInterface<>(OasstMessagesApi.class, OasstData::messages),
            new DataInterface<>(OasstFrontendMessagesApi.class, OasstData::frontendMessages),
            new DataInterface<>(OasstUsersApi.class, OasstData::users),
            new DataInterface<>(OasstFrontendUsersApi.class, OasstData::frontendUsers),
            new DataInterface<>(OasstStatsApi.class, OasstData::stats),
            new DataInterface<>(OasstLeaderboardsApi.class, OasstData::leaderboards),
            new DataInterface<>(OasstTrollboardsApi.class, OasstData::trollboards),
            new DataInterface<>(OasstTextLabelsApi.class, OasstData::textLabels),
            new DataInterface<>(OasstHuggingFaceApi.class, OasstData::huggingFace));

    /**
     * Registers a bean per interface the application has none of. Auto-configuration comes after the
     * application's own configuration, so its bean definitions are known here.
     */
    static class Interfaces implements ImportBeanDefinitionRegistrar, BeanFactoryAware {
        private @Nullable BeanFactory beanFactory;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beanFactory = beanFactory;
        }

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            BeanFactory factory = Objects.requireNonNull(beanFactory, "beanFactory");
            for (DataInterface<?> api : INTERFACES) {
                register(api, registry, factory);
            }
        }

        private static <T> void register(DataInterface<T> api, BeanDefinitionRegistry registry, BeanFactory factory) {
            boolean own = factory instanceof ListableBeanFactory listable
                    && listable.getBeanNamesForType(api.type(), true, false).length > 0;
            String name = Introspector.decapitalize(api.type().getSimpleName());
            if (!own && !registry.containsBeanDefinition(name)) {
                registry.registerBeanDefinition(
                        name,
                        BeanDefinitionBuilder.genericBeanDefinition(
                                        api.type(),
                                        () -> api.of()
                                                .apply(factory.getBean(OasstClient.class)
                                                        .data()))
                                .getBeanDefinition());
            }
        }
    }
}
