package org.fastdfs.tracker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Tracker settings, named after FastDFS's tracker.conf keys (PROTOCOL.md §9.1) under
 * {@code fdfs.tracker}: e.g. {@code fdfs.tracker.port} or the env var {@code FDFS_TRACKER_PORT}.
 */
@ConfigMapping(prefix = "fdfs.tracker")
public interface TrackerConfig {

    /** Address to bind; empty binds all. */
    @WithDefault("0.0.0.0")
    String bindAddr();

    /** TCP port of the FastDFS protocol; 0 picks a free one. */
    @WithDefault("22122")
    int port();

    /** Directory for data/ and logs/. */
    @WithDefault("run/tracker")
    String basePath();

    /** Wire profile of the listener: classic, current or current-ipv6. */
    @WithDefault("classic")
    String protocol();

    /** Close connections silent for this many seconds; 0 keeps them. */
    @WithDefault("900")
    int idleTimeoutSeconds();

    /** Largest request body accepted (trackers only take small requests). */
    @WithDefault("65536")
    int maxRequestBytes();
}
