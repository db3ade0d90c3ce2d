package org.fastdfs.storage.binlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinlogWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesFastdfsLinesAndTheIndexFile() throws Exception {
        try (BinlogWriter w = new BinlogWriter(dir, BinlogWriter.DEFAULT_MAX_FILE_SIZE)) {
            w.append(BinlogRecord.source(1700000000, BinlogOp.CREATE, "M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg", ""));
            w.append(BinlogRecord.source(1700000001, BinlogOp.APPEND, "M00/00/00/x.txt", "10 5"));
            w.append(BinlogRecord.replica(1700000002, BinlogOp.DELETE, "M00/00/00/y.txt-m", ""));
        }
        assertThat(Files.readString(dir.resolve("binlog.000"))).isEqualTo("""
                1700000000 C M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg
                1700000001 A M00/00/00/x.txt 10 5
                1700000002 d M00/00/00/y.txt-m
                """);
        assertThat(Files.readString(dir.resolve("binlog_index.dat"))).isEqualTo("current_write=0\ncurrent_compress=0\n");
    }

    @Test
    void aTornLastLineIsCutAtRestartAndAppendingContinues() throws Exception {
        try (BinlogWriter w = new BinlogWriter(dir, BinlogWriter.DEFAULT_MAX_FILE_SIZE)) {
            w.append(BinlogRecord.source(1, BinlogOp.CREATE, "M00/00/00/a", ""));
        }
        Files.writeString(dir.resolve("binlog.000"), "2 C M00/00/0", StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
        try (BinlogWriter w = new BinlogWriter(dir, BinlogWriter.DEFAULT_MAX_FILE_SIZE)) {
            w.append(BinlogRecord.source(3, BinlogOp.CREATE, "M00/00/00/b", ""));
        }
        assertThat(Files.readString(dir.resolve("binlog.000"))).isEqualTo("1 C M00/00/00/a\n3 C M00/00/00/b\n");
    }

    @Test
    void rotatesToTheNextFileAtTheSizeLimit() throws Exception {
        try (BinlogWriter w = new BinlogWriter(dir, 40)) {
            w.append(BinlogRecord.source(1, BinlogOp.CREATE, "M00/00/00/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ""));
            w.append(BinlogRecord.source(2, BinlogOp.CREATE, "M00/00/00/b", ""));
            assertThat(w.position()[0]).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("binlog.001"))).isEqualTo("2 C M00/00/00/b\n");
        assertThat(BinlogWriter.readIndex(dir)).isEqualTo(1);
    }

    @Test
    void recordsParseBackAndRejectGarbage() {
        BinlogRecord r = BinlogRecord.parse("1700000001 M M00/00/00/x.txt 3 7");
        assertThat(r).isEqualTo(new BinlogRecord(1700000001, 'M', "M00/00/00/x.txt", "3 7"));
        assertThat(r.isSource()).isTrue();
        assertThat(r.operation()).isEqualTo(BinlogOp.MODIFY);
        assertThatThrownBy(() -> BinlogRecord.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinlogRecord.parse("x C M00/00/00/a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinlogRecord.parse("1 Z M00/00/00/a")).isInstanceOf(IllegalArgumentException.class);
    }
}
