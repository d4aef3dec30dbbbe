// LuceneBench indexes the corpus `cuttings bench --lucene` writes and times
// the same query classes against Lucene in process, as the issue that set
// cuttings' speed targets measured it (issue 17; shared/corpora/ANCHORS.md):
// each request takes the top 20, counts four facets and 31 yearly buckets,
// and highlights a snippet of each hit's body.
//
// It is written for Lucene 8.7 (Debian's liblucene8-java) and needs only
// the JDK and these jars: core, analyzers-common, facet, highlighter,
// queryparser, queries, sandbox, memory.
//
// Usage: java -cp JARS:DIR LuceneBench CORPUS.tsv QUERIES.tsv INDEXDIR CLIENTS
//
// CORPUS.tsv has one article a line: id, published (Unix seconds), source,
// people, countries, topics (values joined by U+001F), title, body; tabs,
// newlines and backslashes in a field are escaped as \t, \n and \\.
// QUERIES.tsv has one query a line: its class, the text a user typed
// (empty for the home page: every article, newest first) and, optionally,
// the rest of the search's URL query: sort=newest, from=YYYY-MM-DD and
// to=YYYY-MM-DD (inclusive days, UTC), page=N (the N-th page of 20 hits),
// and facet filters (country=GB, topic=..., person=..., source=...).
//
// It prints lines the bench reads:
//   index docs=N seconds=S threads=T
//   merge seconds=S
//   size bytes=B
//   facets person=N country=N topic=N source=N year=N (distinct values)
//   matches class=C hits=N (the class's queries' matches, summed)
//   search class=C clients=K n=N p50=MS p99=MS
//   error MESSAGE
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

