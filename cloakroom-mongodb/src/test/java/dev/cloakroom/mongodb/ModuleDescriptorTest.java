package dev.cloakroom.mongodb;

import dev.cloakroom.SessionStore;
import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor.Exports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * These tests run on the module path, inside dev.cloakroom.mongodb: MongoStore works only because
 * core exports its internal package to this module by name.
 */
class ModuleDescriptorTest {

    private static final Module CORE = SessionStore.class.getModule();
    private static final Module MONGODB = MongoStore.class.getModule();

    @Test
    void isNamedAsTheReadmeSays() {
        assertThat(MONGODB.getName()).isEqualTo("dev.cloakroom.mongodb");
    }

    @Test
    void exportsTheStorePackageAndNothingElse() {
        assertThat(MONGODB.getDescriptor().exports()).map(Exports::toString).containsExactly("dev.cloakroom.mongodb");
    }

    @Test
    void readsCoresInternalPackageWhichCoreExportsToItAlone() {
        assertThat(CORE.isExported("dev.cloakroom.internal", MONGODB)).isTrue();
        assertThat(CORE.isExported("dev.cloakroom.internal")).isFalse();
    }
}
