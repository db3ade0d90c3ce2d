package org.fastdfs.tracker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

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

    /** 0 round robin over groups, 1 always {@link #storeGroup()}, 2 the group with the most free space. */
    @WithDefault("0")
    int storeLookup();

    /** The group for store-lookup 1. */
    Optional<String> storeGroup();

    /** 0 round robin, 1 first by id, 2 lowest upload priority. */
    @WithDefault("0")
    int storeServer();

    /** 0 round robin over store paths, 2 the path with the most free space. */
    @WithDefault("0")
    int storePath();

    /** 0 round robin over readable storages, 1 the file's source storage first. */
    @WithDefault("0")
    int downloadServer();

    /** Space kept free on every storage: "10%", "1024MB", "10G". */
    @WithDefault("10%")
    String reservedStorageSpace();

    /** A storage silent for longer than this (seconds) goes OFFLINE. */
    @WithDefault("100")
    int checkActiveInterval();

    /** Files older than this (seconds) are taken to be on every member. */
    @WithDefault("86400")
    int storageSyncFileMaxDelay();

    /** Time (seconds) a replica needs at most to copy one file. */
    @WithDefault("300")
    int storageSyncFileMaxTime();

    /** An existing FastDFS tracker.conf to take settings from (our keys still override it). */
    Optional<String> confFile();
}
