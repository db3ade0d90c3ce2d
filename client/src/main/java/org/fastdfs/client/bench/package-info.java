/**
 * The benchmark engine behind {@code fdfs bench}: load a FastDFS cluster (ours or C FastDFS) through
 * the client library and measure it.
 *
 * <ul>
 *   <li>{@link org.fastdfs.client.bench.BenchSpec} describes a scenario (operation mix, sizes,
 *       connections, count or duration, warm-up); {@link org.fastdfs.client.bench.BenchRunner} runs
 *       it and returns a {@link org.fastdfs.client.bench.BenchResult}.</li>
 *   <li>{@link org.fastdfs.client.bench.Ceilings} measures what the machine can do without FastDFS
 *       (loopback sendfile, create + write + rename of small files).</li>
 *   <li>{@link org.fastdfs.client.bench.Suite} runs the ceilings and the standard scenarios, as
 *       {@code bench/run} records them, into a {@link org.fastdfs.client.bench.SuiteResult} (JSON
 *       and markdown).</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Closed loop, one thread per connection.</b> Each of the N platform threads runs one
 *       library call at a time, so N is the concurrency the servers see. The client gets a pool of
 *       N connections per server. Latency is that of the library call, tracker query included, as
 *       an application sees it.</li>
 *   <li><b>The servers, not the client's disk.</b> Uploads send one random payload per size from
 *       memory (generated once, fixed seed); downloads write to a discarding stream.</li>
 *   <li><b>Deterministic mix.</b> Operation n of a run is a fixed function of n (smooth weighted
 *       round robin over the weights), so a count-limited run does exactly the expected number of
 *       each operation, whatever the thread scheduling.</li>
 *   <li><b>Files to work on</b> come from an unmeasured setup phase (uploads) or from
 *       {@code --ids-in}; reads cycle over them, deletes consume one each. Files the run made are
 *       deleted at the end (unmeasured) unless kept; given ids are never deleted except by delete
 *       operations.</li>
 *   <li><b>Latency histogram</b> written here, lock-free, log-linear buckets (64 per power of two):
 *       percentiles within 1.6 %, never above the maximum. No HdrHistogram dependency.</li>
 *   <li><b>JSON</b> is written by hand ({@link org.fastdfs.client.bench.Json}): no library.</li>
 *   <li><b>Process figures</b> (RSS, peak RSS, CPU time) come from {@code /proc/PID} of the watched
 *       local processes and of the client itself, read right before and after the measured phase;
 *       CPU is reported per 1,000 operations, with the part of it a JVM's JIT compiler threads
 *       used ({@code /proc/PID/task}); the whole machine's busy cores and the hypervisor's steal
 *       come from {@code /proc/stat} over the same phase. Elsewhere than Linux they are left out.</li>
 *   <li><b>Warm-up</b> by count or time, then optionally ({@code --settle}) on in one-second rounds
 *       until the watched JVMs' (and the client's) compilers were quiet two rounds in a row: a JVM server is measured in
 *       its steady state.</li>
 *   <li><b>Errors</b> are counted per operation and grouped by message (file ids replaced by
 *       FILE); a run fails (exit code 1) when they exceed {@code --max-errors}. A setup failure
 *       aborts the run with that error.</li>
 * </ul>
 */
package org.fastdfs.client.bench;
