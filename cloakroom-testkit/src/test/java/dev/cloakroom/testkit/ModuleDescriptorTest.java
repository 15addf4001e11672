package dev.cloakroom.testkit;

import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The testkit's own tests run on the class path (its pom says why), where its module-info is never
 * read; this reads the compiled descriptor as the module path would.
 */
class ModuleDescriptorTest {

    private static ModuleDescriptor descriptor() throws Exception {
        Path classes = Path.of(SessionStoreContract.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(classes).find("dev.cloakroom.testkit").orElseThrow().descriptor();
    }

    @Test
    void exportsEveryPackageToEveryone() throws Exception {
        ModuleDescriptor descriptor = descriptor();
        assertThat(descriptor.exports()).allSatisfy(export -> assertThat(export.isQualified()).isFalse());
        assertThat(descriptor.exports().stream().map(Exports::source).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(descriptor.packages());
    }

    @Test
    void isOpenSoJUnitCanCallPackagePrivateTests() throws Exception {
        assertThat(descriptor().isOpen()).isTrue();
    }

    @Test
    void givesItsReadersCoreAndJUnit() throws Exception {
        assertThat(descriptor().requires().stream()
                .filter(requires -> requires.modifiers().contains(Requires.Modifier.TRANSITIVE))
                .map(Requires::name))
                .containsExactlyInAnyOrder("dev.cloakroom.core", "org.junit.jupiter.api");
    }
}
