package org.voluntree.modeltools.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsWithCommasLineBreaksAndDoubledQuotes() {
        List<List<String>> records =
                readAll("id,text\n1,\"a, b\"\n2,\"first line\nsecond \"\"quoted\"\" line\"\n3,plain\n");

        assertThat(records)
                .containsExactly(
                        List.of("id", "text"),
                        List.of("1", "a, b"),
                        List.of("2", "first line\nsecond \"quoted\" line"),
                        List.of("3", "plain"));
    }

    @Test
    void acceptsCrLfLineEndsAndEmptyFieldsAndAMissingFinalNewline() {
        assertThat(readAll("a,,c\r\n,x,\r\nlast,1"))
                .containsExactly(List.of("a", "", "c"), List.of("", "x", ""), List.of("last", "1"));
    }

    @Test
    void countsLinesSoErrorsCanPointAtTheRecord() {
        CsvReader reader = new CsvReader(new StringReader("h\n\"two\nlines\"\nnext\n"));
        reader.next();
        reader.next();
        assertThat(reader.line()).isEqualTo(4);
        assertThat(reader.next()).containsExactly("next");
        assertThat(reader.next()).isNull();
    }

    @Test
    void rejectsAQuotedFieldThatNeverCloses() {
        CsvReader reader = new CsvReader(new StringReader("1,\"open\nstill open"));
        assertThatThrownBy(reader::next).hasMessageContaining("not closed");
    }

    private static List<List<String>> readAll(String csv) {
        CsvReader reader = new CsvReader(new StringReader(csv));
        List<List<String>> records = new ArrayList<>();
        for (List<String> record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }
}
