package cn.zhiben.tipoffs.internal;

/** The tip-off's fixed vocabularies. */
public final class TipoffCodes {

    private TipoffCodes() {
    }

    /** How it reached us (安监总财〔2018〕19号: 12350 hotline, letters, e-mail, fax, visits). */
    public enum Channel {
        ONLINE("网上举报"), HOTLINE("12350热线"), LETTER("来信"), VISIT("来访");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What is reported; decides the reward formula (安监总财〔2018〕19号). */
    public enum Category {
        MAJOR_HAZARD("重大事故隐患"), ILLEGAL_PRODUCTION("非法违法生产经营建设"), CONCEALED_ACCIDENT("瞒报谎报事故"),
        OTHER("其他安全生产违法行为");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Finding {
        TRUE("属实"), PARTLY_TRUE("部分属实"), FALSE("不属实");

        private final String label;

        Finding(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean substantiated() {
            return this != FALSE;
        }
    }

    /** Accident levels for the per-death amounts of concealed accidents (生产安全事故报告和调查处理条例 Art. 3). */
    public enum AccidentLevel {
        GENERAL("一般事故"), LARGER("较大事故"), MAJOR("重大事故"), ESPECIALLY_MAJOR("特别重大事故");

        private final String label;

        AccidentLevel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
