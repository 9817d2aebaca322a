package cn.zhiben.platform.files;

import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStoreTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2};
    static final byte[] PDF = "%PDF-1.4\n%%EOF".getBytes();
    static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @TempDir
    Path dir;

    static UploadRules rules(Set<FileType> types, long max) {
        return new UploadRules(types, max, () -> new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "X_TOO_LARGE", "太大"),
                () -> new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "X_TYPE", "类型不对"));
    }

    static final UploadRules IMAGES_AND_PDF = rules(EnumSet.of(FileType.JPEG, FileType.PNG, FileType.PDF), 64);

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private FileStore.Stored store(String name, byte[] content, UploadRules rules) {
        return new FileStore(dir.toString()).store(name, content.length, new ByteArrayInputStream(content), rules, DAY);
    }

    private long files() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aStoredFileIsLaidOutByMonthNamedByTypeAndReadBackWhenItsChecksumHolds() throws Exception {
        FileStore store = new FileStore(dir.toString());
        FileStore.Stored s = store.store("C:\\照片\\现场.exe", PNG.length, new ByteArrayInputStream(PNG), IMAGES_AND_PDF, DAY);

        assertThat(s.key()).isEqualTo("2026/12/" + s.id());
        assertThat(s.fileName()).isEqualTo("现场.png");
        assertThat(s.type()).isEqualTo(FileType.PNG);
        assertThat(s.size()).isEqualTo(PNG.length);
        assertThat(s.sha256()).isEqualTo(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PNG)));
        assertThat(store.read(s.key(), s.sha256())).isEqualTo(PNG);
        assertThat(files()).isEqualTo(1); // no temporary file left
    }

    @Test
    void aFileChangedOnDiskIsAConflictAndAMissingOneA404() throws Exception {
        FileStore store = new FileStore(dir.toString());
        FileStore.Stored s = store.store("a.pdf", PDF.length, new ByteArrayInputStream(PDF), IMAGES_AND_PDF, DAY);
        Files.write(dir.resolve(s.key()), "%PDF-1.4 altered".getBytes());
        assertThatThrownBy(() -> store.read(s.key(), s.sha256())).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.code()).isEqualTo("ATTACHMENT_CORRUPTED"));
        Files.delete(dir.resolve(s.key()));
        assertThatThrownBy(() -> store.read(s.key(), s.sha256())).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.code()).isEqualTo("ATTACHMENT_MISSING"));
    }

    @Test
    void aRefusedUploadLeavesNoFileBehind() throws Exception {
        byte[] exe = {'M', 'Z', 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
        assertThatThrownBy(() -> store("a.png", exe, IMAGES_AND_PDF)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.code()).isEqualTo("X_TYPE"));
        assertThatThrownBy(() -> store("a.png", PNG, rules(EnumSet.of(FileType.PNG), 10)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("X_TOO_LARGE"));
        // a type this module does not accept, though the platform knows it
        assertThatThrownBy(() -> store("a.pdf", PDF, rules(EnumSet.of(FileType.PNG), 64)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("X_TYPE"));
        assertThatThrownBy(() -> store("empty.png", new byte[0], IMAGES_AND_PDF))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("X_TYPE"));
        assertThat(files()).isZero();
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedBeforeReading() {
        FileStore store = new FileStore(dir.toString());
        assertThatThrownBy(() -> store.store("a.png", 65, new ByteArrayInputStream(PNG), IMAGES_AND_PDF, DAY))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("X_TOO_LARGE"));
    }

    @Test
    void theFileIsDeletedWhenTheTransactionItWasStoredInRollsBackAndKeptWhenItCommits() throws Exception {
        TransactionSynchronizationManager.initSynchronization();
        FileStore.Stored rolledBack = store("a.png", PNG, IMAGES_AND_PDF);
        FileStore.Stored committed;
        var sync = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        sync.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(dir.resolve(rolledBack.key())).doesNotExist();

        TransactionSynchronizationManager.initSynchronization();
        committed = store("b.png", PNG, IMAGES_AND_PDF);
        sync = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        sync.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        assertThat(dir.resolve(committed.key())).exists();
    }

    @Test
    void contentAModuleHasCheckedAndRewrittenIsStoredAsItIs() {
        FileStore store = new FileStore(dir.toString());
        UploadRules.Identified id = IMAGES_AND_PDF.identify("报告", PDF);
        FileStore.Stored s = store.store(id, PDF, DAY);
        assertThat(s.fileName()).isEqualTo("报告.pdf");
        assertThat(s.contentType()).isEqualTo("application/pdf");
        assertThat(store.read(s.key(), s.sha256())).isEqualTo(PDF);
    }

    @ParameterizedTest(name = "{0} named {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "FFD8FFE0|a.jpg|JPEG",
            "89504E470D0A1A0A|a|PNG",
            "524946460000000057454250|a|WEBP",
            "255044462D|a|PDF",
            "504B0304|方案.DOCX|DOCX",
            "504B0304|表.xlsx|XLSX",
            "504B0304|公文.ofd|OFD",
            "504B0304|材料.zip|NONE", // a zip is not a document because it is called one
            "504B0304|a.pdf|NONE",
            "D0CF11E0A1B11AE1|旧.doc|DOC",
            "D0CF11E0A1B11AE1|旧.xls|XLS",
            "D0CF11E0A1B11AE1|a.msi|NONE",
            "4D5A9000|a.jpg|NONE",
            "3C68746D6C3E|a.pdf|NONE",
            "89504E47|short.png|NONE"})
    void theTypeIsWhatTheLeadingBytesSay(String hex, String name, FileType type) {
        byte[] head = HexFormat.of().parseHex(hex);
        assertThat(FileType.detect(head, name)).isEqualTo(java.util.Optional.ofNullable(type));
    }
}
