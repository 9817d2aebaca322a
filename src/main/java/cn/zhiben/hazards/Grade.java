package cn.zhiben.hazards;

/** 安全生产事故隐患排查治理暂行规定 (原国家安全监管总局令第16号) Art. 3: general vs major hazards. */
public enum Grade {
    GENERAL("一般"),
    MAJOR("重大");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
