package dev.idun.admin.onboarding.classfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DescriptorsTest {
    @ParameterizedTest
    @ValueSource(strings = {"()V", "()Lorg/bsc/langgraph4j/StateGraph;", "(IJ[[Ljava/lang/String;)[B", "(ZCSFD)I"})
    void accepts_well_formed_method_descriptors(String descriptor) throws Exception {
        assertThat(Descriptors.requireMethod(descriptor)).isEqualTo(descriptor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "V", "()", "(V)V", "()[V", "(L;)V", "(Ljava/lang/String)V", "()VV", "(I", "()X"})
    void rejects_malformed_method_descriptors(String descriptor) {
        assertThatThrownBy(() -> Descriptors.requireMethod(descriptor)).isInstanceOf(MalformedClassFileException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"V", "", "[", "Ljava/lang/String", "II"})
    void rejects_malformed_field_descriptors(String descriptor) {
        assertThatThrownBy(() -> Descriptors.requireField(descriptor)).isInstanceOf(MalformedClassFileException.class);
    }

    @Test
    void accepts_a_deeply_nested_array_without_recursion() throws Exception {
        String descriptor = "[".repeat(10_000) + "I";

        assertThat(Descriptors.requireField(descriptor)).isEqualTo(descriptor);
    }
}
