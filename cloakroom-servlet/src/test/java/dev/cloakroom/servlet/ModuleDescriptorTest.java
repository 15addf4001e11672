package dev.cloakroom.servlet;

import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor.Exports;

import static org.assertj.core.api.Assertions.assertThat;

/** These tests run on the module path, inside dev.cloakroom.servlet, so this is the module users get. */
class ModuleDescriptorTest {

    private static final Module MODULE = CloakroomFilter.class.getModule();

    @Test
    void isNamedAsTheReadmeSays() {
        assertThat(MODULE.getName()).isEqualTo("dev.cloakroom.servlet");
    }

    @Test
    void exportsTheFilterPackageAndNothingElse() {
        assertThat(MODULE.getDescriptor().exports()).map(Exports::toString).containsExactly("dev.cloakroom.servlet");
    }

    @Test
    void keepsItsInternalPackageFromOtherModules() {
        assertThat(MODULE.isExported("dev.cloakroom.servlet.internal")).isFalse();
        assertThat(MODULE.getDescriptor().packages()).contains("dev.cloakroom.servlet.internal");
    }
}
