package org.fastdfs.storage.store;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.util.Optional;
import org.fastdfs.fileid.FileSource;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.storage.StorageConfig;

/**
 * Who this storage is, as new file names record it (PROTOCOL.md §6.2): its IPv4 address, or its
 * numeric server id when the cluster uses storage ids ({@code id_type_in_filename=id}).
 *
 * <p>The IP is, in this order: what the tracker reporter last set ({@link #setIp}, e.g. from
 * STORAGE_GET_MY_IP), the configured {@code bind-addr} when it names one address, or the local address
 * the client connected to. FastDFS cannot put an IPv6 address in a name; such a storage needs a server
 * id (PROTOCOL.md §10.5). Thread-safe.
 */
@Singleton
public class StorageIdentity {

    private final String boundIp;
    private volatile String ip;
    private volatile int serverId;

    @Inject
    public StorageIdentity(StorageConfig config) {
        this(config.bindAddr());
    }

    public StorageIdentity(String bindAddr) {
        this.boundIp = ipv4(bindAddr).filter(a -> !a.equals("0.0.0.0")).orElse(null);
    }

    /** Sets the IP to record in new names (null to fall back to the bind or connection address). */
    public void setIp(String ip) {
        this.ip = ip == null || ip.isBlank() ? null : ip.strip();
    }

    /** Records new names with this server id (1..16777215), or with the IP again when 0. */
    public void setServerId(int serverId) {
        if (serverId != 0) {
            FileSource.serverId(serverId);
        }
        this.serverId = serverId;
    }

    /** The IP known without a connection: set by the reporter or bound; empty when neither. */
    public Optional<String> ip() {
        String s = ip;
        return Optional.ofNullable(s != null ? s : boundIp);
    }

    public int serverId() {
        return serverId;
    }

    /**
     * The source to write into a name created on a connection whose local address is
     * {@code localAddress}.
     *
     * @throws ProtocolException EOPNOTSUPP when only an IPv6 address is known
     */
    public FileSource source(String localAddress) {
        int id = serverId;
        if (id != 0) {
            return FileSource.serverId(id);
        }
        String chosen = ip().orElse(localAddress);
        return ipv4(chosen).map(FileSource::ip).orElseThrow(() -> new ProtocolException(Status.EOPNOTSUPP,
                "no IPv4 address to put in file names (\"" + chosen + "\"): IPv6 storages need a server id"));
    }

    /** The dotted IPv4 text of {@code address} (also from an IPv4-mapped IPv6 form), if it is one. */
    static Optional<String> ipv4(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.strip();
        int mapped = a.toLowerCase().lastIndexOf("::ffff:");
        if (mapped >= 0) {
            a = a.substring(mapped + 7);
        }
        try {
            FileSource.ip(a);
            return Optional.of(a);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
