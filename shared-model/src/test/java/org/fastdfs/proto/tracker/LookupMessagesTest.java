package org.fastdfs.proto.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.proto.FrameFixtures.ascii;
import static org.fastdfs.proto.FrameFixtures.assertGoldenRequest;
import static org.fastdfs.proto.FrameFixtures.assertGoldenResponse;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.hex;
import static org.fastdfs.proto.FrameFixtures.padded;
import static org.fastdfs.proto.FrameFixtures.requestFrame;
import static org.fastdfs.proto.FrameFixtures.responseFrame;
import static org.fastdfs.proto.tracker.TrackerFixtures.body;
import static org.fastdfs.proto.tracker.TrackerFixtures.rejects;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StorageBrief;
import org.junit.jupiter.api.Test;

/**
 * Lookup commands (PROTOCOL.md §2.9): GET_STATUS (71), GET_SERVER_ID (70), FETCH_STORAGE_IDS (69),
 * PARAMETER_REQ (75) and STORAGE_GET_GROUP_NAME (109). Only the 71 reply (the storage brief)
 * differs between the profiles; the other layouts are one profile each.
 */
class LookupMessagesTest {

    private static final java.util.function.Function<ByteBuffer, StorageLookupRequest> STATUS =
            b -> StorageLookupRequest.decode(Command.STORAGE_GET_STATUS, b);
    private static final java.util.function.Function<ByteBuffer, StorageLookupRequest> SERVER_ID =
            b -> StorageLookupRequest.decode(Command.STORAGE_GET_SERVER_ID, b);


    // ---- 71 -------------------------------------------------------------------------------

    /** By hand (§2.9): 71 as the 6.16 C client sends it: group + "ip:port". */
    static final byte[] GET_STATUS_71 = hex("""
            00 00 00 00 00 00 00 1f 47 00                       # pkg_len 31, cmd 71
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            31 32 37 2e 30 2e 30 2e 32 3a 32 33 30 30 30        # "127.0.0.2:23000"
            """);

    /** By hand (§2.9): the classic form with a bare IP. */
    static final byte[] GET_STATUS_71_BARE_IP = hex("""
            00 00 00 00 00 00 00 19 47 00                       # pkg_len 25
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            31 32 37 2e 30 2e 30 2e 32                          # "127.0.0.2"
            """);

    /** By hand (§2.9): the classic form without an IP (the requester's own address). */
    static final byte[] GET_STATUS_71_NO_IP = hex("""
            00 00 00 00 00 00 00 10 47 00                       # pkg_len 16
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            """);

    /** By hand (§2.9): an IPv6 storage in brackets. */
    static final byte[] GET_STATUS_71_IPV6 = hex("""
            00 00 00 00 00 00 00 1f 47 00                       # pkg_len 31
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            5b 66 64 30 30 3a 3a 32 5d 3a 32 33 30 30 30        # "[fd00::2]:23000"
            """);

    /** By hand (§4.5 brief, current): status, port (4), id (16), ip (46): 67 bytes. */
    static final byte[] STATUS_REPLY_CURRENT = hex("""
            00 00 00 00 00 00 00 43 64 00                       # pkg_len 67
            07                                                  # status 7 = ACTIVE
            00 00 59 d8                                         # port 23000 (4 bytes)
            31 32 37 2e 30 2e 30 2e 32 00 00 00 00 00 00 00     # id[16] "127.0.0.2"
            31 32 37 2e 30 2e 30 2e 32 00 00 00 00 00 00 00     # ip_addr[46] "127.0.0.2" ...
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00
            """);

    /** By hand (§4.5 brief, classic): ip_addr is 16 bytes: 37 in all. */
    static final byte[] STATUS_REPLY_CLASSIC = hex("""
            00 00 00 00 00 00 00 25 64 00                       # pkg_len 37
            07                                                  # status 7 = ACTIVE
            00 00 59 d8                                         # port 23000
            31 32 37 2e 30 2e 30 2e 32 00 00 00 00 00 00 00     # id[16]
            31 32 37 2e 30 2e 30 2e 32 00 00 00 00 00 00 00     # ip_addr[16]
            """);

    // ---- 70 -------------------------------------------------------------------------------

