package org.fastdfs.tracker;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/** The cluster over REST: what {@code fdfs_monitor} shows, as JSON. */
@Path("/cluster")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    private final ClusterService cluster;

    ClusterResource(ClusterService cluster) {
        this.cluster = cluster;
    }

    @GET
    public CompletionStage<ClusterView> view() {
        return cluster.view().toCompletionStage();
    }

    @GET
    @Path("/groups/{group}")
    public CompletionStage<ClusterView.GroupView> group(@PathParam("group") String group) {
        return cluster.view().map(v -> v.groups().stream().filter(g -> g.name().equals(group)).findFirst()
                .orElseThrow(() -> new NotFoundException("no group " + group))).toCompletionStage();
    }
}
