package io.driftwatch.localstack.process;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreePortsTest {

    @Test
    void picksDistinctBindablePorts() throws Exception {
        int[] ports = FreePorts.pick(3);
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(3);
        for (int port : ports) {
            assertThat(port).isBetween(1, FreePorts.MAX_PORT);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(FreePorts.LOOPBACK))) {
                assertThat(s.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void orFreeKeepsGivenPortAndReplacesZero() {
        assertThat(FreePorts.orFree(18123)).isEqualTo(18123);
        assertThat(FreePorts.orFree(0)).isPositive();
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatThrownBy(() -> FreePorts.pick(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> FreePorts.orFree(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> FreePorts.orFree(70_000)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }
}
