/** The Java client library for FastDFS trackers and storages. */
package org.fastdfs.client;
