/* cmd.h - the command table: one cmd_<verb>() per subcommand.
 *
 * Adding a command: write src/cmd_<verb>.c with its usage and handler, add
 * its prototype here and its line in commands[] (main.c), document it in
 * docs/mednum-kg.1 (a test checks both agree), add golden cases.
 */
#ifndef KG_CMD_H
#define KG_CMD_H

#include "cli/ctx.h"

struct kg_cmd {
  const char *name;
  int (*fn)(int argc, char **argv, struct kg_ctx *ctx);
  const char *summary;
};

/* Each returns an enum kg_exit value.  argv[0] is the command name. */
int cmd_extract(int argc, char **argv, struct kg_ctx *ctx);
int cmd_export(int argc, char **argv, struct kg_ctx *ctx);
int cmd_query(int argc, char **argv, struct kg_ctx *ctx);
int cmd_queries(int argc, char **argv, struct kg_ctx *ctx);
int cmd_load(int argc, char **argv, struct kg_ctx *ctx);
int cmd_unload(int argc, char **argv, struct kg_ctx *ctx);
int cmd_store(int argc, char **argv, struct kg_ctx *ctx);
int cmd_stats(int argc, char **argv, struct kg_ctx *ctx);
int cmd_validate(int argc, char **argv, struct kg_ctx *ctx);
int cmd_candidates(int argc, char **argv, struct kg_ctx *ctx);
int cmd_curate(int argc, char **argv, struct kg_ctx *ctx);
int cmd_serve(int argc, char **argv, struct kg_ctx *ctx);
int cmd_push(int argc, char **argv, struct kg_ctx *ctx);

/* Shared option helpers for commands. */
/* 1 if @arg is -h or --help. */
int kg_cmd_is_help(const char *arg);
/* Prints @usage to stdout (code 0) or the short error form to stderr. */
int kg_cmd_usage(const char *usage, int code);
/* Parses the options of the commands that write the store (load, unload):
 * --wait SECONDS (*wait: the seconds, or -1 without the option),
 * --no-reference, -h.  Returns -1 and sets *first to the first operand,
 * or the exit code the command returns at once. */
int kg_cmd_write_options(int argc, char **argv, const char *usage,
                         int *no_ref, double *wait, int *first);

/* Options come before the files: an operand from argv[@first] on that
 * looks like an option (and no "--" came before them) is a usage error.
 * Returns -1, or the exit code the command returns at once. */
int kg_cmd_no_late_option(int argc, char **argv, int first);

/* Sets *@v to the value of limit option @o, a number from 0 to 10^12 (a
 * whole one when @whole).  KG_EXIT_OK or a usage error. */
int kg_cmd_limit(const char *o, const char *val, int whole, double *v);

struct kg_stmts;
/* Appends to @l the statements of each file: a report (.md .markdown .txt)
 * through the extractor, RDF by its extension in the default graph; with
 * no extension or an unknown one, or a directory, what `load` would read
 * (store/store.h, kg_store_inputs_add()); *reports counts the reports.  KG_EXIT_OK, or the exit status of the first file that failed
 * (reported). */
int kg_cmd_read_data(struct kg_ctx *ctx, char *const *paths, size_t n,
                     struct kg_stmts *l, int *reports);

#endif
