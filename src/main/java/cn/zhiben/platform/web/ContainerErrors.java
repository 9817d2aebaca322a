package cn.zhiben.platform.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * What Tomcat answers itself, before any servlet runs (a request line or header too long, a malformed request): a
 * problem detail for API clients and a short Chinese page for browsers, instead of Tomcat's English HTML report.
 * Replaces the error report valve Spring Boot installs on the host.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve v : host.getPipeline().getValves()) {
                if (v instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(v);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve());
            // otherwise the host adds Tomcat's own report valve when it starts, which would answer first
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        // after Spring Boot's own customizer, which adds its valve
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Public with a public constructor: Tomcat may instantiate it by its class name. */
    public static final class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) {
                status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
            }
            String uri = request.getDecodedRequestURI();
            String accept = request.getHeader("Accept");
            boolean api = (uri != null && uri.startsWith("/api/")) || accept == null || !accept.contains("text/html");
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer out = response.getReporter();
                if (out == null) {
                    return;
                }
                String message = ZhibenErrorController.messageFor(status);
                if (api) {
                    response.setContentType("application/problem+json");
                    out.write(Problems.json(status, ZhibenErrorController.codeFor(status), message));
                } else {
                    response.setContentType("text/html");
                    out.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + status.value()
                            + " " + Problems.titleFor(status) + "</title></head><body><h1>" + status.value() + " "
                            + Problems.titleFor(status) + "</h1><p>" + message + "</p><p><a href=\"/\">返回首页</a></p></body></html>");
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response cannot be written: nothing more to say
            }
        }
    }
}
