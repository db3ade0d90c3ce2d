/** FastDFS storage server. */
package org.fastdfs.storage;
