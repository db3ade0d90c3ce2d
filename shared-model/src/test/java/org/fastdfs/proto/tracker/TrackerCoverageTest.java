package org.fastdfs.proto.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.proto.FrameFixtures.toHex;
import static org.fastdfs.proto.tracker.TrackerFixtures.body;
import static org.fastdfs.proto.tracker.TrackerFixtures.rejects;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.Set;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;
import org.junit.jupiter.api.Test;

/**
 * Every command a client or monitor sends to a tracker (family TRACKER_CLIENT), plus
 * STORAGE_GET_GROUP_NAME (109, §2.9), has a golden request frame in one of the message tests, and
 * {@link TrackerRequests} decodes each of them.
 */
class TrackerCoverageTest {

    /** The commands this package covers. */
    static final Set<Command> FAMILY = familyCommands();

    /** The golden request frames of all tracker message tests, by command. */
    static final Map<Command, byte[]> GOLDEN_REQUESTS = allGoldenRequests();

    private static Set<Command> familyCommands() {
        Set<Command> s = EnumSet.noneOf(Command.class);
        for (Command c : Command.values()) {
            if (c.family() == Command.Family.TRACKER_CLIENT) {
                s.add(c);
            }
        }
        s.add(Command.STORAGE_GET_GROUP_NAME);
        return s;
    }

    private static Map<Command, byte[]> allGoldenRequests() {
        Map<Command, byte[]> all = new EnumMap<>(Command.class);
        for (Map<Command, byte[]> m : List.of(QueryMessagesTest.GOLDEN_REQUESTS,
                ListMessagesTest.GOLDEN_REQUESTS, AdminMessagesTest.GOLDEN_REQUESTS, LookupMessagesTest.GOLDEN_REQUESTS)) {
            m.forEach((c, frame) -> assertThat(all.put(c, frame)).as("%s has one home", c).isNull());
        }
        return all;
    }

