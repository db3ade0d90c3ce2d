/**
 * The storage's local state: {@link org.fastdfs.storage.store.FileStore} (store paths, temp files,
 * naming and placing new files, binlog, locks, worker pools), the round-robin directory cursor, the stat
 * counters and their {@code storage_stat.dat}, {@code .data_init_flag}, the reserved-space rule, the
 * store path choice, and the identity recorded in new file names.
 *
 * <p>The tracker reporter can change at run time what FastDFS takes from the tracker: the reserve and
 * the store path mode ({@link org.fastdfs.storage.store.StorePathSelector}), and the IP or server id in
 * new names ({@link org.fastdfs.storage.store.StorageIdentity}); it reads the counters from
 * {@link org.fastdfs.storage.store.StorageStats} and disk usage from the file store.
 */
package org.fastdfs.storage.store;
