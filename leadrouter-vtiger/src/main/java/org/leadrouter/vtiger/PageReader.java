package org.leadrouter.vtiger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Every row of a query, page by page ({@code LIMIT offset,100}: VTiger returns at most 100 rows whatever LIMIT says),
 * in order. When the first page is full and several sessions are allowed, the next pages are asked for that many at
 * a time; a short page ends it (pages already asked for beyond it come back empty).
 */
final class PageReader {
    /** VTiger returns at most this many rows per query, whatever LIMIT says. */
    static final int PAGE_SIZE = 100;

    private final Function<String, List<Map<String, String>>> query;
    private final int atOnce;
    /** Threads asking for the pages of one query at once; null when pages are read one after another. */
    private final ExecutorService pagers;

    /**
     * @param query  one VTQL statement → its rows (at most a page)
     * @param atOnce how many pages may be asked for at once (the client's sessions)
     */
    PageReader(Function<String, List<Map<String, String>>> query, int atOnce) {
        this.query = query;
        this.atOnce = atOnce;
        this.pagers = atOnce == 1 ? null : pageThreads(atOnce);
    }

    List<Map<String, String>> all(VtqlQuery vtql) {
        List<Map<String, String>> all = new ArrayList<>(query.apply(vtql.page(0, PAGE_SIZE)));
        if (all.size() < PAGE_SIZE) {
            return all;
        }
        if (pagers != null) {
            return remainingPagesAtOnce(vtql, all);
        }
        for (int offset = PAGE_SIZE; ; offset += PAGE_SIZE) {
            List<Map<String, String>> page = query.apply(vtql.page(offset, PAGE_SIZE));
            all.addAll(page);
            if (page.size() < PAGE_SIZE) {
                return all;
            }
        }
    }

    private List<Map<String, String>> remainingPagesAtOnce(VtqlQuery vtql, List<Map<String, String>> all) {
        CompletionService<Page> done = new ExecutorCompletionService<>(pagers);
        Map<Integer, List<Map<String, String>>> pages = new HashMap<>();
        int next = 1;
        int last = Integer.MAX_VALUE; // index of the first short page, once seen
        int inFlight = 0;
        RuntimeException failure = null;
        while (true) {
            while (failure == null && inFlight < atOnce && next < last) {
                int index = next++;
                done.submit(() -> new Page(index, query.apply(vtql.page(index * PAGE_SIZE, PAGE_SIZE))));
                inFlight++;
            }
            if (inFlight == 0) {
                break;
            }
            try {
                Future<Page> f = done.take();
                inFlight--;
                Page page = f.get();
                pages.put(page.index(), page.rows());
                if (page.rows().size() < PAGE_SIZE) {
                    last = Math.min(last, page.index());
                }
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("a page of a VTiger query failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VtigerUnavailableException("interrupted while reading a VTiger query", false, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        for (int index = 1; index <= last; index++) {
            all.addAll(pages.get(index));
        }
        return all;
    }

    private record Page(int index, List<Map<String, String>> rows) {
    }

    /** They end when idle, so nothing needs closing. */
    private static ExecutorService pageThreads(int n) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "vtiger-pages-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
