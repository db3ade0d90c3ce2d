package org.fastdfs.storage.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.storage.sync.MarkFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinlogReaderTest {

    @TempDir
    Path dir;

    private static List<BinlogRecord> drain(BinlogReader r) {
        List<BinlogRecord> out = new ArrayList<>();
        for (BinlogReader.Entry e = r.next(); e != null; e = r.next()) {
            out.add(e.record());
        }
        return out;
    }

    @Test
    void readsWhatTheWriterWroteAndPicksUpNewRecordsLater() {
        try (BinlogWriter w = new BinlogWriter(dir, BinlogWriter.DEFAULT_MAX_FILE_SIZE);
             BinlogReader r = new BinlogReader(w, BinlogPosition.START)) {
            assertThat(r.next()).isNull();
            w.append(BinlogRecord.source(1, BinlogOp.CREATE, "M00/00/00/a", ""));
            w.append(BinlogRecord.source(2, BinlogOp.APPEND, "M00/00/00/a", "0 5"));
            assertThat(drain(r)).extracting(BinlogRecord::timestamp).containsExactly(1L, 2L);
            w.append(BinlogRecord.replica(3, BinlogOp.DELETE, "M00/00/00/b", ""));
            assertThat(drain(r)).extracting(BinlogRecord::op).containsExactly('d');
            assertThat(r.position()).isEqualTo(new BinlogPosition(0, w.position()[1]));
        }
    }

    @Test
    void followsRotationsAndResumesFromAPosition() {
        BinlogPosition middle;
        try (BinlogWriter w = new BinlogWriter(dir, 64);
             BinlogReader r = new BinlogReader(w, BinlogPosition.START)) {
            for (int i = 0; i < 20; i++) {
                w.append(BinlogRecord.source(i, BinlogOp.CREATE, "M00/00/00/file" + i, ""));
            }
            List<BinlogRecord> all = new ArrayList<>();
            middle = null;
            for (BinlogReader.Entry e = r.next(); e != null; e = r.next()) {
                all.add(e.record());
                if (e.record().timestamp() == 9) {
                    middle = e.next();
                }
            }
            assertThat(all).extracting(BinlogRecord::timestamp).containsExactlyElementsOf(
                    java.util.stream.LongStream.range(0, 20).boxed().toList());
            assertThat(w.position()[0]).isGreaterThan(3);
            try (BinlogReader again = new BinlogReader(w, middle)) {
                assertThat(drain(again)).extracting(BinlogRecord::timestamp).first().isEqualTo(10L);
            }
        }
    }

    @Test
    void leavesAHalfWrittenLineForLaterAndSkipsGarbage() throws Exception {
        try (BinlogWriter w = new BinlogWriter(dir, BinlogWriter.DEFAULT_MAX_FILE_SIZE)) {
            w.append(BinlogRecord.source(1, BinlogOp.CREATE, "M00/00/00/a", ""));
        }
        Path f = dir.resolve("binlog.000");
        Files.writeString(f, "garbage\n2 C M00/00/0", StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
        try (BinlogWriter w = new BinlogWriter(dir, BinlogWriter.DEFAULT_MAX_FILE_SIZE);
             BinlogReader r = new BinlogReader(w, BinlogPosition.START)) {
            // the writer cut the torn tail at start-up; the garbage line is skipped
            assertThat(drain(r)).extracting(BinlogRecord::timestamp).containsExactly(1L);
            assertThat(r.skipped()).isEqualTo(1);
        }
    }

    @Test
    void markFilesRoundTripInFastdfsFormat() throws Exception {
        Path p = MarkFile.path(dir, "127.0.0.3", 23000);
        MarkFile m = new MarkFile(new BinlogPosition(2, 4711), true, false, 1_700_000_000L, 100, 42);
        m.write(p);
        assertThat(p.getFileName().toString()).isEqualTo("127.0.0.3_23000.mark");
        assertThat(Files.size(p)).as("padded with blank lines").isEqualTo(MarkFile.SIZE);
        assertThat(Files.readString(p).stripTrailing() + "\n").isEqualTo("""
                binlog_index=2
                binlog_offset=4711
                need_sync_old=1
                sync_old_done=0
                until_timestamp=1700000000
                scan_row_count=100
                sync_row_count=42
                """);
        assertThat(MarkFile.read(p)).isEqualTo(m);
        assertThat(MarkFile.read(dir.resolve("none.mark"))).isNull();
    }

    @Test
    void aMarkIsSavedInPlaceAndAForeignOneIsReplaced() throws Exception {
        Path p = MarkFile.path(dir, "127.0.0.4", 23000);
        // as C FastDFS writes it: no padding
        Files.writeString(p, "binlog_index=0\nbinlog_offset=99999999\nneed_sync_old=0\nsync_old_done=0\n"
                + "until_timestamp=0\nscan_row_count=123456789\nsync_row_count=123456789\n");
        MarkFile first = new MarkFile(new BinlogPosition(0, 100_000_000L), false, false, 0, 123_456_790L, 123_456_790L);
        first.write(p);
        assertThat(MarkFile.read(p)).isEqualTo(first);
        Object inode = Files.getAttribute(p, "unix:ino");

        MarkFile shorter = new MarkFile(new BinlogPosition(1, 0), false, false, 0, 1, 1);
        shorter.write(p);
        assertThat(MarkFile.read(p)).as("nothing of the longer mark left behind").isEqualTo(shorter);
        assertThat(Files.getAttribute(p, "unix:ino")).as("the same file, no new inode").isEqualTo(inode);
        assertThat(Files.size(p)).isEqualTo(MarkFile.SIZE);
        assertThat(dir.resolve(p.getFileName() + ".tmp")).doesNotExist();
    }
}