    /** By hand (§2.9): 70 with group + "ip:port". */
    static final byte[] GET_SERVER_ID_70 = hex("""
            00 00 00 00 00 00 00 1f 46 00                       # pkg_len 31, cmd 70
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            31 32 37 2e 30 2e 30 2e 31 3a 32 33 30 30 31        # "127.0.0.1:23001"
            """);

    /** By hand (§2.9): the id text, no NUL. */
    static final byte[] SERVER_ID_REPLY = hex("""
            00 00 00 00 00 00 00 06 64 00                       # pkg_len 6
            31 30 30 30 30 32                                   # "100002"
            """);

    // ---- 69 -------------------------------------------------------------------------------

    /** By hand (§2.9): the 6.11+ form, start_index 0 and allow_empty 1. */
    static final byte[] FETCH_STORAGE_IDS_69 = hex("""
            00 00 00 00 00 00 00 05 45 00                       # pkg_len 5, cmd 69
            00 00 00 00                                         # start_index 0
            01                                                  # allow_empty 1
            """);

    /** By hand (§2.9, §10.15): the legacy 4-byte form of clients before 6.11. */
    static final byte[] FETCH_STORAGE_IDS_69_LEGACY = hex("""
            00 00 00 00 00 00 00 04 45 00                       # pkg_len 4, cmd 69
            00 00 00 02                                         # start_index 2
            """);

    /** By hand (§2.9): the storage_ids.conf of the id-mode capture, one storage read-only. */
    static final byte[] STORAGE_IDS_REPLY = responseFrame(
            hex("00 00 00 02"),                                         // total_count 2
            hex("00 00 00 02"),                                         // count in this reply 2
            ascii("100001 group1 127.0.0.1:23000\n"),
            ascii("100002 group1 127.0.0.1:23001 rw=read\n"));

    /** By hand (§2.9): use_storage_id off with allow_empty: 8 zero bytes. */
    static final byte[] STORAGE_IDS_EMPTY_REPLY = hex("""
            00 00 00 00 00 00 00 08 64 00                       # pkg_len 8
            00 00 00 00                                         # total_count 0
            00 00 00 00                                         # count 0
            """);

    // ---- 75 -------------------------------------------------------------------------------

    /** By hand (§2.9): 75 has an empty body. */
    static final byte[] PARAMETER_REQ_75 = hex("00 00 00 00 00 00 00 00 4b 00");

    /** By hand: the 6.16 tracker's key list (§2.9) with the sample tracker.conf values. */
    static final String PARAMETERS = """
            use_storage_id=0
            id_type_in_filename=ip
            trust_storage_server_id=0
            response_ip_addr_size=16
            storage_ip_changed_auto_adjust=1
            storage_sync_file_max_delay=86400
            store_path=0
            reserved_storage_space=20.00%
            use_trunk_file=0
            slot_min_size=256
            slot_max_size=1048576
            trunk_alloc_alignment_size=256
            trunk_file_size=67108864
            trunk_create_file_advance=0
            trunk_create_file_time_base=02:00
            trunk_create_file_interval=86400
            trunk_create_file_space_threshold=21474836480
            trunk_init_check_occupying=0
            trunk_init_reload_from_binlog=0
            trunk_free_space_merge=1
            delete_unused_trunk_files=0
            trunk_compress_binlog_min_interval=86400
            trunk_compress_binlog_interval=86400
            trunk_compress_binlog_time_base=03:00
            trunk_binlog_max_backups=7
            store_slave_file_use_link=0
            """;

    static final byte[] PARAMETER_REPLY = responseFrame(ascii(PARAMETERS));

    // ---- 109 ------------------------------------------------------------------------------

    /** By hand (§2.9): 109 with the storage's IP and port. */
    static final byte[] GET_GROUP_NAME_109 = hex("""
            00 00 00 00 00 00 00 0d 6d 00                       # pkg_len 13, cmd 109
            31 32 37 2e 30 2e 30 2e 31                          # ip "127.0.0.1"
            00 00 59 d9                                         # port 23001 (4 bytes)
            """);

    /** By hand (§2.9): 109 with the port alone (the requester's IP). */
    static final byte[] GET_GROUP_NAME_109_PORT_ONLY = hex("""
            00 00 00 00 00 00 00 04 6d 00                       # pkg_len 4
            00 00 59 d8                                         # port 23000
            """);

    /** By hand (§2.9): group_name (16). */
    static final byte[] GROUP_NAME_REPLY = hex("""
            00 00 00 00 00 00 00 10 64 00                       # pkg_len 16
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            """);

