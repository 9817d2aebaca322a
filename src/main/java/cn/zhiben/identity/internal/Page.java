package cn.zhiben.identity.internal;

import java.util.List;

/** One page of a list: the items, the page number (from 0), its size and the number of all matches. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public <R> Page<R> map(java.util.function.Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
    }
}
