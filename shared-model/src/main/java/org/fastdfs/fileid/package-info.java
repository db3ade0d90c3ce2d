/**
 * FastDFS file ids (PROTOCOL.md §6): {@code <group>/M<PP>/<HH>/<LL>/<name>}.
 *
 * <ul>
 *   <li>{@link org.fastdfs.fileid.FileId}: parse, validate and format a file id; derived facts
 *       (type, size, source, create time); on-disk paths; slave, trunk and regenerate helpers.</li>
 *   <li>{@link org.fastdfs.fileid.FileIdBlock}: the 20-byte block behind the 27 base64url
 *       characters (source, timestamp, size word, crc32).</li>
 *   <li>{@link org.fastdfs.fileid.FileSource}: the source storage in a file id, an IPv4 address or
 *       a numeric server id.</li>
 *   <li>{@link org.fastdfs.fileid.ExtPart}: the 7-character extension part and extension checks.</li>
 *   <li>{@link org.fastdfs.fileid.TrunkInfo}: the 16-character trunk slot part of trunk names.</li>
 *   <li>{@link org.fastdfs.fileid.SlaveName}: slave file names.</li>
 * </ul>
 *
 * <p>Nothing here draws random numbers by itself: every random value (the 23 random bits of the
 * size word, the random digits of the extension part) is passed in by the caller, directly or as a
 * {@link java.util.random.RandomGenerator}.
 *
 * <p>Every rejection is an {@link org.fastdfs.fileid.InvalidFileIdException}, a
 * {@link org.fastdfs.proto.ProtocolException} with status EINVAL, so a server that lets it
 * propagate answers exactly as FastDFS does for a malformed file name.
 */
package org.fastdfs.fileid;