    @Test
    void everyCommandOfTheFamilyHasAGoldenRequestFrame() {
        assertThat(FAMILY).hasSize(22); // 21 TRACKER_CLIENT codes + 109
        assertThat(GOLDEN_REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(FAMILY);
    }

    @Test
    void theDispatcherDecodesEveryGoldenRequestAndItReEncodesToTheSameBytes() {
        GOLDEN_REQUESTS.forEach((command, frame) -> {
            assertThat(frame[8] & 0xFF).as("command byte of %s", command).isEqualTo(command.code());
            assertThat(TrackerRequests.handles(command)).isTrue();
            Request r = TrackerRequests.decode(command, ByteBuffer.wrap(body(frame)));
            assertThat(r.command()).isEqualTo(command);
            for (WireProfile p : new WireProfile[] {WireProfile.CLASSIC, WireProfile.CURRENT, WireProfile.CURRENT_IPV6}) {
                assertThat(toHex(Frames.request(r, p))).as("%s under %s", command, p).isEqualTo(toHex(frame));
            }
        });
    }

    @Test
    void theDispatcherRefusesCommandsOfOtherFamilies() {
        assertThat(TrackerRequests.handles(Command.STORAGE_BEAT)).isFalse();
        assertThat(TrackerRequests.handles(Command.UPLOAD_FILE)).isFalse();
        rejects(new byte[0], b -> TrackerRequests.decode(Command.STORAGE_BEAT, b));
        rejects(new byte[0], b -> TrackerRequests.decode(Command.ACTIVE_TEST, b));
    }

    /** A golden reply frame and the decoder of its profile. */
    record GoldenReply(String name, byte[] frame, Function<ByteBuffer, ?> decoder) {
    }

    static final List<GoldenReply> GOLDEN_REPLIES = List.of(
            new GoldenReply("store one", QueryMessagesTest.STORE_ONE_REPLY, b -> StoreTarget.decode(b, WireProfile.CURRENT)),
            new GoldenReply("store one v6", QueryMessagesTest.STORE_ONE_REPLY_IPV6,
                    b -> StoreTarget.decode(b, WireProfile.CURRENT_IPV6)),
            new GoldenReply("store all", QueryMessagesTest.STORE_ALL_REPLY, b -> StoreTargets.decode(b, WireProfile.CURRENT)),
            new GoldenReply("fetch one", QueryMessagesTest.FETCH_ONE_REPLY, b -> FetchTarget.decode(b, WireProfile.CURRENT)),
            new GoldenReply("fetch all classic", QueryMessagesTest.FETCH_ALL_CLASSIC_REPLY,
                    b -> FetchTargets.decode(b, WireProfile.CLASSIC)),
            new GoldenReply("fetch all current", QueryMessagesTest.FETCH_ALL_CURRENT_REPLY,
                    b -> FetchTargets.decode(b, WireProfile.CURRENT)),
            new GoldenReply("groups current", ListMessagesTest.GROUPS_REPLY_CURRENT,
                    b -> GroupStatList.decode(b, WireProfile.CURRENT)),
            new GoldenReply("groups classic", ListMessagesTest.GROUPS_REPLY_CLASSIC,
                    b -> GroupStatList.decode(b, WireProfile.CLASSIC)),
            new GoldenReply("one group", ListMessagesTest.ONE_GROUP_REPLY_CURRENT,
                    b -> GroupStat.decode(b, WireProfile.CURRENT)),
            new GoldenReply("storages current", ListMessagesTest.STORAGES_REPLY_CURRENT,
                    b -> StorageStatList.decode(b, WireProfile.CURRENT)),
            new GoldenReply("storages v6", ListMessagesTest.STORAGES_REPLY_IPV6,
                    b -> StorageStatList.decode(b, WireProfile.CURRENT_IPV6)),
            new GoldenReply("storages classic", ListMessagesTest.STORAGES_REPLY_CLASSIC,
                    b -> StorageStatList.decode(b, WireProfile.CLASSIC)),
            new GoldenReply("trunk server", AdminMessagesTest.TRUNK_SERVER_REPLY, TrunkServerResponse::decode),
            new GoldenReply("leader", AdminMessagesTest.LEADER_REPLY, LeaderResponse::decode),
            new GoldenReply("tracker cluster", AdminMessagesTest.TRACKER_CLUSTER_STAT_REPLY, TrackerClusterStat::decode),
            new GoldenReply("storage cluster", AdminMessagesTest.STORAGE_CLUSTER_STAT_REPLY, StorageClusterStat::decode),
            new GoldenReply("volumes", AdminMessagesTest.STORAGE_VOLUME_STAT_REPLY, StorageVolumeStat::decode),
            new GoldenReply("server id", LookupMessagesTest.SERVER_ID_REPLY, ServerIdResponse::decode),
            new GoldenReply("storage ids", LookupMessagesTest.STORAGE_IDS_REPLY, StorageIdsResponse::decode),
            new GoldenReply("parameters", LookupMessagesTest.PARAMETER_REPLY, ParameterResponse::decode),
            new GoldenReply("group name", LookupMessagesTest.GROUP_NAME_REPLY, GroupNameResponse::decode));

    @Test
    void damagedRequestsAndRepliesFailOnlyWithProtocolException() {
        GOLDEN_REQUESTS.forEach((command, frame) ->
                damage(command.toString(), body(frame), b -> TrackerRequests.decode(command, b)));
        for (GoldenReply r : GOLDEN_REPLIES) {
            damage(r.name(), body(r.frame()), r.decoder());
        }
    }

    /** Truncates, extends and overwrites single bytes: each result decodes or fails with ProtocolException. */
    private static void damage(String name, byte[] body, Function<ByteBuffer, ?> decoder) {
        List<byte[]> variants = new ArrayList<>();
        for (int n = 0; n < body.length; n++) {
            variants.add(Arrays.copyOf(body, n));
        }
        variants.add(Arrays.copyOf(body, body.length + 1));
        for (int i = 0; i < body.length; i++) {
            for (byte v : new byte[] {0, 'A', ':', (byte) 0xFF}) {
                byte[] b = body.clone();
                b[i] = v;
                variants.add(b);
            }
        }
        for (byte[] v : variants) {
            try {
                decoder.apply(ByteBuffer.wrap(v));
            } catch (ProtocolException expected) {
                assertThat(expected.getMessage()).as(name).isNotBlank();
            } catch (RuntimeException e) {
                throw new AssertionError(name + ": " + toHex(v) + " escaped as " + e, e);
            }
        }
    }
}
