/** FastDFS tracker server. */
package org.fastdfs.tracker;
