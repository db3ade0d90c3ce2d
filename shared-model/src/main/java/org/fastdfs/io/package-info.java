/** Blocking network I/O helpers shared by the client library and the storage's replication sender. */
package org.fastdfs.io;
