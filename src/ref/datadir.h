/* datadir.h - where the reference data (ontology/, queries/, data/) lives.
 *
 * In order: the --data-dir option, $MEDNUM_KG_DATA, then beside the
 * program: EXE_DIR/../share/mednum-kg (an installed copy, wherever its
 * prefix was moved), EXE_DIR/.. (the build tree: build/mednum-kg), and
 * last the directory compiled in (KG_DATADIR, $(PREFIX)/share/mednum-kg).
 * A directory found beside the program counts only when it holds
 * ontology/mn.ttl; one named by the option or the variable is taken as
 * given, and a missing file in it is reported when first read.
 */
#ifndef KG_DATADIR_H
#define KG_DATADIR_H

/* The data directory for @option (NULL: not given).  Returns a new string
 * (caller frees). */
char *kg_datadir_find(const char *option);

#endif
