/**
 * The tracker's view of the cluster as a plain, single-threaded model: groups, their storages and
 * states (PROTOCOL.md §4.11), sync timestamps (§4.7), and the selection rules that answer client
 * queries (§7). No sockets and no clock of its own: the owner feeds it decoded messages and the
 * time. {@link org.fastdfs.tracker.cluster.ClusterState} is the entry point.
 */
package org.fastdfs.tracker.cluster;
