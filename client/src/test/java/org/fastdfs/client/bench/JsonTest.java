package org.fastdfs.client.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedObjectsInInsertionOrderWithIndentation() {
        Map<String, Object> inner = Json.object();
        inner.put("p50", 1.25);
        inner.put("max", 7.0);
        Map<String, Object> o = Json.object();
        o.put("name", "upload 4KiB");
        o.put("count", 20000L);
        o.put("latency_ms", inner);
        o.put("sizes", List.of(4096L, 1048576L));
        o.put("failed", false);
        o.put("stopped_early", null);

        assertThat(Json.write(o)).isEqualTo("""
                {
                  "name": "upload 4KiB",
                  "count": 20000,
                  "latency_ms": {
                    "p50": 1.25,
                    "max": 7
                  },
                  "sizes": [4096, 1048576],
                  "failed": false,
                  "stopped_early": null
                }""");
    }

    @Test
    void arraysOfObjectsGoOneElementPerLine() {
        Map<String, Object> a = Json.object();
        a.put("name", "storage1");

        assertThat(Json.write(List.of(a, Map.of()))).isEqualTo("""
                [
                  {
                    "name": "storage1"
                  },
                  {}
                ]""");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.write("a\"b\\c\nd\te\u0001f\u2028é"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028é\"");
    }

    @Test
    void writesNumbersWithoutExponentsAndNaNAsNull() {
        assertThat(Json.write(Arrays.asList(0.0001, 1e20, 3, -2.5, Double.NaN, Double.POSITIVE_INFINITY, 12345678901L)))
                .isEqualTo("[0.0001, 100000000000000000000, 3, -2.5, null, null, 12345678901]");
    }

    @Test
    void writesEmptyContainersAndEnums() {
        assertThat(Json.write(List.of())).isEqualTo("[]");
        assertThat(Json.write(Map.of())).isEqualTo("{}");
        assertThat(Json.write(Op.META_SET)).isEqualTo("\"meta-set\"");
    }

    @Test
    void roundsHalfUp() {
        assertThat(Json.round(1.23456, 3)).isEqualTo(1.235);
        assertThat(Json.round(2.5, 0)).isEqualTo(3.0);
        assertThat(Json.round(Double.NaN, 2)).isNaN();
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Map.of(1, 2))).isInstanceOf(IllegalArgumentException.class);
    }
}
