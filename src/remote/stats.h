/* stats.h - `stats --endpoint`: the statistics of publish/stats.h from a
 * SPARQL endpoint (the graphs pushed there), by SPARQL aggregates.  Graph
 * sources are not known there (empty). */
#ifndef KG_REMOTE_STATS_H
#define KG_REMOTE_STATS_H

struct kg_world;
struct kg_remote;
struct kg_gstats;

/* Fills @gs (release with kg_stats_release).  An exit status (reported). */
int kg_stats_remote(struct kg_world *w, const struct kg_remote *r,
                    const char *endpoint, struct kg_gstats *gs);

#endif
