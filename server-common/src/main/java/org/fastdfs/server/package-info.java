/**
 * Vert.x TCP plumbing shared by the tracker and the storage.
 *
 * <p>{@link org.fastdfs.server.FramedConnection} owns one socket and its
 * {@link org.fastdfs.proto.FrameDecoder}: it answers ACTIVE_TEST and QUIT itself, hands every other
 * request to a {@link org.fastdfs.server.RequestDispatcher}, and serves requests strictly one at a
 * time: the socket is paused from the moment a request is complete until it has been answered.
 * Malformed input is answered with EINVAL and the connection is closed, as the C storage does.
 */
package org.fastdfs.server;
