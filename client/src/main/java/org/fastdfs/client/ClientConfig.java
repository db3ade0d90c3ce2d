package org.fastdfs.client;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.fastdfs.meta.Metadata;
import org.fastdfs.proto.WireProfile;

/**
 * Settings of an {@link FdfsClient}. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * ClientConfig config = ClientConfig.builder().trackers("10.0.0.1:22122", "10.0.0.2:22122").build();
 * }</pre>
 *
 * @param trackers           tracker addresses, at least one; tried in turn, starting round robin
 * @param connectTimeout     TCP connect timeout
 * @param networkTimeout     socket read timeout: the longest silence tolerated inside an exchange
 * @param profile            the servers' wire profile (PROTOCOL.md §11): decides the list-groups and
 *                           list-storages layouts and the fetch-all layout. The IP width of query
 *                           and file-info replies (16 or 46) is detected from their length
 * @param maxConnectionsPerServer connections open at once to one server (in use plus idle)
 * @param borrowTimeout      how long a call waits for a connection when all are in use
 * @param idleTimeout        pooled connections idle longer than this are closed
 * @param activeTestAfter    a pooled connection idle longer than this is checked with ACTIVE_TEST
 *                           before it is reused
 * @param metadataCharset    charset of metadata names and values (UTF-8 by default, as the Java client)
 * @param addressMapper      maps a storage address announced by a tracker to the one to connect to
 *                           (NAT, containers, tests); identity by default
 */
public record ClientConfig(List<Endpoint> trackers, Duration connectTimeout, Duration networkTimeout,
                           WireProfile profile, int maxConnectionsPerServer, Duration borrowTimeout,
                           Duration idleTimeout, Duration activeTestAfter, Charset metadataCharset,
                           UnaryOperator<Endpoint> addressMapper) {

    /** The default tracker port. */
    public static final int DEFAULT_TRACKER_PORT = 22122;

    public ClientConfig {
        trackers = List.copyOf(trackers);
        if (trackers.isEmpty()) {
            throw new IllegalArgumentException("no tracker configured");
        }
        positive(connectTimeout, "connect timeout");
        positive(networkTimeout, "network timeout");
        Objects.requireNonNull(profile, "profile");
        if (maxConnectionsPerServer < 1) {
            throw new IllegalArgumentException("maxConnectionsPerServer must be at least 1");
        }
        notNegative(borrowTimeout, "borrow timeout");
        notNegative(idleTimeout, "idle timeout");
        notNegative(activeTestAfter, "active test delay");
        Objects.requireNonNull(metadataCharset, "metadataCharset");
        Objects.requireNonNull(addressMapper, "addressMapper");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.trackers.addAll(trackers);
        b.connectTimeout = connectTimeout;
        b.networkTimeout = networkTimeout;
        b.profile = profile;
        b.maxConnectionsPerServer = maxConnectionsPerServer;
        b.borrowTimeout = borrowTimeout;
        b.idleTimeout = idleTimeout;
        b.activeTestAfter = activeTestAfter;
        b.metadataCharset = metadataCharset;
        b.addressMapper = addressMapper;
        return b;
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    private static void notNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " is negative: " + d);
        }
    }

    /** Builds a {@link ClientConfig}; every setting has a default except the trackers. */
    public static final class Builder {
        private final List<Endpoint> trackers = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration networkTimeout = Duration.ofSeconds(30);
        private WireProfile profile = WireProfile.CURRENT;
        private int maxConnectionsPerServer = 16;
        private Duration borrowTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration activeTestAfter = Duration.ofSeconds(3);
        private Charset metadataCharset = Metadata.DEFAULT_CHARSET;
        private UnaryOperator<Endpoint> addressMapper = UnaryOperator.identity();

        private Builder() {
        }

        /** Adds trackers written {@code host:port} (the port defaults to 22122). */
        public Builder trackers(String... addresses) {
            for (String a : addresses) {
                trackers.add(Endpoint.parse(a, DEFAULT_TRACKER_PORT));
            }
            return this;
        }

        public Builder trackers(List<Endpoint> endpoints) {
            trackers.addAll(endpoints);
            return this;
        }

        public Builder tracker(Endpoint endpoint) {
            trackers.add(endpoint);
            return this;
        }

        public Builder connectTimeout(Duration d) {
            connectTimeout = d;
            return this;
        }

        public Builder networkTimeout(Duration d) {
            networkTimeout = d;
            return this;
        }

        public Builder profile(WireProfile p) {
            profile = p;
            return this;
        }

        public Builder maxConnectionsPerServer(int n) {
            maxConnectionsPerServer = n;
            return this;
        }

        public Builder borrowTimeout(Duration d) {
            borrowTimeout = d;
            return this;
        }

        public Builder idleTimeout(Duration d) {
            idleTimeout = d;
            return this;
        }

        public Builder activeTestAfter(Duration d) {
            activeTestAfter = d;
            return this;
        }

        public Builder metadataCharset(Charset c) {
            metadataCharset = c;
            return this;
        }

        public Builder addressMapper(UnaryOperator<Endpoint> mapper) {
            addressMapper = mapper;
            return this;
        }

        public ClientConfig build() {
            return new ClientConfig(trackers, connectTimeout, networkTimeout, profile, maxConnectionsPerServer,
                    borrowTimeout, idleTimeout, activeTestAfter, metadataCharset, addressMapper);
        }
    }
}
