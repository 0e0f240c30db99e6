package dev.idun.engine.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClassRefTest {
    private final Path base = Path.of("/srv/idun").toAbsolutePath();

    @Test
    void a_class_name_alone_means_the_server_classpath() {
        ClassRef ref = ClassRef.parse("com.acme.MyAgent", base);

        assertThat(ref.jar()).isNull();
        assertThat(ref.className()).isEqualTo("com.acme.MyAgent");
    }

    @Test
    void a_relative_jar_path_resolves_against_the_base_directory() {
        ClassRef ref = ClassRef.parse("agents/../lib/agent.jar:com.acme.MyAgent", base);

        assertThat(ref.jar()).isEqualTo(base.resolve("lib/agent.jar"));
        assertThat(ref.className()).isEqualTo("com.acme.MyAgent");
    }

    @Test
    void an_absolute_jar_path_is_kept() {
        assertThat(ClassRef.parse("/opt/a.jar:x.Y", base).jar()).isEqualTo(Path.of("/opt/a.jar"));
    }

    @Test
    void rejects_a_reference_with_an_empty_side() {
        assertThatThrownBy(() -> ClassRef.parse("a.jar:", base)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClassRef.parse(":x.Y", base)).isInstanceOf(IllegalArgumentException.class);
    }
}
