package cn.zhiben.org.web;

import cn.zhiben.org.internal.EnterpriseImportJob;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;

/** Response headers of the .xlsx downloads, shared by the API and the pages. */
final class EnterpriseDownloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private EnterpriseDownloads() {
    }

    static void xlsx(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static EnterpriseImportJob finishedJob(EnterpriseImportJob job) {
        if (!job.finished()) {
            throw ProblemException.conflict("IMPORT_NOT_FINISHED", "导入任务尚未完成，完成后才能下载报告");
        }
        return job;
    }
}
