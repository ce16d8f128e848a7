/*
 * cli.h - what arnorm, artok and arspell share: program name, --version,
 * "Try --help", reading FILE arguments, -o FILE written atomically, and
 * the exit-time check of standard output.  Exit statuses, as grep/diff:
 * CLI_OK 0, CLI_FOUND 1 (arspell found something), CLI_TROUBLE 2.
 */
#ifndef AR_CLI_H
#define AR_CLI_H

#include <stdint.h>
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include <sys/types.h>

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

/* Parse --invalid=error|replace|keep; exits 2 on a bad value.  The mode
 * also applies to the conversion of -i ENC (see cli_input_encoding()). */
ar_invalid_mode cli_parse_invalid(const char *arg);

/*
 * -i ENC, --input-encoding=ENC: read the input in ENC, any name that ICU
 * knows ("windows-1256", "ISO-8859-6", "UTF-16", "UTF-16LE"...), converted
 * to UTF-8 a chunk at a time.  Without it the input is UTF-8, or UTF-16
 * when it starts with a UTF-16 byte-order mark.  A byte-order mark is never
 * text: it is skipped.  A sequence that is not valid in ENC stops the file
 * with "NAME:LINE:COL (byte N): invalid ENC" (N: offset in the bytes read),
 * or becomes U+FFFD with --invalid=replace or keep.  An unknown name is a
 * usage error (exit 2).
 */
void cli_input_encoding(const char *name);

/* Bytes of the current input skipped before its text (a UTF-8 BOM): add
 * them to the library's offsets to get offsets into the file.  0 for
 * converted input, whose offsets refer to the UTF-8 conversion. */
uint64_t cli_input_skipped(void);

/* Sequences of the current input replaced with U+FFFD by the conversion
 * (--invalid=replace or keep), and the name of its encoding ("UTF-8" when
 * it is not converted: the library counts what it replaces then). */
uint64_t cli_input_replaced(void);
const char *cli_input_encoding_name(void);

/* getline() on standard input for the pipe mode (-a), with the encoding
 * handled as cli_read_inputs() handles it; the first call reads only what
 * it needs to see a byte-order mark.  What cannot be converted becomes
 * U+FFFD and, unless --invalid=replace or keep, is reported; the exit
 * status is then 2. */
ssize_t cli_getline(char **line, size_t *cap, FILE *fp);

/* Report a library failure on input NAME: for AR_EUTF8
 * "PROG: NAME:LINE:COL (byte N): invalid UTF-8", with "; the input looks
 * like windows-1256: try -i windows-1256" (or UTF-16LE, UTF-16BE) when the
 * bytes read there look so; otherwise "PROG: NAME: <message or
 * ar_strerror>". */
void cli_report(const char *name, ar_status st, const ar_error *err);

/* Display name of an input argument: "-" (or NULL) is "(standard input)",
 * as grep says. */
const char *cli_input_name(const char *arg);

/*
 * Read each FILE (or stdin for "-" or when there is none) in order, calling
 * start(name, ctx), then fn(data, len, ctx) for each chunk of UTF-8 text
 * (converted as cli_input_encoding() says, without a byte-order mark), then
 * done(name, ok, ctx) at the end of each file; ok is 0 when the text was
 * cut short by a read error or by fn, and 1 when it ended, or stopped at a
 * sequence invalid in the input encoding (reported here: the text before
 * it is whole).  An unreadable file is reported ("PROG: NAME: strerror")
 * and skipped; the return is then CLI_TROUBLE after all files are done.
 * If fn or done returns non-zero, reading of that file stops and the
 * status is CLI_TROUBLE (the callback reports its own error).
 */
typedef int (*cli_chunk_fn)(const char *data, size_t len, void *ctx);
typedef int (*cli_done_fn)(const char *name, int ok, void *ctx);
typedef int (*cli_start_fn)(const char *name, void *ctx);
int cli_read_inputs(char **files, int nfiles, cli_start_fn start,
                    cli_chunk_fn fn, cli_done_fn done, void *ctx);

/* Write to stdout now (after what cli_out() holds); on failure report and
 * exit 2 (EPIPE: quietly). */
void cli_write(const void *data, size_t len);
void cli_puts(const char *s);

/*
 * Buffered output, for formats written a few bytes at a time: cli_out*()
 * append to cli_obuf, cli_flush() sends it with cli_write().  cli_write(),
 * the messages and the exit-time check flush it first, so output keeps its
 * order whichever way it was written.
 */
#define CLI_OBUF_SIZE (1 << 16)
extern char cli_obuf[CLI_OBUF_SIZE];
extern size_t cli_olen;

void cli_flush(void);
/* cli_out() when the buffer lacks room: flush, or write a big block. */
void cli_out_slow(const char *s, size_t n);

