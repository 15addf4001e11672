package dev.cloakroom.spring.boot;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.TypeResolverBuilder;
import tools.jackson.databind.module.SimpleModule;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spring Security 7's Jackson 3 modules on the Jackson that Spring Boot 4 manages. */
class SecurityMapperTest {

    private final JsonMapper mapper = SecurityMapper.create(getClass().getClassLoader(), java.util.List.of("dev.cloakroom.spring.boot"));

    /** An application's own principal, as many apps keep instead of Spring's User. */
    public record ShopUser(String name, String email) {
    }

    @Test
    void aLoginRoundTrips() {
        User alice = new User("alice", "", AuthorityUtils.createAuthorityList("ROLE_CUSTOMER"));
        SecurityContext context = new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(alice, null, alice.getAuthorities()));
        String json = mapper.writeValueAsString(context);
        SecurityContext back = mapper.readValue(json, SecurityContextImpl.class);
        assertThat(back.getAuthentication().getName()).isEqualTo("alice");
        assertThat(back.getAuthentication().isAuthenticated()).isTrue();
        assertThat(back.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CUSTOMER");
    }

    @Test
    void aLoginWithTheApplicationsOwnPrincipalRoundTrips() {
        ShopUser alice = new ShopUser("alice", "alice@example.com");
        SecurityContext context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                alice, null, AuthorityUtils.createAuthorityList("ROLE_CUSTOMER")));
        SecurityContext back = mapper.readValue(mapper.writeValueAsString(context), SecurityContextImpl.class);
        assertThat(back.getAuthentication().getPrincipal()).isEqualTo(alice);
    }

    @Test
    void itWritesWhatSpringSecuritysModulesAloneWriteAndReadsThatBack() {
        JsonMapper springOnly = JsonMapper.builder().addModules(SecurityJacksonModules.getModules(
                getClass().getClassLoader(), BasicPolymorphicTypeValidator.builder())).build();
        User alice = new User("alice", "", AuthorityUtils.createAuthorityList("ROLE_CUSTOMER", "ROLE_STAFF"));
        alice.eraseCredentials();
        SecurityContext context = new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(alice, null, alice.getAuthorities()));
        String json = springOnly.writeValueAsString(context);
        assertThat(mapper.writeValueAsString(context)).isEqualTo(json);
        SecurityContext back = mapper.readValue(json, SecurityContextImpl.class);
        assertThat(back).isEqualTo(context);
        assertThat(((User) back.getAuthentication().getPrincipal()).getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_CUSTOMER", "ROLE_STAFF");
    }

    @Test
    void readingAContextAgainBuildsNoDeserializer() {
        CountingCache.Provider counting = new CountingCache.Provider();
        JsonMapper counted = mapper.rebuild().cacheProvider(counting).build();
        User alice = new User("alice", "", AuthorityUtils.createAuthorityList("ROLE_CUSTOMER"));
        JsonNode json = counted.valueToTree(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(alice, null, alice.getAuthorities())));
        counted.treeToValue(json, SecurityContextImpl.class);
        assertThat(counting.misses()).as("the first read builds deserializers").isNotEmpty();
        counting.misses().clear();
        SecurityContext back = counted.treeToValue(json, SecurityContextImpl.class);
        assertThat(back.getAuthentication().getName()).isEqualTo("alice");
        assertThat(counting.misses()).as("types looked up again and not found in the cache").isEmpty();
    }

    @Test
    void readingAContextAgainBuildsNoTypeIdReader() {
        AtomicInteger builds = new AtomicInteger();
        JsonMapper counted = JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(getClass().getClassLoader(), BasicPolymorphicTypeValidator.builder()))
                .addModule(new SimpleModule() {
                    @Override
                    public void setupModule(SetupContext context) {
                        MapperBuilder<?, ?> owner = (MapperBuilder<?, ?>) context.getOwner();
                        owner.setDefaultTyping(countingBuilds(owner.baseSettings().getDefaultTyper(), builds));
                    }
                })
                .addModule(new KeptSecurityDeserializers()).build();
        User alice = new User("alice", "", AuthorityUtils.createAuthorityList("ROLE_CUSTOMER"));
        JsonNode json = counted.valueToTree(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(alice, null, alice.getAuthorities())));
        counted.treeToValue(json, SecurityContextImpl.class);
        int first = builds.get();
        assertThat(first).as("type-id readers the first read built").isPositive();
        for (int i = 0; i < 3; i++) {
            assertThat(counted.treeToValue(json, SecurityContextImpl.class).getAuthentication().getName()).isEqualTo("alice");
        }
        assertThat(builds.get()).as("type-id readers built again").isEqualTo(first);
    }

    /** {@code typing}, counting the type-id readers it is asked to build. */
    @SuppressWarnings("unchecked")
    private static TypeResolverBuilder<?> countingBuilds(TypeResolverBuilder<?> typing, AtomicInteger builds) {
        return (TypeResolverBuilder<?>) Proxy.newProxyInstance(SecurityMapperTest.class.getClassLoader(),
                new Class<?>[] {TypeResolverBuilder.class}, (proxy, method, args) -> {
                    if (method.getName().equals("buildTypeDeserializer")) {
                        builds.incrementAndGet();
                    }
                    try {
                        return method.invoke(typing, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void itsDefaultTypingRefusesClassesOutsideItsAllowList() {
        for (int i = 0; i < 2; i++) { // the second time past a kept type-id reader
            assertThatThrownBy(() -> mapper.readValue("[\"java.net.URL\",\"http://127.0.0.1:9/\"]", Object.class))
                    .hasMessageContaining("java.net.URL");
        }
    }

    @Test
    void theApplicationPackagesAndAllowedPackagesAreAllowedAndSecurityTypesGetTheirOwnMapper() {
        TypedValuesConfigurer typed = new TypedValuesConfigurer(java.util.List.of("com.example.shop"),
                java.util.List.of("com.example.catalog"), getClass().getClassLoader());
        dev.cloakroom.AttributeTypes types = typed.attributeTypes();
        assertThat(types.allows("com.example.shop.Cart")).isTrue();
        assertThat(types.allows("com.example.catalog.Item")).isTrue();
        assertThat(types.allows("org.springframework.security.core.context.SecurityContextImpl")).isTrue();
        assertThat(types.allows("java.net.URL")).isFalse();
        assertThat(types.allows("org.springframework.context.support.ClassPathXmlApplicationContext")).isFalse();
        assertThat(types.mapperFor("org.springframework.security.core.context.SecurityContextImpl", null)).isNotNull();
        assertThat(types.mapperFor("com.example.shop.Cart", null)).isNull();
    }

    @Test
    void aTooBroadAllowedPackageFailsNamingTheProperty() {
        TypedValuesConfigurer typed = new TypedValuesConfigurer(java.util.List.of(), java.util.List.of("java.net"),
                getClass().getClassLoader());
        assertThatThrownBy(typed::attributeTypes).isInstanceOf(CloakroomConfigurationException.class)
                .hasMessageStartingWith("cloakroom.allowed-packages").hasMessageContaining("too broad");
    }
}
