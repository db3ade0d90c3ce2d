package org.fastdfs.proto.cluster;

import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.hex;
import static org.fastdfs.proto.FrameFixtures.int4;
import static org.fastdfs.proto.FrameFixtures.padded;

import java.util.EnumSet;
import java.util.Set;
import org.fastdfs.proto.Command;

/**
 * Hand-written field bytes for the cluster golden frames (there are no captures of tracker-storage
 * traffic). Every value is spelled out in hex or built from the plain NUL-padding fixture, never by the
 * encoders under test.
 */
final class ClusterFixtures {

    private ClusterFixtures() {
    }

    /** "group1" in a 16-byte request field. */
    static final byte[] GROUP1_16 = hex("67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00");
    /** "group1" in the 17-byte struct field of JOIN / GET_MY_IP. */
    static final byte[] GROUP1_17 = hex("67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00 00");
    /** "group2" in a 16-byte field. */
    static final byte[] GROUP2_16 = hex("67 72 6f 75 70 32 00 00 00 00 00 00 00 00 00 00");
    /** Storage id "100001" in a 16-byte field. */
    static final byte[] ID_100001 = hex("31 30 30 30 30 31 00 00 00 00 00 00 00 00 00 00");
    /** Storage id "100002" in a 16-byte field. */
    static final byte[] ID_100002 = hex("31 30 30 30 30 32 00 00 00 00 00 00 00 00 00 00");
    /** Storage id "100003" in a 16-byte field. */
    static final byte[] ID_100003 = hex("31 30 30 30 30 33 00 00 00 00 00 00 00 00 00 00");
    /** An empty 16-byte field. */
    static final byte[] EMPTY_16 = new byte[16];

    /** The storage commands of this package: the TRACKER_STORAGE family minus GET_GROUP_NAME (109, §2.9). */
    static final Set<Command> STORAGE_COMMANDS = family(Command.Family.TRACKER_STORAGE);
    /** The TRACKER_TRACKER family. */
    static final Set<Command> TRACKER_COMMANDS = family(Command.Family.TRACKER_TRACKER);

    private static Set<Command> family(Command.Family family) {
        Set<Command> s = EnumSet.noneOf(Command.class);
        for (Command c : Command.values()) {
            if (c.family() == family && c != Command.STORAGE_GET_GROUP_NAME) {
                s.add(c);
            }
        }
        return s;
    }

    /**
     * FDFSStorageBrief bytes (PROTOCOL.md §4.5): status (1) + port (4 BE) + id (16) + ip (46 current / 16 classic),
     * every string NUL-padded.
     */
    static byte[] brief(int status, int port, String id, String ip, int ipWidth) {
        return concat(new byte[] {(byte) status}, int4(port), padded(id, 16), padded(ip, ipWidth));
    }
}
