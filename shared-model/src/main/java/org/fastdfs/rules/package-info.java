/** FastDFS rules that the tracker and the storage both apply, such as the reserved space (PROTOCOL.md §7.5). */
package org.fastdfs.rules;
