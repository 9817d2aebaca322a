package cn.zhiben.platform;

import cn.zhiben.platform.db.EmbeddedDatabaseConfiguration.EmbeddedDatabaseInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/** Prints where the platform answers and how to log in, once it is ready. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    private final PlatformProperties properties;
    private final ObjectProvider<EmbeddedDatabaseInfo> embedded;

    StartupReport(PlatformProperties properties, ObjectProvider<EmbeddedDatabaseInfo> embedded) {
        this.properties = properties;
        this.embedded = embedded;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String url = properties.publicUrl();
        if ((url == null || url.isBlank()) && event.getApplicationContext() instanceof WebServerApplicationContext web) {
            url = "http://localhost:" + web.getWebServer().getPort() + "/";
        }
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        StringBuilder sb = new StringBuilder("\n\n========== 治本 Zhiben 已启动（用时 %.1f 秒）==========\n".formatted(uptimeMs / 1000.0));
        sb.append("  访问地址: ").append(url).append('\n');
        EmbeddedDatabaseInfo db = embedded.getIfAvailable();
        if (db != null && db.dataDir() != null) {
            sb.append("  内置数据库: ").append(db.jdbcUrl()).append("（数据目录 ").append(db.dataDir()).append("，用户 postgres，")
              .append("密码文件 ").append(db.passwordFile()).append("；已开启 fsync 与同步提交）\n");
        }
        if (properties.demo()) {
            sb.append("  演示模式: 演示账号（密码均为 Zhiben@2026）— city 市安委办, yingji 市应急管理局, zezhou 泽州县安委办,\n")
              .append("            gaoping 高平市安委办, qiye 演示企业, sysadmin / secadmin / auditadmin 三员；完整列表见 README.md\n");
        } else {
            sb.append("  登录: 以 admin 登录（密码取自环境变量 ZHIBEN_ADMIN_PASSWORD；首次启动未设置时已在上方日志中打印一次）\n");
        }
        sb.append("  接口文档: ").append(url).append("swagger-ui.html\n");
        sb.append("==========================================================\n");
        log.info(sb.toString());
    }
}
