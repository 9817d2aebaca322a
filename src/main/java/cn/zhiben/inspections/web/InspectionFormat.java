package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.DecimalFormat;

/** Formatting for the inspection pages (as @inspectionFormat in templates): money from fen, never through a double. */
@Component("inspectionFormat")
public class InspectionFormat {

    public String yuan(long fen) {
        DecimalFormat f = new DecimalFormat("#,##0.00");
        f.setParseBigDecimal(true);
        return f.format(BigDecimal.valueOf(fen, 2));
    }

    public String uppercase(long fen) {
        return Money.uppercase(fen);
    }
}
