package dev.cloakroom.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module's tests run under {@link NoSessionIdInLogs} through JUnit's extension
 * autodetection, switched on by two test resources a module could lose without any test noticing:
 * this class checks them in every module of the build. Core names its own copy of the check on each
 * class instead (it cannot depend on the testkit) and checks that itself. This class carries no
 * {@code @ExtendWith}, so it also proves that autodetection is on here.
 */
class EveryModuleSearchesItsLogTest {

    private static final Path ROOT = Path.of("..");
    private static final Path PROPERTIES = Path.of("src/test/resources/junit-platform.properties");
    private static final Path SERVICES = Path.of("src/test/resources/META-INF/services/org.junit.jupiter.api.extension.Extension");

    @Test
    void thisClassRunsUnderTheCheckWithoutAskingForIt() {
        NoSessionIdInLogs.requireWatching();
    }

    @Test
    void everyModuleWithTestsSwitchesTheCheckOn() throws IOException {
        List<String> modules = modules();
        List<String> checked = new ArrayList<>();
        for (String module : modules) {
            Path dir = ROOT.resolve(module);
            if (module.equals("cloakroom-core") || !Files.isDirectory(dir.resolve("src/test/java"))) {
                continue;
            }
            Properties properties = new Properties();
            Path file = dir.resolve(PROPERTIES);
            assertThat(file).as(module).exists();
            properties.load(new StringReader(Files.readString(file)));
            assertThat(properties.getProperty("junit.jupiter.extensions.autodetection.enabled")).as(module).isEqualTo("true");
            assertThat(dir.resolve(SERVICES)).as(module).exists();
            assertThat(Files.readAllLines(dir.resolve(SERVICES))).as(module).contains(NoSessionIdInLogs.class.getName());
            checked.add(module);
        }
        assertThat(checked).as("modules checked").contains("cloakroom-testkit", "cloakroom-spring-sample", "cloakroom-interop");
    }

    /** A project using the testkit keeps its own choice: the testkit's classes must not switch the check on for it. */
    @Test
    void theTestkitJarSwitchesNothingOnForItsUsers() throws Exception {
        Path classes = Path.of(SessionStoreContract.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.resolve("dev/cloakroom/testkit/NoSessionIdInLogs.class")).as("the testkit's main classes").exists();
        assertThat(classes.resolve(SERVICES.subpath(3, SERVICES.getNameCount()))).doesNotExist();
        assertThat(classes.resolve("junit-platform.properties")).doesNotExist();
    }

    private static List<String> modules() throws IOException {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertThat(modules).as("the root pom's modules").contains("cloakroom-core", "cloakroom-testkit");
        return modules;
    }
}
