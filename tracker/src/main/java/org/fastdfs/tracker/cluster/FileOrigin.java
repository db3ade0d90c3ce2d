package org.fastdfs.tracker.cluster;

/**
 * What the tracker needs from a file id to pick a download or update server (PROTOCOL.md §7.4):
 * the source storage (IP text, or a numeric server id), the create time and whether the file is a
 * normal one (slaves and appenders must be read from their source).
 */
public record FileOrigin(String sourceIp, long serverId, long createTime, boolean normal) {

    public static FileOrigin ofIp(String ip, long createTime, boolean normal) {
        return new FileOrigin(ip, 0, createTime, normal);
    }
}
