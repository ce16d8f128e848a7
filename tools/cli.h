/*
 * cli.h - what arnorm, artok and arspell share: program name, --version,
 * "Try --help", reading FILE arguments, -o FILE written atomically, and
 * the exit-time check of standard output.  Exit statuses, as grep/diff:
 * CLI_OK 0, CLI_FOUND 1 (arspell found something), CLI_TROUBLE 2.
 */
#ifndef AR_CLI_H
#define AR_CLI_H

#include <stdio.h>
#include <stddef.h>

#include "arabic.h"

enum { CLI_OK = 0, CLI_FOUND = 1, CLI_TROUBLE = 2 };

/* Remember the program name for messages, leave SIGPIPE at its default and
 * register the exit-time check of stdout (write error -> status 2). */
void cli_init(const char *progname);
const char *cli_progname(void);

/* "PROG (libarabic) X.Y.Z", copyright and licence, on stdout; exit 0. */
void cli_version(void);
/* One line (if msg) and "Try 'PROG --help'..." on stderr; exit 2. */
void cli_usage_error(const char *fmt, ...)
        __attribute__((format(printf, 1, 2), noreturn));
/* "PROG: message" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parse --invalid=error|replace|keep; exits 2 on a bad value. */
ar_invalid_mode cli_parse_invalid(const char *arg);

/* Report a library failure on input NAME: for AR_EUTF8
 * "PROG: NAME:LINE:COL (byte N): invalid UTF-8", otherwise
 * "PROG: NAME: <message or ar_strerror>". */
void cli_report(const char *name, ar_status st, const ar_error *err);

/* Display name of an input argument: "-" (or NULL) is "(standard input)",
 * as grep says. */
const char *cli_input_name(const char *arg);

/*
 * Read each FILE (or stdin for "-" or when there is none) in order, calling
 * fn(data, len, ctx) for each chunk read, then done(name, ctx) at the end of
 * each file.  An unreadable file is reported ("PROG: NAME: strerror") and
 * skipped; the return is then CLI_TROUBLE after all files are done.
 * If fn or done returns non-zero, reading of that file stops and the
 * status is CLI_TROUBLE (the callback reports its own error).
 */
typedef int (*cli_chunk_fn)(const char *data, size_t len, void *ctx);
typedef int (*cli_done_fn)(const char *name, int ok, void *ctx);
typedef int (*cli_start_fn)(const char *name, void *ctx);
int cli_read_inputs(char **files, int nfiles, cli_start_fn start,
                    cli_chunk_fn fn, cli_done_fn done, void *ctx);

/* Write to stdout; on failure report and exit 2 (EPIPE: quietly). */
void cli_write(const void *data, size_t len);
void cli_puts(const char *s);

/* Send stdout to PATH through a temporary file in the same directory that
 * is renamed over PATH at a successful exit and removed on failure or on
 * SIGINT/SIGTERM/SIGHUP.  Exits 2 with a message if it cannot be created. */
void cli_output_to(const char *path);

/* Mark the run as failed so that -o FILE is not renamed into place. */
void cli_set_failed(void);

#endif /* AR_CLI_H */
