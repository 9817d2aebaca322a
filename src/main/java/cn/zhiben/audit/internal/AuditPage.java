package cn.zhiben.audit.internal;

import java.util.List;

/** One page of audit rows (page from 0) and the number of all matches. */
public record AuditPage(List<AuditRecord> items, int page, int size, long total) {

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
