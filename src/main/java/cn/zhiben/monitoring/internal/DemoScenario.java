package cn.zhiben.monitoring.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo monitoring set-up (demo mode only): devices and points at a few demo enterprises, and how the simulator
 * moves each point's value so that every rule fires in a demo — methane at a longwall face passing 1.0 % (alarm) and
 * 1.5 % (power cut) and restoring only below 1.0 %, a sensor that stops reporting, one that stays exactly flat, gas
 * detectors crossing GB/T 50493 levels, and a mine's electricity climbing while a shutdown order is in force.
 */
final class DemoScenario {

    /** Demo devices use this documented secret (demo mode only, like the demo accounts' password). */
    static final String DEMO_SECRET = "Zhiben@2026";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    enum Behaviour { NORMAL, METHANE_CYCLE, SILENT, FLAT, ELECTRIC_PRODUCING, ELECTRIC_IDLE, GAS_CYCLE }

    record Device(String industry, String enterprise, String code, String name, List<Point> points) {
    }

    record Point(String code, String name, PointKind kind, String locationType, String location, Double rangeMin,
                 Double rangeMax, Double high, Double highHigh, Behaviour behaviour, double base, double noise) {
    }

    static Point p(String code, String name, PointKind kind, String lt, String location, double min, double max,
                   Behaviour b, double base, double noise) {
        return new Point(code, name, kind, lt, location, min, max, null, null, b, base, noise);
    }

    static final List<Device> DEVICES = List.of(
            new Device("mine.coal", "泽州示范巴公煤业", "DEMO-BG-KJ", "巴公煤业安全监控分站（演示）", List.of(
                    p("DEMO-BG-CH4-T0", "15103工作面回风隅角甲烷", PointKind.METHANE, "LW_UPPER_CORNER", "15103工作面回风隅角", 0, 4, Behaviour.NORMAL, 0.45, 0.05),
                    p("DEMO-BG-CH4-T1", "15103采煤工作面甲烷", PointKind.METHANE, "LW_FACE", "15103工作面机尾 10m", 0, 4, Behaviour.METHANE_CYCLE, 0.5, 0.04),
                    p("DEMO-BG-CH4-T2", "15103回风巷甲烷", PointKind.METHANE, "LW_RETURN", "15103回风巷距工作面 15m", 0, 4, Behaviour.NORMAL, 0.38, 0.04),
                    p("DEMO-BG-CO-01", "15103回风巷一氧化碳", PointKind.CARBON_MONOXIDE, "*", "15103回风巷", 0, 500, Behaviour.NORMAL, 6, 1.5),
                    p("DEMO-BG-WS-01", "15103工作面风速", PointKind.WIND_SPEED, "LW_FACE", "15103工作面中部", 0, 15, Behaviour.NORMAL, 1.8, 0.2),
                    p("DEMO-BG-CH4-H1", "9号煤掘进工作面甲烷", PointKind.METHANE, "HEADING_FACE", "9102掘进工作面", 0, 4, Behaviour.NORMAL, 0.3, 0.04))),
            new Device("mine.coal", "泽州示范巴公煤业", "DEMO-BG-EM", "巴公煤业总降变电站电能表（演示）", List.of(
                    p("DEMO-BG-KW", "全矿总负荷", PointKind.ELECTRIC_POWER, "*", "35kV 总降变电站", 0, 50000, Behaviour.ELECTRIC_PRODUCING, 800, 40))),
            new Device("mine.coal", "沁水示范嘉峰煤业", "DEMO-JF-KJ", "嘉峰煤业安全监控分站（演示）", List.of(
                    p("DEMO-JF-CH4-T1", "3101采煤工作面甲烷", PointKind.METHANE, "LW_FACE", "3101工作面", 0, 4, Behaviour.NORMAL, 0.35, 0.04),
                    p("DEMO-JF-CH4-T2", "3101回风巷甲烷", PointKind.METHANE, "LW_RETURN", "3101回风巷", 0, 4, Behaviour.SILENT, 0.3, 0.03),
                    p("DEMO-JF-T-01", "主运输带温度", PointKind.TEMPERATURE, "*", "主斜井带式输送机", -20, 100, Behaviour.NORMAL, 21, 0.6))),
            new Device("mine.coal", "沁水示范嘉峰煤业", "DEMO-JF-EM", "嘉峰煤业电能表（演示）", List.of(
                    p("DEMO-JF-KW", "全矿总负荷", PointKind.ELECTRIC_POWER, "*", "总降变电站", 0, 50000, Behaviour.ELECTRIC_IDLE, 650, 30))),
            new Device("mine.coal", "高平示范寺庄煤业", "DEMO-SZ-KJ", "寺庄煤业安全监控分站（演示）", List.of(
                    p("DEMO-SZ-CH4-T0", "2201回风隅角甲烷", PointKind.METHANE, "LW_UPPER_CORNER", "2201工作面回风隅角", 0, 4, Behaviour.NORMAL, 0.5, 0.05),
                    p("DEMO-SZ-CO-01", "2201回风一氧化碳", PointKind.CARBON_MONOXIDE, "*", "2201回风巷", 0, 500, Behaviour.FLAT, 3, 0))),
            new Device("hazchem.production", "晋城示范煤化工", "DEMO-HG-DCS", "煤化工可燃有毒气体报警控制器（演示）", List.of(
                    p("DEMO-HG-LEL-01", "甲醇罐区可燃气体", PointKind.COMBUSTIBLE_GAS, "*", "甲醇储罐区 T-101 防火堤内", 0, 100, Behaviour.GAS_CYCLE, 3, 1),
                    p("DEMO-HG-CO-01", "气化装置一氧化碳", PointKind.TOXIC_GAS, "CO", "气化框架二层", 0, 1000, Behaviour.NORMAL, 5, 1.5),
                    p("DEMO-HG-H2S-01", "脱硫单元硫化氢", PointKind.TOXIC_GAS, "H2S", "脱硫塔底泵区", 0, 100, Behaviour.NORMAL, 0.8, 0.3),
                    new Point("DEMO-HG-LT-101", "甲醇储罐 T-101 液位", PointKind.LEVEL, "*", "甲醇储罐 T-101", 0.0, 10.0, 8.5, 9.2, Behaviour.NORMAL, 6.2, 0.05))),
            new Device("hazchem.production", "晋城示范煤化工", "DEMO-HG-EM", "煤化工总降电能表（演示）", List.of(
                    p("DEMO-HG-KW", "全厂总负荷", PointKind.ELECTRIC_POWER, "*", "110kV 总降", 0, 80000, Behaviour.ELECTRIC_IDLE, 5200, 150))));

