package io.driftwatch.localstack.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlinkJvmOptionsTest {

    @Test
    void opensComeFromThePomPropertyThroughResourceFiltering() {
        List<String> opens = FlinkJvmOptions.jdkOpens();
        assertThat(opens).contains("--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-exports=java.base/sun.net.util=ALL-UNNAMED");
        assertThat(opens).allMatch(o -> o.matches("--add-(opens|exports)=[\\w.]+/[\\w.]+=ALL-UNNAMED"));
        assertThat(FlinkJvmOptions.jdkOpensLine()).isEqualTo(String.join(" ", opens));
    }
}