    static final Set<Command> COMMANDS = EnumSet.of(Command.STORAGE_GET_STATUS, Command.STORAGE_GET_SERVER_ID,
            Command.STORAGE_FETCH_STORAGE_IDS, Command.STORAGE_PARAMETER_REQ, Command.STORAGE_GET_GROUP_NAME);

    static final Map<Command, byte[]> GOLDEN_REQUESTS = Map.of(
            Command.STORAGE_GET_STATUS, GET_STATUS_71,
            Command.STORAGE_GET_SERVER_ID, GET_SERVER_ID_70,
            Command.STORAGE_FETCH_STORAGE_IDS, FETCH_STORAGE_IDS_69,
            Command.STORAGE_PARAMETER_REQ, PARAMETER_REQ_75,
            Command.STORAGE_GET_GROUP_NAME, GET_GROUP_NAME_109);

    @Test
    void theGoldenRequestMapCoversEveryLookupCommand() {
        assertThat(GOLDEN_REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(COMMANDS);
    }

    // ---- 71 / 70 --------------------------------------------------------------------------

    @Test
    void decodesTheThreeFormsOfTheGetStatusRequest() {
        var current = assertGoldenRequest(GET_STATUS_71, WireProfile.CURRENT,
                StorageLookupRequest.status("group1", new ServerAddress("127.0.0.2", 23000)),
                STATUS);
        assertThat(current.storage().format()).isEqualTo("127.0.0.2:23000");
        assertGoldenRequest(GET_STATUS_71_BARE_IP, WireProfile.CLASSIC,
                StorageLookupRequest.status("group1", new ServerAddress("127.0.0.2", 0)),
                STATUS);
        assertGoldenRequest(GET_STATUS_71_NO_IP, WireProfile.CLASSIC,
                StorageLookupRequest.status("group1", ServerAddress.NONE), STATUS);
        assertGoldenRequest(GET_STATUS_71_IPV6, WireProfile.CURRENT_IPV6,
                StorageLookupRequest.status("group1", new ServerAddress("fd00::2", 23000)),
                STATUS);
    }

    @Test
    void theGetStatusReplyIsTheStorageBriefOfEachProfile() {
        var brief = new StorageBrief(7, 23000, "127.0.0.2", "127.0.0.2");
        assertGoldenResponse(STATUS_REPLY_CURRENT, WireProfile.CURRENT, brief, b -> briefOnly(b, WireProfile.CURRENT));
        assertGoldenResponse(STATUS_REPLY_CLASSIC, WireProfile.CLASSIC, brief, b -> briefOnly(b, WireProfile.CLASSIC));
        rejects(body(STATUS_REPLY_CURRENT), b -> briefOnly(b, WireProfile.CLASSIC));
    }

    private static StorageBrief briefOnly(ByteBuffer body, WireProfile profile) {
        StorageBrief brief = StorageBrief.decode(body, profile);
        Wire.requireEnd(body, "get storage status reply");
        return brief;
    }

    @Test
    void decodesTheGetServerIdRequestAndReply() {
        assertGoldenRequest(GET_SERVER_ID_70, WireProfile.CURRENT,
                StorageLookupRequest.serverId("group1", new ServerAddress("127.0.0.1", 23001)), SERVER_ID);
        assertGoldenResponse(SERVER_ID_REPLY, WireProfile.CURRENT, new ServerIdResponse("100002"),
                ServerIdResponse::decode);
        // the classic bare-IP form decodes for 70 as well
        assertThat(SERVER_ID.apply(ByteBuffer.wrap(body(GET_STATUS_71_BARE_IP))).storage())
                .isEqualTo(new ServerAddress("127.0.0.2", 0));
    }

    @Test
    void lookupBodiesWithBadAddressesAreRejected() {
        rejects(new byte[15], STATUS);
        rejects(concat(padded("group1", 16), new byte[53]), STATUS);
        rejects(concat(padded("group1", 16), ascii("127.0.0.2:port")), STATUS);
        rejects(concat(padded("group1", 16), ascii("127.0.0.2:70000")), SERVER_ID);
        rejects(concat(padded("group1", 16), ascii(":23000")), SERVER_ID);
        rejects(concat(padded("group1", 16), ascii("[fd00::2]23000")), SERVER_ID);
        assertThat(rejects(concat(padded("group1", 16), hex("31 00 32")), SERVER_ID)).contains("NUL");
        rejects(new byte[0], ServerIdResponse::decode);
        rejects(ascii("0123456789abcdef"), ServerIdResponse::decode);
    }

    @Test
    void aServerAddressFormatsAndParsesEveryForm() {
        assertThat(ServerAddress.parse("10.0.0.1:23000", true, "a")).isEqualTo(new ServerAddress("10.0.0.1", 23000));
        assertThat(ServerAddress.parse("[::1]:22122", true, "a")).isEqualTo(new ServerAddress("::1", 22122));
        assertThat(ServerAddress.parse("fe80::1", false, "a")).isEqualTo(new ServerAddress("fe80::1", 0));
        assertThat(ServerAddress.parse("", false, "a")).isEqualTo(ServerAddress.NONE);
        assertThat(new ServerAddress("::1", 22122).format()).isEqualTo("[::1]:22122");
        assertThat(new ServerAddress("fe80::1", 0).format()).isEqualTo("fe80::1");
        rejects(Status.EINVAL, new byte[0], b -> ServerAddress.parse("", true, "a"));
        rejects(Status.EINVAL, new byte[0], b -> ServerAddress.parse("fe80::1", true, "a"));
    }

    // ---- 69 -------------------------------------------------------------------------------

    @Test
    void decodesBothFormsOfTheFetchStorageIdsRequest() {
        assertGoldenRequest(FETCH_STORAGE_IDS_69, WireProfile.CURRENT, new FetchStorageIdsRequest(0, true),
                FetchStorageIdsRequest::decode);
        var legacy = assertGoldenRequest(FETCH_STORAGE_IDS_69_LEGACY, WireProfile.CLASSIC,
                FetchStorageIdsRequest.legacy(2), FetchStorageIdsRequest::decode);
        assertThat(legacy.allowEmpty()).isFalse();
        rejects(new byte[3], FetchStorageIdsRequest::decode);
        rejects(new byte[6], FetchStorageIdsRequest::decode);
        rejects(hex("ff ff ff ff 00"), FetchStorageIdsRequest::decode);
        assertThatThrownBy(() -> new FetchStorageIdsRequest(0, true, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesTheStorageIdsReplyAndParsesItsLines() {
        var reply = assertGoldenResponse(STORAGE_IDS_REPLY, WireProfile.CURRENT, new StorageIdsResponse(2, List.of(
                        "100001 group1 127.0.0.1:23000", "100002 group1 127.0.0.1:23001 rw=read")),
                StorageIdsResponse::decode);
        assertThat(reply.entries()).containsExactly(
                new StorageIdEntry("100001", "group1", List.of("127.0.0.1"), 23000, "both"),
                new StorageIdEntry("100002", "group1", List.of("127.0.0.1"), 23001, "read"));
        assertThat(StorageIdsResponse.of(2, reply.entries())).isEqualTo(reply);
        assertGoldenResponse(STORAGE_IDS_EMPTY_REPLY, WireProfile.CURRENT, new StorageIdsResponse(0, List.of()),
                StorageIdsResponse::decode);
    }

    @Test
    void storageIdLinesWithDualAndIpv6AddressesRoundTrip() {
        for (String line : List.of("100003 group2 [fd00::3,fd00::4]:23000 rw=none",
                "100004 group2 10.0.0.4,192.168.0.4:23002", "100005 group3 10.0.0.5", "100006 group3 [fd00::6]")) {
            assertThat(StorageIdEntry.parse(line).format()).isEqualTo(line);
        }
        assertThat(StorageIdEntry.parse("100003 group2 [fd00::3,fd00::4]:23000 rw=none").ips())
                .containsExactly("fd00::3", "fd00::4");
        rejects(new byte[0], b -> StorageIdEntry.parse("100001 group1"));
        rejects(new byte[0], b -> StorageIdEntry.parse("100001 group1 10.0.0.1:x"));
        rejects(new byte[0], b -> StorageIdEntry.parse("100001 group1 10.0.0.1 ro"));
        rejects(new byte[0], b -> StorageIdEntry.parse("100001 group1 [fd00::1"));
    }

    @Test
    void aStorageIdsReplyWhoseCountDisagreesWithItsLinesIsRejected() {
        byte[] reply = body(STORAGE_IDS_REPLY);
        reply[7] = 3; // count 3 for 2 lines (and above the total)
        rejects(reply, StorageIdsResponse::decode);
        reply[3] = 3; // total 3, count 3, 2 lines
        assertThat(rejects(reply, StorageIdsResponse::decode)).contains("lines");
        byte[] unterminated = body(STORAGE_IDS_REPLY);
        rejects(java.util.Arrays.copyOf(unterminated, unterminated.length - 1), StorageIdsResponse::decode);
        rejects(new byte[7], StorageIdsResponse::decode);
    }

    // ---- 75 -------------------------------------------------------------------------------

    @Test
    void decodesTheParameterRequestAndItsIniReply() {
        assertGoldenRequest(PARAMETER_REQ_75, WireProfile.CURRENT, new ParameterRequest(), ParameterRequest::decode);
        rejects(new byte[1], ParameterRequest::decode);
        var reply = assertGoldenResponse(PARAMETER_REPLY, WireProfile.CURRENT, new ParameterResponse(PARAMETERS),
                ParameterResponse::decode);
        Map<String, String> map = reply.asMap();
        assertThat(map).hasSize(26);
        assertThat(map.keySet()).startsWith("use_storage_id", "id_type_in_filename").endsWith("store_slave_file_use_link");
        assertThat(map).containsEntry("reserved_storage_space", "20.00%").containsEntry("trunk_create_file_time_base",
                "02:00");
        assertThat(reply.get("id_type_in_filename")).isEqualTo("ip");
    }

    @Test
    void aParameterReplyBuiltFromAMapKeepsItsOrder() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("use_storage_id", "1");
        m.put("id_type_in_filename", "id");
        var reply = ParameterResponse.of(m);
        assertThat(reply.text()).isEqualTo("use_storage_id=1\nid_type_in_filename=id\n");
        assertThat(reply.asMap()).containsExactly(Map.entry("use_storage_id", "1"), Map.entry("id_type_in_filename", "id"));
        assertThat(new ParameterResponse("# comment\n\n a = b \nnot a pair\n").asMap()).containsExactly(Map.entry("a", "b"));
        rejects(hex("61 00 3d"), ParameterResponse::decode);
        assertThat(ParameterResponse.decode(java.nio.ByteBuffer.wrap(hex("61 3d 62 00 00"))).asMap())
                .as("trailing NUL padding is dropped").containsExactly(Map.entry("a", "b"));
    }

    // ---- 109 ------------------------------------------------------------------------------

    @Test
    void decodesBothFormsOfTheGetGroupNameRequestAndItsReply() {
        assertGoldenRequest(GET_GROUP_NAME_109, WireProfile.CURRENT, new GetGroupNameRequest("127.0.0.1", 23001),
                GetGroupNameRequest::decode);
        assertGoldenRequest(GET_GROUP_NAME_109_PORT_ONLY, WireProfile.CURRENT, new GetGroupNameRequest("", 23000),
                GetGroupNameRequest::decode);
        assertGoldenResponse(GROUP_NAME_REPLY, WireProfile.CURRENT, new GroupNameResponse("group1"),
                GroupNameResponse::decode);
    }

    @Test
    void aGetGroupNameRequestWithATooLongIpIsRefusedWithEnametoolong() {
        rejects(Status.ENAMETOOLONG, concat(ascii("x".repeat(46)), hex("00 00 59 d8")), GetGroupNameRequest::decode);
        assertThat(GetGroupNameRequest.decode(ByteBuffer.wrap(concat(ascii("f".repeat(45)), hex("00 00 59 d8")))).ip())
                .hasSize(45);
        rejects(new byte[3], GetGroupNameRequest::decode);
        rejects(concat(hex("31 00"), hex("00 00 59 d8")), GetGroupNameRequest::decode);
        rejects(new byte[15], GroupNameResponse::decode);
    }

    @Test
    void theHandWrittenLookupFramesMatchTheFixtureBuilder() {
        assertThat(GET_STATUS_71).isEqualTo(requestFrame(Command.STORAGE_GET_STATUS, padded("group1", 16),
                ascii("127.0.0.2:23000")));
        assertThat(GET_GROUP_NAME_109).isEqualTo(requestFrame(Command.STORAGE_GET_GROUP_NAME, ascii("127.0.0.1"),
                hex("00 00 59 d9")));
    }
}
