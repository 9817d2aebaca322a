package cn.zhiben.support;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A MockMvc like the shared one (same filters and customizers, same application context) that keeps no printout of its
 * requests: the shared one records every exchange in memory to print it if the test fails, which for the thousands of
 * requests of a sweep costs time and hundreds of megabytes.
 */
public final class QuietMockMvc {

    private QuietMockMvc() {
    }

    public static MockMvc of(ApplicationContext context) {
        WebApplicationContext web = (WebApplicationContext) context;
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(web);
        context.getBeanProvider(MockMvcBuilderCustomizer.class).orderedStream().forEach(c -> {
            if (c instanceof SpringBootMockMvcBuilderCustomizer boot) {
                SpringBootMockMvcBuilderCustomizer quiet = new SpringBootMockMvcBuilderCustomizer(web);
                quiet.setAddFilters(boot.isAddFilters());
                quiet.setPrint(MockMvcPrint.NONE);
                quiet.customize(builder);
            } else {
                c.customize(builder);
            }
        });
        return builder.build();
    }
}
