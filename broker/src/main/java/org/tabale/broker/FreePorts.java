package org.tabale.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks TCP ports on 127.0.0.1 that are free now, by binding port 0 and releasing it. Kafka's
 * listeners must be told their port up front (the controller's goes into the quorum voters), so
 * the port is chosen before the broker binds it; the window in which another process could take
 * it is a few milliseconds.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** A free port different from {@code avoid} (pass 0 to avoid nothing). */
    static int other(int avoid) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            // Keep every socket bound until the end so that no port is handed out twice.
            while (true) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(BrokerSettings.HOST));
                held.add(socket);
                if (socket.getLocalPort() != avoid) {
                    return socket.getLocalPort();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + BrokerSettings.HOST, e);
        } finally {
            held.forEach(FreePorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing was accepted on it; the port is released either way.
        }
    }
}
