package cn.zhiben.platform.files;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.UploadNames;

import java.util.Set;
import java.util.function.Supplier;

/**
 * What one module accepts as an upload: its file types and largest size, and its own refusals (their codes and messages
 * stay the module's). The name shown again is the client's name cleaned by {@link UploadNames} with the extension of
 * the type the content really has.
 *
 * @param types      the accepted types
 * @param maxBytes   the largest accepted file
 * @param tooLarge   the refusal of a file over {@code maxBytes} (a 413)
 * @param notAllowed the refusal of a file of any other type (a 415)
 */
public record UploadRules(Set<FileType> types, long maxBytes, Supplier<ProblemException> tooLarge,
                          Supplier<ProblemException> notAllowed) {

    static final String FALLBACK_NAME = "附件";

    public UploadRules {
        types = Set.copyOf(types);
    }

    /** A checked file: the name to show and the type of its content. */
    public record Identified(String fileName, FileType type) {
    }

    /** Checks a file held in memory (size, type) and names it; throws the module's refusal otherwise. */
    public Identified identify(String originalName, byte[] content) {
        if (content.length > maxBytes) {
            throw tooLarge.get();
        }
        String name = UploadNames.clean(originalName, FALLBACK_NAME);
        return named(name, type(content, content.length, name));
    }

    /** The accepted type of a file whose first {@code n} bytes are {@code head}, or the module's refusal. */
    FileType type(byte[] head, int n, String cleanName) {
        return FileType.detect(head, Math.min(n, FileType.HEAD_LENGTH), cleanName).filter(types::contains)
                .orElseThrow(notAllowed);
    }

    static Identified named(String cleanName, FileType type) {
        return new Identified(UploadNames.withExtension(cleanName, type.extensions()), type);
    }
}