static inline void cli_out(const char *s, size_t n)
{
	if (n <= CLI_OBUF_SIZE - cli_olen) {
		memcpy(cli_obuf + cli_olen, s, n);
		cli_olen += n;
	} else {
		cli_out_slow(s, n);
	}
}

static inline void cli_outc(char c)
{
	if (cli_olen == CLI_OBUF_SIZE)
		cli_flush();
	cli_obuf[cli_olen++] = c;
}

static inline void cli_outs(const char *s)
{
	cli_out(s, strlen(s));
}

/* Room for n <= CLI_OBUF_SIZE bytes at the end of the buffer: write there,
 * then give the end of what was written to cli_out_end(). */
static inline char *cli_out_room(size_t n)
{
	if (n > CLI_OBUF_SIZE - cli_olen)
		cli_flush();
	return cli_obuf + cli_olen;
}

static inline void cli_out_end(char *end)
{
	cli_olen = (size_t)(end - cli_obuf);
}

/* Decimal v. */
void cli_out_u64(uint64_t v);
/* A JSON string, quotes included: '"', '\\' and controls escaped, and
 * \ufffd for each byte that is not part of valid UTF-8 (a file name, or
 * text kept by --invalid=keep), so that the output is always valid JSON. */
void cli_out_json(const char *s, size_t n);
/* A TSV field: TAB, LF, CR and backslash written as \t, \n, \r, \\. */
void cli_out_tsv(const char *s, size_t n);

/*
 * Fast decimal numbers for bulk formats.  cli_put_u64() writes the digits of
 * v at o and returns their end; o must have 24 bytes of room (whole words
 * are stored past the digits).  cli_put_offset() does the same for numbers
 * that grow by small steps (byte offsets), keeping the high digits of the
 * last one in *c (a zeroed cache is ready to use).
 */
typedef struct cli_numcache {
	uint64_t base; /* a multiple of 10000 */
	uint64_t hi;   /* the digits of base / 10000, as cli_dig4[] */
} cli_numcache;

/* The four decimal digits of 0 to 9999, with leading zeros, as the bytes
 * 0-9 of a little-endian word (filled by cli_init()). */
extern uint32_t cli_dig4[10000];
char *cli_put_big(char *o, uint64_t v);

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define CLI_LE64(x) __builtin_bswap64(x)
#else
#define CLI_LE64(x) (x)
#endif

/* Number of leading zero digits in the eight digits d (bytes 0-9, most
 * significant first): the low bytes that are 0, but the last digit always
 * counts. */
static inline int cli_zeros8(uint64_t d)
{
#if defined(__GNUC__)
	return d ? __builtin_ctzll(d) / 8 : 7;
#else
	int z = 0;

	while (z < 7 && !(d & 0xFF)) {
		d >>= 8;
		z++;
	}
	return z;
#endif
}

/* The eight digits d as characters at o, without leading zeros. */
static inline char *cli_put_digits8(char *o, uint64_t d)
{
	uint64_t w;
	/* bit 56 keeps the last digit when the number is 0 */
	int z = cli_zeros8(d | 1ull << 56);

	w = CLI_LE64((d >> (8 * z)) + 0x3030303030303030ull);
	memcpy(o, &w, 8);
	return o + 8 - z;
}

static inline char *cli_put_u64(char *o, uint64_t v)
{
	uint32_t hi, lo;

	if (v >= 100000000u)
		return cli_put_big(o, v);
	/* below 10^8: two look-ups of four digits */
	hi = (uint32_t)v / 10000u;
	lo = (uint32_t)v - hi * 10000u;
	return cli_put_digits8(o, cli_dig4[hi] | (uint64_t)cli_dig4[lo] << 32);
}

static inline char *cli_put_offset(char *o, uint64_t v, cli_numcache *c)
{
	uint64_t r = v - c->base;

	if (r >= 10000u) {
		uint32_t hi;
		if (v >= 100000000u)
			return cli_put_big(o, v);
		hi = (uint32_t)v / 10000u;
		c->base = (uint64_t)hi * 10000u;
		c->hi = cli_dig4[hi];
		r = v - c->base;
	}
	return cli_put_digits8(o, c->hi | (uint64_t)cli_dig4[r] << 32);
}

/* Send stdout to PATH through a temporary file in the same directory that
 * is renamed over PATH at a successful exit and removed on failure or on
 * any signal that ends the process (SIGHUP, SIGINT, SIGQUIT, SIGTERM,
 * SIGPIPE, SIGXFSZ...; an inherited "ignore" is kept, as nohup needs).
 * Signals are held from the rename on, so a replaced PATH always comes
 * with a successful status.  Exits 2 with a message if it cannot be
 * created. */
void cli_output_to(const char *path);

/* Mark the run as failed so that -o FILE is not renamed into place. */
void cli_set_failed(void);

#endif /* AR_CLI_H */
