package cn.zhiben.hazards;

/** Whether production stops during rectification (令第16号: major hazards may require full or partial shutdown). */
public enum Shutdown {
    NONE("不停产"),
    PARTIAL("局部停产停业"),
    FULL("全部停产停业");

    private final String label;

    Shutdown(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
