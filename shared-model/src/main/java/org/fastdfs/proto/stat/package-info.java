/** Structs shared by several commands: the 348-byte stat block and the storage brief. */
package org.fastdfs.proto.stat;