    private DemoScenario() {
    }

    /** The simulated value of a point at an instant (deterministic per point and time, plus a little noise). */
    static double value(Point p, Instant at, boolean shutdownInForce) {
        double noise = p.noise() == 0 ? 0 : (Math.sin(at.getEpochSecond() / 7.0 + p.code().hashCode()) * p.noise());
        int minuteOfCycle = (int) ((at.getEpochSecond() / 60) % 12);
        double v = switch (p.behaviour()) {
            case NORMAL, SILENT -> p.base() + noise;
            case FLAT -> p.base();
            // 12-minute cycle: normal, alarm at 1.0 %, power cut at 1.5 %, still above restore (hysteresis), restored
            case METHANE_CYCLE -> switch (minuteOfCycle) {
                case 3 -> 1.08;
                case 4 -> 1.56;
                case 5 -> 1.21;
                case 6 -> 0.82;
                default -> p.base() + noise;
            };
            case GAS_CYCLE -> minuteOfCycle == 8 ? 27.5 : p.base() + Math.abs(noise);
            case ELECTRIC_PRODUCING -> shutdownInForce ? p.base() * 3.2 + noise : producing(p, at) + noise;
            case ELECTRIC_IDLE -> p.base() + noise;
        };
        double min = p.rangeMin() == null ? p.kind().rangeMin() : p.rangeMin();
        double max = p.rangeMax() == null ? p.kind().rangeMax() : p.rangeMax();
        return Math.max(min, Math.min(max, Math.round(v * 1000) / 1000.0));
    }

    /** A producing mine's load over a day: idle at night, three to four times that on the day shifts. */
    static double producing(Point p, Instant at) {
        int hour = at.atZone(ZONE).getHour();
        return hour >= 7 && hour < 23 ? p.base() * 3.6 : p.base();
    }
}
