package org.fastdfs.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.fastdfs.fileid.ExtPart;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileIdBlock;
import org.fastdfs.fileid.FileSource;
import org.fastdfs.meta.Metadata;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.storage.AppendFileRequest;
import org.fastdfs.proto.storage.DeleteFileRequest;
import org.fastdfs.proto.storage.DownloadFileRequest;
import org.fastdfs.proto.storage.FileInfoResponse;
import org.fastdfs.proto.storage.GetMetadataRequest;
import org.fastdfs.proto.storage.MetadataResponse;
import org.fastdfs.proto.storage.ModifyFileRequest;
import org.fastdfs.proto.storage.QueryFileInfoRequest;
import org.fastdfs.proto.storage.RegenerateAppenderFilenameRequest;
import org.fastdfs.proto.storage.SetMetadataRequest;
import org.fastdfs.proto.storage.TruncateFileRequest;
import org.fastdfs.proto.storage.UploadFileRequest;
import org.fastdfs.proto.storage.UploadResponse;
import org.fastdfs.proto.storage.UploadSlaveFileRequest;
import org.fastdfs.proto.tracker.FetchTarget;
import org.fastdfs.proto.tracker.FetchTargets;
import org.fastdfs.proto.tracker.GroupStat;
import org.fastdfs.proto.tracker.GroupStatList;
import org.fastdfs.proto.tracker.ServerAddress;
import org.fastdfs.proto.tracker.StorageStat;
import org.fastdfs.proto.tracker.StorageStatList;
import org.fastdfs.proto.tracker.StoreTarget;

/**
 * A one-group cluster in memory, speaking the protocol on two loopback ports: a tracker that sends
 * every query to the storage, and a storage that keeps files and metadata in maps. Enough of the
 * server behaviour (PROTOCOL.md §3) to drive the client and the CLI end to end.
 */
public final class MemoryCluster implements AutoCloseable {

    public static final String GROUP = "group1";
    public static final WireProfile PROFILE = WireProfile.CURRENT;
    /** Creation time written into generated names: 2026-11-21 05:35:16 UTC. */
    public static final long NOW = 1795239316L;

    public final Map<String, byte[]> files = new ConcurrentHashMap<>();
    public final Map<String, byte[]> metadata = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger(1);
    public final FakeServer storage;
    public final FakeServer tracker;

    public MemoryCluster() throws IOException {
        storage = new FakeServer(this::storage);
        tracker = new FakeServer(this::tracker);
    }

    /** A client for this cluster with the given settings (trackers are added). */
    public FdfsClient client(ClientConfig.Builder settings) {
        return new FdfsClient(settings.tracker(tracker.endpoint()).build());
    }

    public FdfsClient client() {
        return client(ClientConfig.builder());
    }

    /** Puts a file straight into the storage; returns its file id. */
    public String put(byte[] content, String ext) {
        String name = normalName(content, ext);
        files.put(name, content.clone());
        return GROUP + "/" + name;
    }

    // ----------------------------------------------------------------- tracker

    private byte[] tracker(FakeServer.Frame f) {
        Command cmd = Command.of(f.command());
        String ip = storage.endpoint().host();
        int port = storage.port();
        return switch (cmd) {
            case SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE, SERVICE_QUERY_STORE_WITH_GROUP_ONE ->
                    Frames.response(new StoreTarget(GROUP, ip, port, 0), PROFILE);
            case SERVICE_QUERY_FETCH_ONE, SERVICE_QUERY_UPDATE -> Frames.response(new FetchTarget(GROUP, ip, port), PROFILE);
            case SERVICE_QUERY_FETCH_ALL ->
                    Frames.response(new FetchTargets(GROUP, List.of(new ServerAddress(ip, port))), PROFILE);
            case SERVER_LIST_ALL_GROUPS -> Frames.response(new GroupStatList(List.of(groupStat())), PROFILE);
            case SERVER_LIST_STORAGE -> Frames.response(new StorageStatList(List.of(storageStat(ip, port))), PROFILE);
            default -> Frames.status(Status.EINVAL);
        };
    }

    static GroupStat groupStat() {
        return new GroupStat(GROUP, 258048, 79872, 51200, 0, 1, 23000, 0, 0, 1, 1, 0, 1, 256, -1);
    }

    static StorageStat storageStat(String ip, int port) {
        StatBlock stat = StatBlock.EMPTY.with(StatField.SUCCESS_UPLOAD_COUNT, 5).with(StatField.TOTAL_UPLOAD_COUNT, 5)
                .with(StatField.SUCCESS_DOWNLOAD_COUNT, 8).with(StatField.TOTAL_DOWNLOAD_COUNT, 8)
                .with(StatField.LAST_HEART_BEAT_TIME, NOW + 5);
        return new StorageStat(7, StorageStat.RW_BOTH, ip, ip, "", "", "6.16.1", NOW - 200, NOW - 100, 258048, 79872,
                51200, 10, 1, 256, 0, port, 0, stat, false);
    }

    // ----------------------------------------------------------------- storage

