package org.fastdfs.meta;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered list of metadata items and their packed form (PROTOCOL.md §3.6; tracker_proto.c
 * fdfs_pack_metadata / fdfs_split_metadata_ex): {@code name 0x02 value}, records joined by
 * {@code 0x01}, no trailing separator. The empty list packs to zero bytes.
 *
 * <p>Decoding applies the server's rules: the bytes end at the first NUL (the C code works on
 * C strings); records without 0x02 are dropped; the name is the text before the first 0x02, cut to
 * 64 bytes; the value is the rest, cut to 256 bytes.
 *
 * <p>Text is converted with a charset chosen by the client (UTF-8 by default, as the Java client).
 * Limits, truncation and sorting are counted in bytes of that charset. Servers work on bytes and
 * use {@link #SERVER_CHARSET} (ISO-8859-1), under which every byte round-trips unchanged.
 */
public record Metadata(List<MetaItem> items) {

    /** FDFS_RECORD_SEPERATOR: between items. */
    public static final char RECORD_SEPARATOR = 0x01;
    /** FDFS_FIELD_SEPERATOR: between name and value. */
    public static final char FIELD_SEPARATOR = 0x02;
    /** FDFS_MAX_META_NAME_LEN: bytes kept of a name. */
    public static final int MAX_NAME_BYTES = 64;
    /** FDFS_MAX_META_VALUE_LEN: bytes kept of a value. */
    public static final int MAX_VALUE_BYTES = 256;
    /** The clients' usual charset. */
    public static final Charset DEFAULT_CHARSET = StandardCharsets.UTF_8;
    /** What servers use: one char per byte, so bytes round-trip and sort exactly as in C. */
    public static final Charset SERVER_CHARSET = StandardCharsets.ISO_8859_1;
    /**
     * Fixed part of a SET_METADATA request: header (10) + filename length (8) + metadata length (8)
     * + op flag (1) + group (16).
     */
    public static final int SET_METADATA_FIXED_LENGTH = 10 + 8 + 8 + 1 + 16;

    public static final Metadata EMPTY = new Metadata(List.of());

    public Metadata {
        items = List.copyOf(items);
    }

    public static Metadata of(MetaItem... items) {
        return new Metadata(List.of(items));
    }

    /** Items from a map, in the map's iteration order. */
    public static Metadata of(Map<String, String> map) {
        List<MetaItem> list = new ArrayList<>(map.size());
        map.forEach((k, v) -> list.add(new MetaItem(k, v)));
        return new Metadata(list);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }

    /** The value of the first item called {@code name}. */
    public Optional<String> get(String name) {
        return items.stream().filter(i -> i.name().equals(name)).map(MetaItem::value).findFirst();
    }

    /** The items as a map in list order; a later item with the same name wins. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        items.forEach(i -> m.put(i.name(), i.value()));
        return m;
    }

    // ------------------------------------------------------------------ codec

    /** Packs the items in UTF-8. */
    public byte[] encode() {
        return encode(DEFAULT_CHARSET);
    }

    /** Packs the items: {@code name 0x02 value}, joined by 0x01. Nothing is truncated here. */
    public byte[] encode(Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(RECORD_SEPARATOR);
            }
            out.writeBytes(items.get(i).name().getBytes(charset));
            out.write(FIELD_SEPARATOR);
            out.writeBytes(items.get(i).value().getBytes(charset));
        }
        return out.toByteArray();
    }

    /** Bytes {@link #encode(Charset)} produces. */
    public int encodedLength(Charset charset) {
        int n = Math.max(0, items.size() - 1);
        for (MetaItem i : items) {
            n += i.name().getBytes(charset).length + 1 + i.value().getBytes(charset).length;
        }
        return n;
    }

    /** Decodes UTF-8 packed metadata with the server's rules. */
    public static Metadata decode(byte[] packed) {
        return decode(packed, DEFAULT_CHARSET);
    }

    /** Decodes the remaining bytes of {@code packed} (consumed) with the server's rules. */
    public static Metadata decode(ByteBuffer packed, Charset charset) {
        byte[] b = new byte[packed.remaining()];
        packed.get(b);
        return decode(b, charset);
    }

    /**
     * Decodes packed metadata as the storage parses it: stop at the first NUL, split at 0x01, drop
     * records without 0x02, cut names to 64 bytes and values to 256 bytes.
     */
    public static Metadata decode(byte[] packed, Charset charset) {
        int end = 0;
        while (end < packed.length && packed[end] != 0) {
            end++;
        }
        List<MetaItem> list = new ArrayList<>();
        int start = 0;
        while (start <= end) {
            int sep = start;
            while (sep < end && packed[sep] != RECORD_SEPARATOR) {
                sep++;
            }
            int field = start;
            while (field < sep && packed[field] != FIELD_SEPARATOR) {
                field++;
            }
            if (field < sep) {
                int nameLen = Math.min(field - start, MAX_NAME_BYTES);
                int valueLen = Math.min(sep - field - 1, MAX_VALUE_BYTES);
                list.add(new MetaItem(new String(packed, start, nameLen, charset),
                        new String(packed, field + 1, valueLen, charset)));
            }
            start = sep + 1;
        }
        return new Metadata(list);
    }

    // --------------------------------------------------------- server rules

    /** The items sorted by name, bytewise in UTF-8 (strcmp order); equal names keep their order. */
    public Metadata sorted() {
        return sorted(DEFAULT_CHARSET);
    }

    /** The items sorted by name, comparing the names' bytes in {@code charset} unsigned (strcmp). */
    public Metadata sorted(Charset charset) {
        List<MetaItem> list = new ArrayList<>(items);
        list.sort(byName(charset));
        return new Metadata(list);
    }

    /** strcmp order of names encoded in {@code charset}. */
    public static Comparator<MetaItem> byName(Charset charset) {
        return (a, b) -> Arrays.compareUnsigned(a.name().getBytes(charset), b.name().getBytes(charset));
    }

    /**
     * This (old, stored) list merged with {@code newer} the way the storage merges (storage_do_set_metadata):
     * {@code newer} is sorted by name, then both lists are walked together; on equal names the new
     * item replaces the old one. With a sorted old list (what the storage always writes) the result is
     * the sorted union where new values win.
     */
    public Metadata mergedWith(Metadata newer, Charset charset) {
        Comparator<MetaItem> cmp = byName(charset);
        List<MetaItem> olds = items;
        List<MetaItem> news = newer.sorted(charset).items;
        List<MetaItem> all = new ArrayList<>(olds.size() + news.size());
        int o = 0;
        int n = 0;
        while (o < olds.size() && n < news.size()) {
            int c = cmp.compare(olds.get(o), news.get(n));
            if (c < 0) {
                all.add(olds.get(o++));
            } else if (c == 0) {
                all.add(news.get(n++));
                o++;
            } else {
                all.add(news.get(n++));
            }
        }
        all.addAll(olds.subList(o, olds.size()));
        all.addAll(news.subList(n, news.size()));
        return new Metadata(all);
    }

    // ----------------------------------------------------------------- limits

    /** True if a name is over 64 bytes or a value over 256 bytes in {@code charset}: the server would cut it. */
    public boolean exceedsLimits(Charset charset) {
        return items.stream().anyMatch(i -> i.name().getBytes(charset).length > MAX_NAME_BYTES
                || i.value().getBytes(charset).length > MAX_VALUE_BYTES);
    }

    /** The items as the server keeps them: names cut to 64 bytes, values to 256 (in {@code charset}). */
    public Metadata truncated(Charset charset) {
        return decode(encode(charset), charset);
    }

    /**
     * The whole SET_METADATA packet (header included) for a remote filename of
     * {@code filenameLength} bytes and {@code metaLength} bytes of packed metadata.
     */
    public static long setMetadataPacketLength(int filenameLength, int metaLength) {
        if (filenameLength < 0 || metaLength < 0) {
            throw new IllegalArgumentException("negative length");
        }
        return (long) SET_METADATA_FIXED_LENGTH + filenameLength + metaLength;
    }

    /**
     * Whether the storage accepts such a SET_METADATA packet: it must be smaller than its network
     * buffer ({@code buff_size}, 256 KiB in the sample storage.conf), else EINVAL.
     */
    public static boolean fitsStorageBuffer(int filenameLength, int metaLength, int bufferSize) {
        return setMetadataPacketLength(filenameLength, metaLength) < bufferSize;
    }

    @Override
    public String toString() {
        return "Metadata" + items;
    }
}
