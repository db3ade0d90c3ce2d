/**
 * Store paths on the local file system (PROTOCOL.md §6.9, §9.4): {@code <store_path>/data/HH/LL/name}
 * with {@code -m} metadata sidecars, created on first start and served as-is afterwards, so an
 * existing FastDFS store path works unchanged.
 */
package org.fastdfs.storage.disk;
