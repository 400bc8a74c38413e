package org.tabale.alerts.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Refuses webhook targets on private, loopback, link-local (cloud metadata at 169.254.169.254),
 * unique-local, shared (100.64/10), multicast or unspecified addresses, so a responders entry
 * cannot make the service call into its own network (SSRF). Every address the host resolves to
 * must be public. {@link #allowingPrivate()} turns the check off, for tests and for receivers
 * deliberately on an internal network.
 *
 * <p>The check runs before each attempt; the HTTP client then resolves the host again, so a DNS
 * answer that changes in between (rebinding) is not caught: a network egress policy is the
 * complete defence.
 */
public final class TargetGuard {

    private final boolean allowPrivate;

    private TargetGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The guard for service: public addresses only. */
    public static TargetGuard publicOnly() {
        return new TargetGuard(false);
    }

    /** No address check (flag {@code allowPrivateTargets}). */
    public static TargetGuard allowingPrivate() {
        return new TargetGuard(true);
    }

    /** Why a target must not be called, if it must not; a host that does not resolve is no refusal (it may resolve later). */
    public Optional<String> refusal(URI target) throws UnknownHostException {
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
            if (!isPublic(address)) {
                return Optional.of("target " + target.getHost() + " resolves to non-public address "
                        + address.getHostAddress() + " (allowPrivateTargets is off)");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    && first < 224;
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        return false;
    }
}
