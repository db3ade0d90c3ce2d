package org.fastdfs.proto.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.proto.FrameFixtures.assertGoldenRequest;
import static org.fastdfs.proto.FrameFixtures.assertGoldenResponse;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.hex;
import static org.fastdfs.proto.tracker.TrackerFixtures.body;
import static org.fastdfs.proto.tracker.TrackerFixtures.rejects;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.WireProfile;
import org.junit.jupiter.api.Test;

/** Query store (101, 104, 106, 107) and query fetch/update (102, 103, 105): PROTOCOL.md §2.3, §2.4. */
class QueryMessagesTest {

    static final String FILE = "M00/00/00/fwAAAmsBLZSAMpsvAAAALeis0vI527.txt";
    static final String ID_MODE_FILE = "M00/00/01/ooYBAGsBM_eAfJl6AAAALeis0vI502.txt";

    // ---- requests -------------------------------------------------------------------------

    /** wire-captures/upload.txt: fdfs_upload_file asks 101 with an empty body. */
    static final byte[] QUERY_STORE_101 = hex("00 00 00 00 00 00 00 00 65 00");

    /** By hand (§2.3): 104 with group_name (16). */
    static final byte[] QUERY_STORE_104 = hex("""
            00 00 00 00 00 00 00 10 68 00                       # pkg_len 16, cmd 104
            67 72 6f 75 70 32 00 00 00 00 00 00 00 00 00 00     # group_name[16] "group2"
            """);

    /** By hand (§2.3): 106 with an empty body. */
    static final byte[] QUERY_STORE_106 = hex("00 00 00 00 00 00 00 00 6a 00");

    /** By hand (§2.3): 107 with a full 16-byte group name (no NUL). */
    static final byte[] QUERY_STORE_107 = hex("""
            00 00 00 00 00 00 00 10 6b 00                       # pkg_len 16, cmd 107
            67 72 6f 75 70 41 42 43 44 45 46 47 48 49 4a 4b     # "groupABCDEFGHIJK", 16 chars
            """);

    /** wire-captures/download.txt (and download_range.txt): 102 for the uploaded file. */
    static final byte[] QUERY_FETCH_ONE_102 = hex("""
            00 00 00 00 00 00 00 3c 66 00
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 6d
            73 42 4c 5a 53 41 4d 70 73 76 41 41 41 41 4c 65
            69 73 30 76 49 35 32 37 2e 74 78 74
            """);

    /** wire-captures/delete.txt (and metadata_set.txt): 103 for the same file. */
    static final byte[] QUERY_UPDATE_103 = hex("""
            00 00 00 00 00 00 00 3c 67 00
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 6d
            73 42 4c 5a 53 41 4d 70 73 76 41 41 41 41 4c 65
            69 73 30 76 49 35 32 37 2e 74 78 74
            """);

    /** wire-captures/tracker_query.txt: fdfs_test query_servers sends 105. */
    static final byte[] QUERY_FETCH_ALL_105 = hex("""
            00 00 00 00 00 00 00 3c 69 00
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 6d
            73 42 4c 5a 53 41 4d 70 73 76 41 41 41 41 4c 65
            69 73 30 76 49 35 32 37 2e 74 78 74
            """);

    /** wire-captures/id_mode_upload_download.txt: 102 for the file stored on id 100002. */
    static final byte[] ID_MODE_QUERY_FETCH_ONE = hex("""
            00 00 00 00 00 00 00 3c 66 00
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 31 2f 6f 6f 59 42 41 47
            73 42 4d 5f 65 41 66 4a 6c 36 41 41 41 41 4c 65
            69 73 30 76 49 35 30 32 2e 74 78 74
            """);

    static final Set<Command> COMMANDS = EnumSet.of(
            Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE, Command.SERVICE_QUERY_STORE_WITH_GROUP_ONE,
            Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ALL, Command.SERVICE_QUERY_STORE_WITH_GROUP_ALL,
            Command.SERVICE_QUERY_FETCH_ONE, Command.SERVICE_QUERY_UPDATE, Command.SERVICE_QUERY_FETCH_ALL);