public class LuceneBench {
    static final String[] DIMS = {"person", "country", "topic", "source"};
    static final int HITS = 20;
    static final int FACET_VALUES = 10;
    static final int YEARS = 31;
    // The facet filters a query's URL may carry, which DrillDownQuery needs.
    static FacetsConfig facetsConfig;

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: LuceneBench CORPUS.tsv QUERIES.tsv INDEXDIR CLIENTS");
            System.exit(2);
        }
        Path corpus = Paths.get(args[0]), queries = Paths.get(args[1]), dir = Paths.get(args[2]);
        int clients = Integer.parseInt(args[3]);
        Analyzer analyzer = new EnglishAnalyzer();
        FacetsConfig config = new FacetsConfig();
        for (String d : new String[] {"person", "country", "topic"}) {
            config.setMultiValued(d, true);
        }
        facetsConfig = config;
        build(corpus, dir, analyzer, config);
        search(queries, dir, analyzer, config, clients);
    }

    // build indexes the corpus with two threads (this machine's cores), as
    // the "13,350 docs/s (2 threads)" did, then merges the index
    // into one segment as cuttings' reindex does, timed apart.
    static void build(Path corpus, Path dir, Analyzer analyzer, FacetsConfig config) throws Exception {
        IndexWriterConfig iwc = new IndexWriterConfig(analyzer);
        iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        iwc.setRAMBufferSizeMB(256);
        int threads = 2;
        long start = System.nanoTime();
        AtomicInteger docs = new AtomicInteger();
        try (FSDirectory fs = FSDirectory.open(dir); IndexWriter w = new IndexWriter(fs, iwc)) {
            BlockingQueue<String> lines = new ArrayBlockingQueue<>(4096);
            String end = new String("end");
            ConcurrentLinkedQueue<Exception> failed = new ConcurrentLinkedQueue<>();
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread th = new Thread(() -> {
                    try {
                        for (String line = lines.take(); line != end; line = lines.take()) {
                            w.addDocument(config.build(document(line)));
                            docs.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.add(e);
                    }
                });
                th.start();
                ts.add(th);
            }
            try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!failed.isEmpty()) {
                        break;
                    }
                    lines.put(line);
                }
            }
            for (int t = 0; t < threads; t++) {
                lines.put(end);
            }
            for (Thread th : ts) {
                th.join();
            }
            if (!failed.isEmpty()) {
                throw failed.peek();
            }
            w.commit();
            double took = (System.nanoTime() - start) / 1e9;
            System.out.printf("index docs=%d seconds=%.3f threads=%d%n", docs.get(), took, threads);
            start = System.nanoTime();
            w.forceMerge(1);
            w.commit();
            System.out.printf("merge seconds=%.3f%n", (System.nanoTime() - start) / 1e9);
        }
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("size bytes=%d%n", bytes);
        System.out.flush();
    }

    static Document document(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException("corpus line has " + f.length + " fields, want 8: " + line.substring(0, Math.min(80, line.length())));
        }
        Document d = new Document();
        d.add(new StringField("id", f[0], Field.Store.YES));
        long published = Long.parseLong(f[1]);
        d.add(new NumericDocValuesField("published", published));
        // Points, for the date ranges some searches ask for.
        d.add(new LongPoint("published", published));
        d.add(new StoredField("published", published));
        int year = Instant.ofEpochSecond(published).atZone(ZoneOffset.UTC).getYear();
        d.add(new SortedSetDocValuesFacetField("year", Integer.toString(year)));
        if (!f[2].isEmpty()) {
            d.add(new SortedSetDocValuesFacetField("source", unescape(f[2])));
        }
        String[] dims = {"person", "country", "topic"};
        for (int i = 0; i < 3; i++) {
            if (f[3 + i].isEmpty()) {
                continue;
            }
            for (String v : unescape(f[3 + i]).split("\u001f")) {
                if (!v.isEmpty()) {
                    d.add(new SortedSetDocValuesFacetField(dims[i], v));
                }
            }
        }
        d.add(new TextField("title", unescape(f[6]), Field.Store.YES));
        d.add(new TextField("body", unescape(f[7]), Field.Store.YES));
        return d;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // search times each class from one client and then from `clients`, the
    // cuttings bench's order.
    static void search(Path queries, Path dir, Analyzer analyzer, FacetsConfig config, int clients) throws Exception {
        Map<String, List<String>> classes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            classes.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
        }
        try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(fs)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            // Built once per reader, as an application keeps it.
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader);
            StringBuilder values = new StringBuilder("facets");
            for (String d : new String[] {"person", "country", "topic", "source", "year"}) {
                SortedSetDocValuesReaderState.OrdRange r = state.getOrdRange(d);
                values.append(' ').append(d).append('=').append(r == null ? 0 : r.end - r.start + 1);
            }
            System.out.println(values);
            UnifiedHighlighter highlighter = new UnifiedHighlighter(searcher, analyzer);
            // Every query once, untimed, before any is timed: the JIT
            // compiles the search path, as in a server that has been up
            // a while, and Lucene is measured at its best.
            // Their matches, summed by class, show what each class asks of
            // it (and that a filter or range narrows).
            for (Map.Entry<String, List<String>> c : classes.entrySet()) {
                long hits = 0;
                for (String q : c.getValue()) {
                    hits += request(searcher, state, highlighter, analyzer, q);
                }
                System.out.printf("matches class=%s hits=%d%n", c.getKey(), hits);
            }
            for (Map.Entry<String, List<String>> c : classes.entrySet()) {
                List<String> qs = c.getValue();
                for (int k : new int[] {1, clients}) {
                    long[] took = run(searcher, state, highlighter, analyzer, qs, k);
                    Arrays.sort(took);
                    System.out.printf("search class=%s clients=%d n=%d p50=%.3f p99=%.3f%n", c.getKey(), k, took.length,
                            at(took, 0.50) / 1e6, at(took, 0.99) / 1e6);
                    System.out.flush();
                }
            }
        }
    }

    // at is the cuttings bench's percentile: the value at rank p*n, rounded.
    static long at(long[] sorted, double p) {
        int i = (int) (p * sorted.length + 0.5) - 1;
        return sorted[Math.min(Math.max(i, 0), sorted.length - 1)];
    }

    static long[] run(IndexSearcher s, SortedSetDocValuesReaderState state, UnifiedHighlighter h, Analyzer a, List<String> qs, int clients)
            throws Exception {
        long[] took = new long[qs.size()];
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Exception> failed = new ConcurrentLinkedQueue<>();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread th = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < qs.size(); i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    try {
                        request(s, state, h, a, qs.get(i));
                    } catch (Exception e) {
                        failed.add(e);
                        return;
                    }
                    took[i] = System.nanoTime() - start;
                }
            });
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            th.join();
        }
        if (!failed.isEmpty()) {
            throw failed.peek();
        }
        return took;
    }

    // counted asks for a facet's top values; a dimension no article holds
    // (a small corpus without sources) counts nothing rather than failing.
    static int counted(Facets f, int n, String dim) throws IOException {
        try {
            return f.getTopChildren(n, dim) == null ? 0 : 1;
        } catch (IllegalArgumentException notIndexed) {
            return 0;
        }
    }

    // request is one search page: the top 20 (newest first for the home
    // page and when the query asks, by relevance otherwise), in the date
    // range and facet values it asks for, four facets' top values and
    // every year's count, and a highlighted snippet of each hit's body. It
    // returns how many documents match.
    static long request(IndexSearcher s, SortedSetDocValuesReaderState state, UnifiedHighlighter h, Analyzer a, String line)
            throws Exception {
        int tab = line.indexOf('\t');
        String text = tab < 0 ? line : line.substring(0, tab);
        boolean newest = text.isEmpty();
        long from = Long.MIN_VALUE, to = Long.MAX_VALUE;
        int page = 1;
        List<String[]> filters = new ArrayList<>();
        if (tab >= 0) {
            for (String kv : line.substring(tab + 1).split("&")) {
                int eq = kv.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String k = kv.substring(0, eq), v = URLDecoder.decode(kv.substring(eq + 1), "UTF-8");
                switch (k) {
                    case "sort":
                        newest = v.equals("newest");
                        break;
                    case "from":
                        from = LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                        break;
                    case "to":
                        to = LocalDate.parse(v).plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
                        break;
                    case "page":
                        page = Integer.parseInt(v);
                        break;
                    default:
                        filters.add(new String[] {k, v});
                }
            }
        }
        FacetsCollector fc = new FacetsCollector();
        Query q;
        if (text.isEmpty()) {
            q = new MatchAllDocsQuery();
        } else {
            MultiFieldQueryParser p = new MultiFieldQueryParser(new String[] {"title", "body"}, a);
            // Words without + or - are optional, at least one matching, as
            // in Bleve's query string, which cuttings' q takes: "oil
            // prices" is oil OR prices, ranked.
            p.setDefaultOperator(QueryParser.Operator.OR);
            q = p.parse(text);
        }
        if (from != Long.MIN_VALUE || to != Long.MAX_VALUE) {
            q = new BooleanQuery.Builder()
                    .add(q, BooleanClause.Occur.MUST)
                    .add(LongPoint.newRangeQuery("published", from, to), BooleanClause.Occur.FILTER)
                    .build();
        }
        if (!filters.isEmpty()) {
            DrillDownQuery dq = new DrillDownQuery(facetsConfig, q);
            for (String[] f : filters) {
                dq.add(f[0], f[1]);
            }
            q = dq;
        }
        // A later page collects the hits of the pages before it too, as
        // Lucene's top-N collectors do, and shows the last 20.
        int n = HITS * page;
        TopDocs top = newest
                ? FacetsCollector.search(s, q, n, new Sort(new SortField("published", SortField.Type.LONG, true)), fc)
                : FacetsCollector.search(s, q, n, fc);
        if (page > 1) {
            ScoreDoc[] all = top.scoreDocs;
            top = new TopDocs(top.totalHits, Arrays.copyOfRange(all, Math.min(all.length, n - HITS), all.length));
        }
        Facets facets = new SortedSetDocValuesFacetCounts(state, fc);
        for (String d : DIMS) {
            counted(facets, FACET_VALUES, d);
        }
        counted(facets, YEARS, "year");
        for (ScoreDoc sd : top.scoreDocs) {
            s.doc(sd.doc);
        }
        if (!text.isEmpty()) {
            h.highlight("body", q, top);
        }
        return top.totalHits.value;
    }
}
