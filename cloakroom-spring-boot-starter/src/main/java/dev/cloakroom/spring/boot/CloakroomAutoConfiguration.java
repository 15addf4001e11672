package dev.cloakroom.spring.boot;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.UserSessions;
import dev.cloakroom.servlet.CloakroomFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sessions by Cloakroom in a servlet web application: a {@link CloakroomFilter} for {@code /*}
 * on every dispatch, ahead of Spring Security's filter chain, so {@code request.getSession()}
 * everywhere is a Cloakroom session. Configured by {@link CloakroomProperties}; an application's
 * own {@link SessionStore} bean replaces the one {@code cloakroom.store} names, and its own
 * {@link SessionOptions} bean replaces all {@code cloakroom.*} settings.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({CloakroomFilter.class, FilterRegistrationBean.class})
@EnableConfigurationProperties(CloakroomProperties.class)
public class CloakroomAutoConfiguration {

    /** The filter's order: Spring Session's, so it runs before Spring Security's filter chain. */
    public static final int FILTER_ORDER = Integer.MIN_VALUE + 50;

    /** Not made when the application has its own store, or its own options (which carry their store). */
    @Bean
    @ConditionalOnMissingBean({SessionStore.class, SessionOptions.class})
    SessionStore cloakroomSessionStore(CloakroomProperties properties, Environment environment, ListableBeanFactory beans) {
        return SessionStoreFactory.create(properties, Binder.get(environment), beans, beanClassLoader(beans));
    }

    @Bean
    @ConditionalOnMissingBean(SessionOptions.class)
    SessionOptions cloakroomSessionOptions(CloakroomProperties properties, Environment environment, SessionStore store,
                                           ObjectProvider<CloakroomOptionsCustomizer> customizers, BeanFactory beanFactory) {
        List<String> applicationPackages = AutoConfigurationPackages.has(beanFactory)
                ? AutoConfigurationPackages.get(beanFactory) : List.of();
        List<String> allowed = properties.getAllowedPackages() == null ? List.of() : properties.getAllowedPackages();
        TypedValuesConfigurer typedValues = new TypedValuesConfigurer(applicationPackages, allowed, beanClassLoader(beanFactory));
        return SessionOptionsFactory.create(properties, ServletSessionProperties.read(Binder.get(environment)), store,
                typedValues, customizers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean(name = "cloakroomFilterRegistration")
    FilterRegistrationBean<CloakroomFilter> cloakroomFilterRegistration(SessionOptions options,
            ObjectProvider<HttpSessionListener> sessionListeners,
            ObjectProvider<HttpSessionAttributeListener> attributeListeners,
            ObjectProvider<HttpSessionIdListener> idListeners) {
        List<EventListener> listeners = new ArrayList<>();
        Stream.of(sessionListeners, attributeListeners, idListeners)
                .flatMap(ObjectProvider::orderedStream)
                .forEach(l -> {
                    if (listeners.stream().noneMatch(known -> known == l)) {
                        listeners.add(l);
                    }
                });
        FilterRegistrationBean<CloakroomFilter> registration =
                new FilterRegistrationBean<>(CloakroomFilters.create(options, listeners));
        registration.setName("cloakroomFilter");
        registration.addUrlPatterns("/*");
        registration.setOrder(FILTER_ORDER);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR,
                DispatcherType.FORWARD, DispatcherType.INCLUDE));
        return registration;
    }

    /**
     * The filter's user sessions, for "sign out everywhere" after a password change or when an
     * account is disabled: inject it anywhere, in a request or not. Its methods need a store with
     * a user index (every shipped one has) and sessions bound with {@code Session.bindUser}.
     */
    @Bean
    @ConditionalOnMissingBean(UserSessions.class)
    UserSessions cloakroomUserSessions(@Qualifier("cloakroomFilterRegistration") FilterRegistrationBean<?> registration) {
        if (!(registration.getFilter() instanceof CloakroomFilter filter)) {
            throw new IllegalStateException("the cloakroomFilterRegistration bean registers "
                    + registration.getFilter().getClass().getName() + ", not a CloakroomFilter, so there are no"
                    + " Cloakroom user sessions to offer: register a CloakroomFilter under that name, or define a UserSessions bean");
        }
        return filter.users();
    }

    private static ClassLoader beanClassLoader(BeanFactory beanFactory) {
        if (beanFactory instanceof org.springframework.beans.factory.config.ConfigurableBeanFactory c && c.getBeanClassLoader() != null) {
            return c.getBeanClassLoader();
        }
        return CloakroomAutoConfiguration.class.getClassLoader();
    }
}
