package org.deeprg.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of docs/library.md are compiled and run: each {@code ```java} block holding a class with a
 * {@code main} is compiled against the class path of all modules and run in a child JVM twice, once with and once
 * without {@code --add-modules jdk.incubator.vector} (a library caller must not need the flag). The {@code ```text}
 * block that follows an example, if any, lists lines its output must contain.
 */
class LibraryExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```(?:\\s*```text\\n(.*?)```)?", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");

    record Example(String className, String source, List<String> expected) {
        @Override
        public String toString() {
            return className;
        }
    }

    static List<Example> examples() throws IOException {
        String doc = Files.readString(docs().resolve("library.md"), StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            String src = m.group(1);
            Matcher c = CLASS.matcher(src);
            if (!src.contains("static void main") || !c.find()) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            if (m.group(2) != null) {
                for (String line : m.group(2).split("\\n")) {
                    if (!line.isBlank()) {
                        expected.add(line.strip());
                    }
                }
            }
            out.add(new Example(c.group(1), src, expected));
        }
        assertThat(out).as("docs/library.md has runnable examples").isNotEmpty();
        return out;
    }

    private static Path docs() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("docs"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no docs/ directory above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("docs");
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleCompilesAndRunsWithAndWithoutTheVectorModule(Example example, @TempDir Path dir) throws Exception {
        Path src = dir.resolve(example.className() + ".java");
        Files.writeString(src, example.source(), StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-proc:none", "--release", "17", "-cp", classPath(), "-d", dir.toString(), src.toString());
        assertThat(rc).as("javac of " + example.className()).isZero();
        for (boolean vector : new boolean[] {true, false}) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx1g");
            if (vector) {
                cmd.add("--add-modules");
                cmd.add("jdk.incubator.vector");
            }
            cmd.add("-cp");
            cmd.add(dir + java.io.File.pathSeparator + classPath());
            cmd.add(example.className());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] bytes = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(bytes, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(example.className() + (vector ? " with" : " without") + " the Vector API module:\n" + output).isZero();
            assertThat(output).as("no stack trace, no NoClassDefFoundError").doesNotContain("Exception in thread", "NoClassDefFoundError");
            for (String line : example.expected()) {
                assertThat(output).as(example.className() + " output").contains(line);
            }
        }
    }
}
