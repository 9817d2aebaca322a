package cn.zhiben.platform;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Demo mode loads demo accounts with published passwords and demo enterprises. It refuses an external datasource
 * unless zhiben.demo-on-external-database=true, so demo data never lands in a real database by accident.
 * Runs before the context exists, i.e. before anything touches the database.
 */
public class DemoModeGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment env) {
        boolean demo = env.getProperty("zhiben.demo", Boolean.class, false);
        String url = env.getProperty("spring.datasource.url", "");
        boolean allowed = env.getProperty("zhiben.demo-on-external-database", Boolean.class, false);
        if (demo && !url.isBlank() && !allowed) {
            throw new IllegalStateException("演示模式（zhiben.demo=true）拒绝连接外部数据库 " + url
                    + "：演示数据不应写入正式库。如确需如此，请同时设置 zhiben.demo-on-external-database=true。");
        }
    }
}
