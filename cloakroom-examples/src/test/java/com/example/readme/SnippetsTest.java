package com.example.readme;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pom and properties snippets the README shows (and {@link ReadmeExamplesTest} holds it to) say
 * what they should: a pom Maven can read, with the versions this build makes, and only artifacts and
 * properties that exist. Building the user pom would need Cloakroom in the local repository
 * ({@code mvn install}), so it is checked as a document.
 */
class SnippetsTest {

    private static final String MAVEN = "http://maven.apache.org/POM/4.0.0";
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final String VERSION = required("cloakroom.version");

    @Test
    void theUserPomIsAPomWithTheBomTheJavalinModuleAndALogger() throws Exception {
        Element project = userPom("javalin-quickstart-pom.xml", "com.example.javalin.JavalinQuickstart");
        List<Element> dependencies = children(child(project, "dependencies"), "dependency");
        assertThat(dependencies).extracting(d -> text(d, "groupId") + ":" + text(d, "artifactId"))
                .containsExactly("dev.cloakroom:cloakroom-javalin", "org.slf4j:slf4j-simple");
        assertThat(optionalText(dependencies.get(0), "version")).as("cloakroom-javalin's version comes from the BOM")
                .isNull();
        assertThat(text(dependencies.get(1), "version")).isEqualTo(required("slf4j.version"));
    }

    /** The Servlet quickstart's pom is the Javalin one with the filter and the Jetty it is tested on. */
    @Test
    void theServletPomHasTheFilterJettyAndALogger() throws Exception {
        Element project = userPom("servlet-quickstart-pom.xml", "com.example.servlet.ServletQuickstart");
        List<Element> dependencies = children(child(project, "dependencies"), "dependency");
        assertThat(dependencies).extracting(d -> text(d, "groupId") + ":" + text(d, "artifactId")).containsExactly(
                "dev.cloakroom:cloakroom-servlet", "org.eclipse.jetty.ee10:jetty-ee10-servlet", "org.slf4j:slf4j-simple");
        assertThat(optionalText(dependencies.get(0), "version")).as("cloakroom-servlet's version comes from the BOM")
                .isNull();
        assertThat(text(dependencies.get(1), "version")).as("the Jetty cloakroom-servlet is tested on")
                .isEqualTo(required("jetty.version"));
        assertThat(text(dependencies.get(2), "version")).isEqualTo(required("slf4j.version"));
    }

