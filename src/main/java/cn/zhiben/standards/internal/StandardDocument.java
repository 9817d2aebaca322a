package cn.zhiben.standards.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A standard version as read from an import file, before validation: raw text, each piece with where it came from
 * ("条款 第5行", "clauses[4]") so that a rejection names the row.
 *
 * @param header key (see {@link #HEADER_KEYS}) -> value
 * @param where  key -> location of the value in the file
 */
public record StandardDocument(Map<String, String> header, Map<String, String> where, List<CategoryLine> categories,
                               List<ClauseLine> clauses) {

    /** Header keys and their labels in the spreadsheet (sheet "标准"), in export order. */
    public static final Map<String, String> HEADER_KEYS = new LinkedHashMap<>();

    static {
        HEADER_KEYS.put("code", "标准编码");
        HEADER_KEYS.put("standardName", "标准名称");
        HEADER_KEYS.put("edition", "版本");
        HEADER_KEYS.put("name", "版本名称");
        HEADER_KEYS.put("issuer", "发布机关");
        HEADER_KEYS.put("docNo", "文号");
        HEADER_KEYS.put("legalNature", "法律性质");
        HEADER_KEYS.put("effectiveFrom", "施行日期");
        HEADER_KEYS.put("effectiveTo", "废止日期");
        HEADER_KEYS.put("datesNote", "日期说明");
        HEADER_KEYS.put("supersedes", "替代的版本ID");
        HEADER_KEYS.put("industries", "适用行业");
        HEADER_KEYS.put("allIndustries", "适用于所有行业");
        HEADER_KEYS.put("partial", "不完整");
        HEADER_KEYS.put("partialNote", "不完整说明");
        HEADER_KEYS.put("possiblySuperseded", "可能已修订");
        HEADER_KEYS.put("caveats", "说明");
        HEADER_KEYS.put("metadataConfidence", "元数据可信度");
        HEADER_KEYS.put("metadataNote", "元数据说明");
        HEADER_KEYS.put("source", "来源");
    }

    public StandardDocument {
        header = Map.copyOf(header);
        where = Map.copyOf(where);
        categories = List.copyOf(categories);
        clauses = List.copyOf(clauses);
    }

    public String get(String key) {
        return header.get(key);
    }

    public String whereOf(String key) {
        return where.getOrDefault(key, HEADER_KEYS.getOrDefault(key, key));
    }

    public record CategoryLine(String where, String code, String name, String group, String note) {
    }

    /** @param industries comma-separated industry codes (empty: the version's) */
    public record ClauseLine(String where, String clauseNo, String category, String summary, String confidence,
                             String industries, String specialOperation, String note, String related) {
    }
}
