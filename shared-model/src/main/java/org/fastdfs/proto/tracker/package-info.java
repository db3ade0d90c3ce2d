/**
 * Messages clients and monitors exchange with a tracker (PROTOCOL.md §2): query store/fetch/update,
 * list groups and storages, the administrative commands, the 6.15.5+ cluster/volume stats and the
 * lookups (server id, status, storage ids, parameters, group name). One record per request and per
 * reply body; {@link org.fastdfs.proto.tracker.TrackerRequests} decodes any request by command.
 *
 * <p>Where the layout changed between FastDFS generations (group stat 105/113, storage stat
 * 612/487/517, fetch-all with or without the extra ports, the IP width), the reply records take a
 * {@link org.fastdfs.proto.WireProfile} and hold the union of the fields: each layout writes its own
 * and decodes the ones it lacks as 0 or "".
 */
package org.fastdfs.proto.tracker;