    private byte[] storage(FakeServer.Frame f) {
        ByteBuffer body = ByteBuffer.wrap(f.body());
        long length = f.body().length;
        Command cmd = Command.of(f.command());
        return switch (cmd) {
            case UPLOAD_FILE, UPLOAD_APPENDER_FILE -> {
                UploadFileRequest r = UploadFileRequest.decode(cmd, body, length);
                byte[] content = rest(body);
                String name = cmd == Command.UPLOAD_FILE ? normalName(content, r.extension())
                        : appenderName(content, r.extension());
                files.put(name, content);
                yield Frames.response(new UploadResponse(GROUP, name), PROFILE);
            }
            case UPLOAD_SLAVE_FILE -> {
                UploadSlaveFileRequest r = UploadSlaveFileRequest.decode(body, length);
                if (!files.containsKey(r.masterFilename())) {
                    yield Frames.status(Status.ENOENT);
                }
                String slave = FileId.parseRemote(GROUP, r.masterFilename()).slave(r.prefix(), r.extension())
                        .remoteFilename();
                files.put(slave, rest(body));
                yield Frames.response(new UploadResponse(GROUP, slave), PROFILE);
            }
            case DOWNLOAD_FILE -> download(DownloadFileRequest.decode(body));
            case DELETE_FILE -> {
                DeleteFileRequest r = DeleteFileRequest.decode(body);
                metadata.remove(r.filename());
                yield Frames.status(files.remove(r.filename()) == null ? Status.ENOENT : Status.OK);
            }
            case SET_METADATA -> setMetadata(SetMetadataRequest.decode(body));
            case GET_METADATA -> {
                GetMetadataRequest r = GetMetadataRequest.decode(body);
                byte[] md = metadata.get(r.filename());
                yield md == null ? Frames.status(Status.ENOENT)
                        : Frames.response(new MetadataResponse(new String(md, StandardCharsets.ISO_8859_1)), PROFILE);
            }
            case QUERY_FILE_INFO -> {
                QueryFileInfoRequest r = QueryFileInfoRequest.decode(body, f.header().status());
                byte[] content = files.get(r.filename());
                yield content == null ? Frames.status(Status.ENOENT)
                        : Frames.response(new FileInfoResponse(content.length, NOW, r.noCrc32() ? 0 : crc(content),
                                "127.0.0.1"), PROFILE);
            }
            case APPEND_FILE -> {
                AppendFileRequest r = AppendFileRequest.decode(body, length);
                yield change(r.appenderFilename(), old -> concat(old, rest(body)));
            }
            case MODIFY_FILE -> {
                ModifyFileRequest r = ModifyFileRequest.decode(body, length);
                byte[] data = rest(body);
                yield change(r.appenderFilename(), old -> {
                    byte[] out = Arrays.copyOf(old, (int) Math.max(old.length, r.offset() + data.length));
                    System.arraycopy(data, 0, out, (int) r.offset(), data.length);
                    return out;
                });
            }
            case TRUNCATE_FILE -> {
                TruncateFileRequest r = TruncateFileRequest.decode(body);
                yield change(r.appenderFilename(), old -> Arrays.copyOf(old, (int) r.newSize()));
            }
            case REGENERATE_APPENDER_FILENAME -> {
                RegenerateAppenderFilenameRequest r = RegenerateAppenderFilenameRequest.decode(body);
                byte[] content = files.remove(r.appenderFilename());
                if (content == null) {
                    yield Frames.status(Status.ENOENT);
                }
                String name = FileId.parseRemote(GROUP, r.appenderFilename())
                        .regenerated(source(), NOW, content.length, crc(content), counter.getAndIncrement())
                        .remoteFilename();
                files.put(name, content);
                yield Frames.response(new UploadResponse(GROUP, name), PROFILE);
            }
            default -> Frames.status(Status.EINVAL);
        };
    }

    private byte[] download(DownloadFileRequest r) {
        byte[] content = files.get(r.filename());
        if (content == null) {
            return Frames.status(Status.ENOENT);
        }
        if (r.offset() > content.length) {
            return Frames.status(Status.EINVAL);
        }
        long end = r.length() == 0 ? content.length : Math.min(content.length, r.offset() + r.length());
        return Frames.response(Arrays.copyOfRange(content, (int) r.offset(), (int) end));
    }

    private byte[] setMetadata(SetMetadataRequest r) {
        if (!files.containsKey(r.filename())) {
            return Frames.status(Status.ENOENT);
        }
        Metadata incoming = Metadata.decode(r.metadataBytes(), Metadata.SERVER_CHARSET);
        byte[] old = metadata.get(r.filename());
        Metadata result = r.op() == SetMetadataRequest.Op.MERGE && old != null
                ? Metadata.decode(old, Metadata.SERVER_CHARSET).mergedWith(incoming, Metadata.SERVER_CHARSET)
                : incoming.sorted(Metadata.SERVER_CHARSET);
        if (r.op() == SetMetadataRequest.Op.OVERWRITE && incoming.isEmpty()) {
            metadata.remove(r.filename());
        } else {
            metadata.put(r.filename(), result.encode(Metadata.SERVER_CHARSET));
        }
        return Frames.status(Status.OK);
    }

    private byte[] change(String name, java.util.function.UnaryOperator<byte[]> edit) {
        byte[] old = files.get(name);
        if (old == null) {
            return Frames.status(Status.ENOENT);
        }
        files.put(name, edit.apply(old));
        return Frames.status(Status.OK);
    }

    // ------------------------------------------------------------------ names

    private String normalName(byte[] content, String ext) {
        FileIdBlock block = FileIdBlock.normal(source(), NOW, content.length, crc(content), counter.getAndIncrement());
        return "M00/00/00/" + block.encode() + ExtPart.format(ext, "0".repeat(ExtPart.randomDigitCount(ext)));
    }

    private String appenderName(byte[] content, String ext) {
        FileIdBlock block = FileIdBlock.appender(source(), NOW, crc(content), counter.getAndIncrement());
        return "M00/00/00/" + block.encode() + ExtPart.format(ext, "0".repeat(ExtPart.randomDigitCount(ext)));
    }

    private static FileSource source() {
        return FileSource.ip("127.0.0.1");
    }

    public static int crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return (int) crc.getValue();
    }

    private static byte[] rest(ByteBuffer body) {
        byte[] b = new byte[body.remaining()];
        body.get(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void close() throws IOException {
        tracker.close();
        storage.close();
    }
}
