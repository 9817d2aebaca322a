package cn.zhiben.platform.files;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file an upload may be, recognised by the leading bytes, never by what the client claims. Zip- and
 * OLE-based formats (.docx/.xlsx/OFD, .doc/.xls) share their leading bytes, so for them the name's extension picks
 * which one — and a zip or OLE file without one of those extensions is none of them.
 */
public enum FileType {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    OFD("application/ofd", "ofd"),
    DOC("application/msword", "doc"),
    XLS("application/vnd.ms-excel", "xls");

    /** How many leading bytes {@link #detect} needs at most. */
    public static final int HEAD_LENGTH = 16;

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 0x03, 0x04};
    private static final byte[] OLE_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final String contentType;
    private final String[] extensions;

    FileType(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    /** The file name extensions of this type without the dot, the first being the one to give a name that lacks it. */
    public String[] extensions() {
        return extensions.clone();
    }

    /** The type of a file whose first {@code n} bytes are in {@code head}; {@code fileName} only decides zip/OLE formats. */
    public static Optional<FileType> detect(byte[] head, int n, String fileName) {
        if (starts(head, n, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (starts(head, n, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (starts(head, n, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        String ext = extension(fileName);
        if (starts(head, n, ZIP_MAGIC)) {
            return switch (ext) {
                case "docx" -> Optional.of(DOCX);
                case "xlsx" -> Optional.of(XLSX);
                case "ofd" -> Optional.of(OFD);
                default -> Optional.empty();
            };
        }
        if (starts(head, n, OLE_MAGIC)) {
            return switch (ext) {
                case "doc" -> Optional.of(DOC);
                case "xls" -> Optional.of(XLS);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** The type of a whole file in memory. */
    public static Optional<FileType> detect(byte[] content, String fileName) {
        return detect(content, Math.min(content.length, HEAD_LENGTH), fileName);
    }

    private static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean starts(byte[] head, int n, byte[] magic) {
        return n >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
