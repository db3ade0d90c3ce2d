/**
 * The {@code fdfs} command-line tool ({@link org.fastdfs.client.cli.Fdfs}, picocli), one class per
 * subcommand: upload, download, delete, info, meta get/set, append, monitor, bench (with
 * {@code bench ceiling sendfile|files} and {@code bench suite}; the engine is {@code org.fastdfs.client.bench}).
 *
 * <p>Output for scripts on stdout (file ids, metadata lines, info and monitor text), messages on
 * stderr. Exit codes: 0 ok, 1 FastDFS status or local file error, 2 usage error (including a
 * malformed file id), 3 network error. A progress bar is drawn on stderr only when stderr is a
 * terminal ({@code System.console() != null}) and the transfer is at least 4 MiB.
 */
package org.fastdfs.client.cli;
