/**
 * The FastDFS wire protocol: the 10-byte frame header, command and status codes, the incremental
 * {@link org.fastdfs.proto.FrameDecoder}, and the conventions every message record follows.
 *
 * <p>Every request and response body is a Java record in one of the sub-packages, grouped by who
 * talks to whom: {@code tracker} (clients and monitors to a tracker), {@code storage} (clients to a
 * storage), {@code cluster} (storage to tracker and tracker to tracker) and {@code sync} (storage to
 * storage). A record encodes itself with {@link org.fastdfs.proto.WireMessage#encode} and is
 * decoded with a static {@code decode(ByteBuffer[, WireProfile])} that throws
 * {@link org.fastdfs.proto.ProtocolException} carrying the status to answer with.
 *
 * <p>Integers are big-endian, fixed-width strings are NUL-padded and read up to the first NUL,
 * and the layouts that differ between FastDFS generations take a {@link org.fastdfs.proto.WireProfile}.
 */
package org.fastdfs.proto;
