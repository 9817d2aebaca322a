package cn.zhiben.inspections.internal;

/**
 * 分类分级 (安全生产法 Art. 62). HIGH are the sectors 优化营商环境条例 Art. 54 exempts from 双随机 for full-coverage 重点监管
 * (mines, hazardous chemicals, fireworks, metal smelting…); the assignment of industries to classes is data
 * (insp_risk_rule), our inference.
 */
public enum RiskClass {
    HIGH("高危（重点监管）"),
    ELEVATED("较大风险"),
    GENERAL("一般风险");

    private final String label;

    RiskClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