    static final Map<Command, byte[]> GOLDEN_REQUESTS = Map.of(
            Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE, QUERY_STORE_101,
            Command.SERVICE_QUERY_STORE_WITH_GROUP_ONE, QUERY_STORE_104,
            Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ALL, QUERY_STORE_106,
            Command.SERVICE_QUERY_STORE_WITH_GROUP_ALL, QUERY_STORE_107,
            Command.SERVICE_QUERY_FETCH_ONE, QUERY_FETCH_ONE_102,
            Command.SERVICE_QUERY_UPDATE, QUERY_UPDATE_103,
            Command.SERVICE_QUERY_FETCH_ALL, QUERY_FETCH_ALL_105);

    // ---- replies --------------------------------------------------------------------------

    /** wire-captures/upload.txt: the 40-byte reply to 101 (same bytes in both profiles with 16-byte IPs). */
    static final byte[] STORE_ONE_REPLY = hex("""
            00 00 00 00 00 00 00 28 64 00                       # pkg_len 40, cmd 100
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # group_name[16] "group1"
            31 32 37 2e 30 2e 30 2e 32 00 00 00 00 00 00        # ip_addr[15] "127.0.0.2"
            00 00 00 00 00 00 59 d8                             # port 23000
            00                                                  # store_path_index 0
            """);

    /** wire-captures/id_mode_upload_download.txt: the second 101 reply points at port 23001. */
    static final byte[] ID_MODE_STORE_ONE_REPLY = hex("""
            00 00 00 00 00 00 00 28 64 00
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            31 32 37 2e 30 2e 30 2e 31 00 00 00 00 00 00        # "127.0.0.1"
            00 00 00 00 00 00 59 d9                             # port 23001
            00                                                  # store_path_index 0
            """);

    /** By hand (§2.3), current IPv6 profile: 16 + 45 + 8 + 1 = 70 bytes. */
    static final byte[] STORE_ONE_REPLY_IPV6 = hex("""
            00 00 00 00 00 00 00 46 64 00                       # pkg_len 70
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            66 64 30 30 3a 3a 32 00 00 00 00 00 00 00 00 00     # ip_addr[45] "fd00::2" ...
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00              # ... 45 bytes in all
            00 00 00 00 00 00 59 d8                             # port 23000
            02                                                  # store_path_index 2
            """);

    /** By hand (§2.3): reply to 106/107 with two writable storages, 16 + 2 x 23 + 1 = 63 bytes. */
    static final byte[] STORE_ALL_REPLY = hex("""
            00 00 00 00 00 00 00 3f 64 00                       # pkg_len 63
            67 72 6f 75 70 32 00 00 00 00 00 00 00 00 00 00     # "group2"
            31 30 2e 30 2e 30 2e 31 00 00 00 00 00 00 00        # ip[15] "10.0.0.1"
            00 00 00 00 00 00 59 d8                             # port 23000
            31 30 2e 30 2e 30 2e 32 00 00 00 00 00 00 00        # ip[15] "10.0.0.2"
            00 00 00 00 00 00 59 d9                             # port 23001
            01                                                  # store_path_index 1 (the first storage's)
            """);

    /** wire-captures/download.txt: the 39-byte reply to 102 (also the 103 reply of delete.txt, metadata_set.txt). */
    static final byte[] FETCH_ONE_REPLY = hex("""
            00 00 00 00 00 00 00 27 64 00                       # pkg_len 39
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            31 32 37 2e 30 2e 30 2e 32 00 00 00 00 00 00        # ip[15] "127.0.0.2"
            00 00 00 00 00 00 59 d8                             # port 23000
            """);