    /** The Spring Boot quickstart is on the Boot this build's starter is built against. */
    @Test
    void theSpringPomIsOnTheStartersBootWithTheWebStarterAndCloakroomsStarter() throws Exception {
        Element project = parse(Path.of("spring-quickstart/pom.xml")).getDocumentElement();
        assertThat(project.getNamespaceURI()).isEqualTo(MAVEN);
        Element parent = child(project, "parent");
        Element starterPom = parse(ReadmeBlocks.ROOT.resolve("cloakroom-spring-boot-starter/pom.xml")).getDocumentElement();
        assertThat(List.of(text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version")))
                .containsExactly("org.springframework.boot", "spring-boot-starter-parent",
                        text(child(starterPom, "properties"), "spring-boot.version"));
        assertThat(text(child(project, "properties"), "java.version")).isEqualTo("17");
        List<Element> dependencies = children(child(project, "dependencies"), "dependency");
        assertThat(dependencies).extracting(d -> text(d, "groupId") + ":" + text(d, "artifactId")).containsExactly(
                "org.springframework.boot:spring-boot-starter-web", "dev.cloakroom:cloakroom-spring-boot-starter");
        assertThat(text(dependencies.get(1), "version")).isEqualTo(VERSION);
        assertThat(children(child(child(project, "build"), "plugins"), "plugin"))
                .extracting(p -> text(p, "artifactId")).containsExactly("spring-boot-maven-plugin");
    }

    /**
     * A user pom: Java 17, the BOM at this build's version, the compiler plugin this build uses (Maven
     * 3.8's default, 3.1, ignores {@code maven.compiler.release}), and the exec plugin naming a main class
     * of this module.
     */
    private static Element userPom(String file, String mainClass) throws Exception {
        Element project = parse(RESOURCES.resolve(file)).getDocumentElement();
        assertThat(project.getNamespaceURI()).isEqualTo(MAVEN);
        assertThat(project.getLocalName()).isEqualTo("project");
        assertThat(text(project, "modelVersion")).isEqualTo("4.0.0");
        for (String coordinate : List.of("groupId", "artifactId", "version")) {
            assertThat(text(project, coordinate)).as(coordinate).isNotBlank();
        }
        Element properties = child(project, "properties");
        assertThat(text(properties, "maven.compiler.release")).isEqualTo("17");

        List<Element> managed = children(child(child(project, "dependencyManagement"), "dependencies"), "dependency");
        assertThat(managed).hasSize(1);
        Element bom = managed.get(0);
        assertThat(List.of(text(bom, "groupId"), text(bom, "artifactId"), text(bom, "version"), text(bom, "type"),
                text(bom, "scope"))).containsExactly("dev.cloakroom", "cloakroom-bom", VERSION, "pom", "import");

        List<Element> plugins = children(child(child(project, "build"), "plugins"), "plugin");
        assertThat(plugins).extracting(p -> text(p, "artifactId"))
                .containsExactly("maven-compiler-plugin", "exec-maven-plugin");
        Element reactorPom = parse(ReadmeBlocks.ROOT.resolve("pom.xml")).getDocumentElement();
        String reactorCompiler = children(child(child(child(reactorPom, "build"), "pluginManagement"), "plugins"), "plugin")
                .stream().filter(p -> text(p, "artifactId").equals("maven-compiler-plugin"))
                .map(p -> text(p, "version")).findFirst().orElseThrow();
        assertThat(text(plugins.get(0), "version")).as(file + ": the compiler plugin").isEqualTo(reactorCompiler);
        assertThat(text(plugins.get(1), "version")).as(file + ": the exec plugin").isNotBlank();
        assertThat(text(child(plugins.get(1), "configuration"), "mainClass")).as(file + ": the main class")
                .isEqualTo(mainClass);
        assertThat(Path.of("src/main/java", mainClass.replace('.', '/') + ".java")).isRegularFile();
        return project;
    }

    /**
     * The user pom is enough for the Javalin quickstart: the program needs only the JDK, Cloakroom and
     * Javalin, and cloakroom-javalin brings Javalin to its users (a compile-scope dependency).
     */
    @Test
    void theUserPomIsEnoughForTheJavalinQuickstart() throws Exception {
        List<String> imports = Files.readAllLines(Path.of("src/main/java/com/example/javalin/JavalinQuickstart.java"))
                .stream().filter(line -> line.startsWith("import ")).toList();
        assertThat(imports).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("import (java\\.|io\\.javalin\\.|dev\\.cloakroom\\.[A-Z]|dev\\.cloakroom\\.javalin\\.).*;"));
        Element project = parse(ReadmeBlocks.ROOT.resolve("cloakroom-javalin/pom.xml")).getDocumentElement();
        assertThat(children(child(project, "dependencies"), "dependency"))
                .filteredOn(d -> text(d, "groupId").equals("io.javalin") && text(d, "artifactId").equals("javalin"))
                .singleElement()
                .satisfies(javalin -> assertThat(optionalText(javalin, "scope")).isIn(null, "compile"));
    }

    @Test
    void theSpringDependenciesNameModulesOfThisBuildAtItsVersion() throws Exception {
        for (String snippet : List.of("spring/starter-dependency.xml", "spring/redis-dependency.xml")) {
            Element dependency = parse(RESOURCES.resolve(snippet)).getDocumentElement();
            assertThat(dependency.getLocalName()).as(snippet).isEqualTo("dependency");
            assertThat(text(dependency, "groupId")).as(snippet).isEqualTo("dev.cloakroom");
            assertThat(text(dependency, "version")).as(snippet).isEqualTo(VERSION);
            String module = text(dependency, "artifactId");
            assertThat(ReadmeBlocks.ROOT.resolve(module).resolve("pom.xml")).as(snippet).isRegularFile();
        }
    }

    /** Each {@code cloakroom.*} key is one the starter binds: its properties class has the setter. */
    @Test
    void theSpringPropertiesAreOnesTheStarterReads() throws IOException {
        String starterProperties = Files.readString(ReadmeBlocks.ROOT.resolve(
                "cloakroom-spring-boot-starter/src/main/java/dev/cloakroom/spring/boot/CloakroomProperties.java"));
        for (Path snippet : List.of(Path.of("spring-quickstart/src/main/resources/application.properties"),
                RESOURCES.resolve("spring/application-redis.properties"))) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(snippet)) {
                properties.load(in);
            }
            assertThat(properties).as(snippet.toString()).isNotEmpty();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("cloakroom.")) {
                    assertThat(starterProperties).as(snippet + ": " + key).contains(" " + setter(key) + "(");
                }
            }
        }
    }

    private static String setter(String key) {
        StringBuilder name = new StringBuilder("set");
        boolean upper = true;
        for (char c : key.substring("cloakroom.".length()).toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getLocalName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<" + name + "> in <" + parent.getLocalName() + ">").hasSize(1);
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    private static String optionalText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: run the tests through Maven, whose surefire settings pass it");
        }
        return value;
    }
}
