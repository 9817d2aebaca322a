package cn.zhiben.org.internal;

import java.util.List;

/** One page of a search: the items, how many match in all, and which page (0-based) of what size this is. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