    /** wire-captures/id_mode_upload_download.txt: the 102 reply for id 100002. */
    static final byte[] ID_MODE_FETCH_ONE_REPLY = hex("""
            00 00 00 00 00 00 00 27 64 00
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            31 32 37 2e 30 2e 30 2e 31 00 00 00 00 00 00
            00 00 00 00 00 00 59 d9                             # port 23001
            """);

    /** By hand (§2.4), IPv6 profile: 16 + 45 + 8 = 69 bytes. */
    static final byte[] FETCH_ONE_REPLY_IPV6 = hex("""
            00 00 00 00 00 00 00 45 64 00                       # pkg_len 69
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            32 30 30 31 3a 64 62 38 3a 3a 31 30 00 00 00 00     # ip[45] "2001:db8::10" ...
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 59 d8                             # port 23000
            """);

    /** wire-captures/tracker_query.txt: 105 listing one server: identical in both layouts. */
    static final byte[] FETCH_ALL_ONE_SERVER_REPLY = FETCH_ONE_REPLY;

    /** By hand (§2.4), classic: 3 servers, ports only on the first: 16 + 15 + 8 + 2 x 15 = 69 bytes. */
    static final byte[] FETCH_ALL_CLASSIC_REPLY = hex("""
            00 00 00 00 00 00 00 45 64 00                       # pkg_len 69
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            31 32 37 2e 30 2e 30 2e 32 00 00 00 00 00 00        # ip[15] "127.0.0.2"
            00 00 00 00 00 00 59 d8                             # port 23000 (shared by all)
            31 32 37 2e 30 2e 30 2e 33 00 00 00 00 00 00        # ip[15] "127.0.0.3", no port
            31 32 37 2e 30 2e 30 2e 34 00 00 00 00 00 00        # ip[15] "127.0.0.4", no port
            """);

    /** By hand (§2.4), 6.16 current: 3 servers, each with its port: 16 + 3 x 23 = 85 bytes. */
    static final byte[] FETCH_ALL_CURRENT_REPLY = hex("""
            00 00 00 00 00 00 00 55 64 00                       # pkg_len 85
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            31 32 37 2e 30 2e 30 2e 32 00 00 00 00 00 00        # ip[15] "127.0.0.2"
            00 00 00 00 00 00 59 d8                             # port 23000
            31 32 37 2e 30 2e 30 2e 33 00 00 00 00 00 00        # ip[15] "127.0.0.3"
            00 00 00 00 00 00 59 d9                             # port 23001
            31 32 37 2e 30 2e 30 2e 34 00 00 00 00 00 00        # ip[15] "127.0.0.4"
            00 00 00 00 00 00 59 da                             # port 23002
            """);

