package cn.zhiben.monitoring.internal;

/**
 * What a monitoring point measures, its unit and the usual measuring range of such sensors (a point may narrow it).
 * Units follow the coal-mine networking data (M0101 %CH4 …, DB14/T 671.2 [P]) and GB/T 50493 (%LEL, ppm).
 */
public enum PointKind {
    METHANE("甲烷", "%CH4", 0, 100),
    CARBON_MONOXIDE("一氧化碳", "ppm", 0, 1000),
    TEMPERATURE("温度", "℃", -40, 300),
    WIND_SPEED("风速", "m/s", 0, 30),
    OXYGEN("氧气", "%O2", 0, 30),
    LEVEL("液位", "m", 0, 100),
    PRESSURE("压力", "MPa", -0.1, 40),
    COMBUSTIBLE_GAS("可燃气体", "%LEL", 0, 100),
    TOXIC_GAS("有毒气体", "ppm", 0, 2000),
    ELECTRIC_POWER("用电负荷", "kW", 0, 200000),
    ELECTRIC_ENERGY("用电量", "kWh", 0, 1.0e12);

    private final String label;
    private final String unit;
    private final double rangeMin;
    private final double rangeMax;

    PointKind(String label, String unit, double rangeMin, double rangeMax) {
        this.label = label;
        this.unit = unit;
        this.rangeMin = rangeMin;
        this.rangeMax = rangeMax;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public double rangeMin() {
        return rangeMin;
    }

    public double rangeMax() {
        return rangeMax;
    }

    public boolean electricity() {
        return this == ELECTRIC_POWER || this == ELECTRIC_ENERGY;
    }

    /** Location types (or, for toxic gas, the gas) that rule data distinguishes for this kind; '*' always applies. */
    public static String locationLabel(String code) {
        return switch (code) {
            case "LW_UPPER_CORNER" -> "采煤工作面回风隅角（T0）";
            case "LW_FACE" -> "采煤工作面（T1）";
            case "LW_RETURN" -> "采煤工作面回风巷（T2）";
            case "LW_INTAKE" -> "采煤工作面进风巷（T3，高瓦斯/突出矿井）";
            case "SERIES_INTAKE" -> "被串采煤工作面进风巷（T4）";
            case "SHEARER" -> "采煤机";
            case "HEADING_FACE" -> "掘进工作面（T1）";
            case "HEADING_RETURN" -> "掘进工作面回风流（T2）";
            case "DISTRICT_RETURN" -> "采区回风巷";
            case "MAIN_RETURN" -> "一翼/总回风巷";
            case "DRAINAGE_PUMP" -> "地面瓦斯抽采泵站";
            case "COAL_BUNKER" -> "煤仓、封闭选煤车间";
            case "PROCESS" -> "工艺温度（储罐、反应器）";
            case "CO" -> "一氧化碳（CO）";
            case "H2S" -> "硫化氢（H2S）";
            case "*" -> "一般位置";
            default -> code;
        };
    }
}
