package cn.zhiben.platform.web;

import java.text.Normalizer;
import java.util.Locale;

/**
 * File names of uploads as users see them again (lists, downloads, audit): the client's name without its path, without
 * control and format characters (a bidi override, U+202E, makes "photo[U+202E]gnp.exe" show as "photoexe.png"; zero-width
 * characters hide text), NFC-normalised, and with the extension of the type the content really has.
 */
public final class UploadNames {

    /** Longest name kept; a longer one is refused rather than cut, so the user knows what happened. */
    public static final int MAX_LENGTH = 200;

    private UploadNames() {
    }

    /** The cleaned name, or the fallback when nothing is left; a 400 FILE_NAME_TOO_LONG above {@link #MAX_LENGTH}. */
    public static String clean(String original, String fallback) {
        String n = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC).replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = n.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\"]", "").strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.isEmpty()) {
            return fallback;
        }
        if (n.codePointCount(0, n.length()) > MAX_LENGTH) {
            throw ProblemException.badRequest("FILE_NAME_TOO_LONG", "文件名不能超过 " + MAX_LENGTH + " 个字符，请改短后重新上传");
        }
        return n;
    }

    /**
     * The name with an extension that matches the content: kept when it is one of the accepted ones (any case),
     * otherwise the wrong one replaced (or the right one added) — a "photo.exe" that is a PNG becomes "photo.png".
     *
     * @param extensions accepted extensions without the dot, the first being the one to use
     */
    public static String withExtension(String name, String... extensions) {
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        for (String e : extensions) {
            if (e.equals(ext)) {
                return name;
            }
        }
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + "." + extensions[0];
    }
}
