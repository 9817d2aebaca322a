package cn.zhiben.campaign.internal;

/**
 * The measures of 督办交办 the plan names: "及时函告、通报、约谈、曝光" (六(五)), "通报表扬" (六(二)), and the two
 * transfers of "一闭环、两移交、三公开、四考核、一追溯" (六(五)), read here as transfer of problem clues to the discipline
 * inspection and supervision organs and of suspected crimes to the judicial organs — the platform's reading of that
 * mechanism, which the plan names but does not spell out (待市安委办确认).
 */
public enum SupervisionKind {
    LETTER("函告", "函", true),
    NOTICE("通报批评", "通", true),
    INTERVIEW("约谈", "约", true),
    EXPOSURE("曝光", "曝", true),
    TRANSFER_DISCIPLINE("移交纪检监察机关", "移", false),
    TRANSFER_JUDICIAL("移交司法机关", "移", false),
    COMMENDATION("通报表扬", "表", false);

    private final String label;
    private final String numberMark;
    private final boolean feedbackExpected;

    SupervisionKind(String label, String numberMark, boolean feedbackExpected) {
        this.label = label;
        this.numberMark = numberMark;
        this.feedbackExpected = feedbackExpected;
    }

    public String label() {
        return label;
    }

    public String numberMark() {
        return numberMark;
    }

    /** The target answers with its rectification (整改反馈) before the record is closed (一闭环). */
    public boolean feedbackExpected() {
        return feedbackExpected;
    }
}
