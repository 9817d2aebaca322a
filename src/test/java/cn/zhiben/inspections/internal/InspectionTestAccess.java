package cn.zhiben.inspections.internal;

/** Test access to package-private helpers of the module. */
public final class InspectionTestAccess {

    private InspectionTestAccess() {
    }

    public static String sha256(String s) {
        return DrawService.sha256(s);
    }
}