    @Test
    void theGoldenRequestMapCoversEveryQueryCommand() {
        assertThat(GOLDEN_REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(COMMANDS);
    }

    // ---- query store ----------------------------------------------------------------------

    @Test
    void decodesTheQueryStoreRequestsOfEveryCode() {
        // request layouts do not depend on the profile
        assertGoldenRequest(QUERY_STORE_101, WireProfile.CURRENT, QueryStoreRequest.anyGroup(false),
                b -> QueryStoreRequest.decode(Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE, b));
        assertGoldenRequest(QUERY_STORE_104, WireProfile.CLASSIC, QueryStoreRequest.inGroup("group2", false),
                b -> QueryStoreRequest.decode(Command.SERVICE_QUERY_STORE_WITH_GROUP_ONE, b));
        assertGoldenRequest(QUERY_STORE_106, WireProfile.CURRENT, QueryStoreRequest.anyGroup(true),
                b -> QueryStoreRequest.decode(Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ALL, b));
        var all = assertGoldenRequest(QUERY_STORE_107, WireProfile.CLASSIC,
                QueryStoreRequest.inGroup("groupABCDEFGHIJK", true),
                b -> QueryStoreRequest.decode(Command.SERVICE_QUERY_STORE_WITH_GROUP_ALL, b));
        assertThat(all.all()).isTrue();
    }

    @Test
    void decodesTheQueryStoreReplyOfTheUploadCaptureInBothProfiles() {
        var expected = new StoreTarget("group1", "127.0.0.2", 23000, 0);
        assertGoldenResponse(STORE_ONE_REPLY, WireProfile.CURRENT, expected,
                b -> StoreTarget.decode(b, WireProfile.CURRENT));
        // §11: with 16-byte IPs the data-path replies are the same bytes in the classic profile
        assertGoldenResponse(STORE_ONE_REPLY, WireProfile.CLASSIC, expected,
                b -> StoreTarget.decode(b, WireProfile.CLASSIC));
        assertGoldenResponse(ID_MODE_STORE_ONE_REPLY, WireProfile.CURRENT,
                new StoreTarget("group1", "127.0.0.1", 23001, 0), b -> StoreTarget.decode(b, WireProfile.CURRENT));
    }

    @Test
    void encodesTheQueryStoreReplyWithIpv6Width() {
        assertGoldenResponse(STORE_ONE_REPLY_IPV6, WireProfile.CURRENT_IPV6,
                new StoreTarget("group1", "fd00::2", 23000, 2), b -> StoreTarget.decode(b, WireProfile.CURRENT_IPV6));
    }

    @Test
    void decodesTheQueryStoreAllReplyWithTwoStorages() {
        var expected = new StoreTargets("group2",
                List.of(new ServerAddress("10.0.0.1", 23000), new ServerAddress("10.0.0.2", 23001)), 1);
        // the ALL layout is the same in both profiles with 16-byte IPs
        assertGoldenResponse(STORE_ALL_REPLY, WireProfile.CLASSIC, expected,
                b -> StoreTargets.decode(b, WireProfile.CLASSIC));
        assertGoldenResponse(STORE_ALL_REPLY, WireProfile.CURRENT, expected,
                b -> StoreTargets.decode(b, WireProfile.CURRENT));
    }

    @Test
    void aQueryStoreRequestWithTheWrongLengthIsRejected() {
        rejects(hex("00"), b -> QueryStoreRequest.decode(Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE, b));
        rejects(new byte[15], b -> QueryStoreRequest.decode(Command.SERVICE_QUERY_STORE_WITH_GROUP_ONE, b));
        rejects(new byte[17], b -> QueryStoreRequest.decode(Command.SERVICE_QUERY_STORE_WITH_GROUP_ALL, b));
        rejects(new byte[0], b -> QueryStoreRequest.decode(Command.SERVICE_QUERY_STORE_WITH_GROUP_ALL, b));
        rejects(new byte[0], b -> QueryStoreRequest.decode(Command.SERVICE_QUERY_FETCH_ONE, b));
    }

    @Test
    void queryStoreRepliesOfTheWrongSizeAreRejected() {
        byte[] reply = body(STORE_ONE_REPLY);
        rejects(java.util.Arrays.copyOf(reply, 39), b -> StoreTarget.decode(b, WireProfile.CURRENT));
        rejects(reply, b -> StoreTarget.decode(b, WireProfile.CURRENT_IPV6));
        // a ONE reply is an ALL reply with one storage; one byte more is neither
        assertThat(StoreTargets.decode(java.nio.ByteBuffer.wrap(reply), WireProfile.CURRENT).servers()).hasSize(1);
        rejects(java.util.Arrays.copyOf(reply, 41), b -> StoreTargets.decode(b, WireProfile.CURRENT));
        rejects(new byte[17], b -> StoreTargets.decode(b, WireProfile.CURRENT)); // no storage at all
    }

    @Test
    void aPortOutsideTheTcpRangeIsRejected() {
        byte[] reply = body(STORE_ONE_REPLY);
        reply[16 + 15] = 1; // port high byte: 2^56 + 23000
        assertThat(rejects(reply, b -> StoreTarget.decode(b, WireProfile.CURRENT))).contains("port");
    }

    @Test
    void recordsRefuseValuesThatCannotBeEncoded() {
        assertThatThrownBy(() -> new QueryStoreRequest(Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE, "group1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryStoreRequest.inGroup("a-group-name-of-17", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueryStoreRequest(Command.UPLOAD_FILE, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoreTarget("group1", "1.2.3.4", 70000, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoreTarget("group1", "1.2.3.4", 23000, 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoreTargets("group1", List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryFetchRequest.fetchOne("group1", "M00/00/00/short"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIpv6AddressDoesNotSilentlyShrinkIntoA15ByteField() {
        var target = new StoreTarget("group1", "2001:db8:1234:5678::10", 23000, 0);
        assertThatThrownBy(() -> Frames.response(target, WireProfile.CURRENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    }

    // ---- query fetch / update -------------------------------------------------------------

    @Test
    void decodesTheQueryFetchAndUpdateRequestsOfTheCaptures() {
        assertGoldenRequest(QUERY_FETCH_ONE_102, WireProfile.CURRENT, QueryFetchRequest.fetchOne("group1", FILE),
                b -> QueryFetchRequest.decode(Command.SERVICE_QUERY_FETCH_ONE, b));
        assertGoldenRequest(QUERY_UPDATE_103, WireProfile.CURRENT, QueryFetchRequest.update("group1", FILE),
                b -> QueryFetchRequest.decode(Command.SERVICE_QUERY_UPDATE, b));
        assertGoldenRequest(QUERY_FETCH_ALL_105, WireProfile.CURRENT, QueryFetchRequest.fetchAll("group1", FILE),
                b -> QueryFetchRequest.decode(Command.SERVICE_QUERY_FETCH_ALL, b));
        assertGoldenRequest(ID_MODE_QUERY_FETCH_ONE, WireProfile.CLASSIC,
                QueryFetchRequest.fetchOne("group1", ID_MODE_FILE),
                b -> QueryFetchRequest.decode(Command.SERVICE_QUERY_FETCH_ONE, b));
    }

    @Test
    void decodesTheQueryFetchReplyOfTheDownloadCaptureInBothProfiles() {
        var expected = new FetchTarget("group1", "127.0.0.2", 23000);
        assertGoldenResponse(FETCH_ONE_REPLY, WireProfile.CURRENT, expected,
                b -> FetchTarget.decode(b, WireProfile.CURRENT));
        assertGoldenResponse(FETCH_ONE_REPLY, WireProfile.CLASSIC, expected,
                b -> FetchTarget.decode(b, WireProfile.CLASSIC));
        assertGoldenResponse(ID_MODE_FETCH_ONE_REPLY, WireProfile.CURRENT, new FetchTarget("group1", "127.0.0.1", 23001),
                b -> FetchTarget.decode(b, WireProfile.CURRENT));
        assertGoldenResponse(FETCH_ONE_REPLY_IPV6, WireProfile.CURRENT_IPV6, new FetchTarget("group1", "2001:db8::10", 23000),
                b -> FetchTarget.decode(b, WireProfile.CURRENT_IPV6));
    }

    @Test
    void theFetchAllReplyOfTheCaptureIsTheSameInBothLayouts() {
        var expected = new FetchTargets("group1", List.of(new ServerAddress("127.0.0.2", 23000)));
        assertGoldenResponse(FETCH_ALL_ONE_SERVER_REPLY, WireProfile.CURRENT, expected,
                b -> FetchTargets.decode(b, WireProfile.CURRENT));
        assertGoldenResponse(FETCH_ALL_ONE_SERVER_REPLY, WireProfile.CLASSIC, expected,
                b -> FetchTargets.decode(b, WireProfile.CLASSIC));
    }

    @Test
    void theClassicFetchAllReplyCarriesOnlyTheFirstPortAndDecodingLendsItToTheOthers() {
        var sent = new FetchTargets("group1", List.of(new ServerAddress("127.0.0.2", 23000),
                new ServerAddress("127.0.0.3", 23000), new ServerAddress("127.0.0.4", 23000)));
        assertGoldenResponse(FETCH_ALL_CLASSIC_REPLY, WireProfile.CLASSIC, sent,
                b -> FetchTargets.decode(b, WireProfile.CLASSIC));
        // a server with its own port cannot say so in the classic layout: the port is dropped
        var differing = new FetchTargets("group1", List.of(new ServerAddress("127.0.0.2", 23000),
                new ServerAddress("127.0.0.3", 23001), new ServerAddress("127.0.0.4", 23002)));
        assertThat(Frames.response(differing, WireProfile.CLASSIC)).isEqualTo(FETCH_ALL_CLASSIC_REPLY);
    }

    @Test
    void theCurrentFetchAllReplyCarriesAPortPerServer() {
        var expected = new FetchTargets("group1", List.of(new ServerAddress("127.0.0.2", 23000),
                new ServerAddress("127.0.0.3", 23001), new ServerAddress("127.0.0.4", 23002)));
        assertGoldenResponse(FETCH_ALL_CURRENT_REPLY, WireProfile.CURRENT, expected,
                b -> FetchTargets.decode(b, WireProfile.CURRENT));
    }

    @Test
    void aFetchAllReplyDecodedWithTheWrongLayoutFailsOnItsLength() {
        assertThat(rejects(body(FETCH_ALL_CURRENT_REPLY), b -> FetchTargets.decode(b, WireProfile.CLASSIC)))
                .contains("classic");
        assertThat(rejects(body(FETCH_ALL_CLASSIC_REPLY), b -> FetchTargets.decode(b, WireProfile.CURRENT)))
                .contains("current");
        rejects(new byte[38], b -> FetchTargets.decode(b, WireProfile.CURRENT));
        rejects(new byte[38], b -> FetchTarget.decode(b, WireProfile.CURRENT));
    }

    @Test
    void queryFetchBodiesOutsideTheTrackerLimitsAreRejected() {
        byte[] group = body(QUERY_STORE_104);
        // the filename must be at least 22 bytes
        rejects(concat(group, "M00/00/00/abcdefghijk".getBytes()),
                b -> QueryFetchRequest.decode(Command.SERVICE_QUERY_FETCH_ONE, b));
        // and the whole body below 16 + 128
        rejects(concat(group, new byte[128]), b -> QueryFetchRequest.decode(Command.SERVICE_QUERY_UPDATE, b));
        rejects(new byte[10], b -> QueryFetchRequest.decode(Command.SERVICE_QUERY_FETCH_ALL, b));
        // a NUL inside the filename is refused
        byte[] withNul = body(QUERY_FETCH_ONE_102);
        withNul[30] = 0;
        assertThat(rejects(withNul, b -> QueryFetchRequest.decode(Command.SERVICE_QUERY_FETCH_ONE, b))).contains("NUL");
        // the command must be a query-fetch code
        rejects(body(QUERY_FETCH_ONE_102), b -> QueryFetchRequest.decode(Command.DOWNLOAD_FILE, b));
    }

    @Test
    void theLongestAndShortestFilenamesPass() {
        byte[] group = body(QUERY_STORE_104);
        String shortest = "M00/00/00/abcdefghijkl";
        String longest = "M00/00/00/" + "x".repeat(117);
        assertThat(QueryFetchRequest.decode(Command.SERVICE_QUERY_FETCH_ONE,
                java.nio.ByteBuffer.wrap(concat(group, shortest.getBytes()))).filename()).isEqualTo(shortest);
        assertThat(QueryFetchRequest.decode(Command.SERVICE_QUERY_FETCH_ONE,
                java.nio.ByteBuffer.wrap(concat(group, longest.getBytes()))).filename()).hasSize(127);
    }
}
