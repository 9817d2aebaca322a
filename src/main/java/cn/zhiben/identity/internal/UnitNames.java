package cn.zhiben.identity.internal;

/**
 * What a county department calls itself. A county-unit account belongs to a county and to the committee unit whose
 * industries it supervises (市应急管理局 → the county's 应急管理局), so it is shown as 泽州县应急管理局, not as the city
 * unit. Our inference of the usual naming (county name + the department's name without 市), not a catalogue of
 * county departments; a unit named otherwise keeps its name with the county beside it.
 */
public final class UnitNames {

    private UnitNames() {
    }

    public static String countyDepartment(String countyName, String cityUnitName) {
        if (cityUnitName == null) {
            return null;
        }
        if (countyName == null) {
            return cityUnitName;
        }
        if (cityUnitName.startsWith("晋城市") && cityUnitName.length() > 3) {
            return countyName + cityUnitName.substring(3);
        }
        if (cityUnitName.startsWith("市") && cityUnitName.length() > 1) {
            return countyName + cityUnitName.substring(1);
        }
        return cityUnitName + "（" + countyName + "）";
    }
}
