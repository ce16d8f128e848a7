/*
 * cli.c - shared command-line plumbing of the libarabic tools, so that the
 * three tools agree on messages, exit statuses and output handling (GNU
 * Coding Standards, "Standards for Command Line Interfaces").
 */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#define CLI_CHUNK (64 * 1024)

/* Tool-wide state of a short-lived process (not library state). */
static const char *progname = "libarabic";
static char tmp_path[PATH_MAX];   /* -o temporary file, "" if none */
static char final_path[PATH_MAX]; /* -o target */
static volatile sig_atomic_t failed;
static sigset_t caught;            /* the signals that remove tmp_path */
static ar_invalid_mode in_invalid; /* --invalid, also for conversions */

/*
 * The tools read UTF-8.  Other encodings go through an ICU converter, one
 * chunk at a time, into UTF-8; a byte-order mark is not text and is
 * skipped.  The state of the file being read (or of standard input in the
 * pipe mode) is kept here, so that messages can name positions in it.
 */
typedef struct decoder {
	UConverter *cnv;   /* NULL: UTF-8, passed through */
	const char *enc;   /* the encoding's name in messages */
	const char *name;  /* the input's name in messages */
	int active;        /* between the start and the end of a file */
	uint64_t skipped;  /* bytes before the text (a UTF-8 BOM) */
	uint64_t consumed; /* bytes of the input decoded so far */
	uint64_t line;     /* where the decoded text has reached, */
	uint64_t col;      /* counted as ar_error counts */
	int started;       /* some text decoded: a U+FEFF is no BOM now */
	UChar lead;        /* a lead surrogate waiting for its trail */
	int report_each;   /* pipe mode: report each replaced sequence */
	uint64_t replaced; /* sequences replaced by U+FFFD */
	int trouble;       /* pipe mode: a sequence was reported */
	int bad;           /* the input stopped at an invalid sequence */
	/* the last chunk of raw bytes read, for the hint of cli_report() */
	const char *raw;
	size_t raw_len;
	uint64_t raw_off; /* its offset in the input */
} decoder;

static const char *guess_utf16(const unsigned char *p, size_t n, uint64_t off,
                               unsigned pct);

static const char *in_enc; /* -i ENC, NULL if not given */
static int in_enc_utf8;    /* -i names UTF-8 */
static decoder dec;        /* of the file being read */

static void dig4_init(void);

const char *cli_progname(void)
{
	return progname;
}

void cli_set_failed(void)
{
	failed = 1;
}

static void remove_tmp(void)
{
	if (tmp_path[0])
		unlink(tmp_path);
	tmp_path[0] = '\0';
}

/* Check, at exit, that everything written to stdout reached its
 * destination: a full disk must not look like success. */
static void close_stdout(void)
{
	int bad, e;

	cli_flush();
	bad = ferror(stdout);
	e = errno;

	if (fclose(stdout) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	if (bad) {
		remove_tmp();
		if (e != EPIPE)
			fprintf(stderr, "%s: write error: %s\n", progname,
			        strerror(e));
		_exit(CLI_TROUBLE);
	}
	if (tmp_path[0]) {
		/* From here on no signal ends the process: once the rename has
		 * replaced FILE, the status must say success. */
		sigprocmask(SIG_BLOCK, &caught, NULL);
		if (failed) {
			remove_tmp();
		} else if (rename(tmp_path, final_path) != 0) {
			fprintf(stderr, "%s: %s: %s\n", progname, final_path,
			        strerror(errno));
			remove_tmp();
			_exit(CLI_TROUBLE);
		} else {
			tmp_path[0] = '\0';
		}
	}
	/* The pipe mode has no file to fail: input it could not convert
	 * (reported at the time) makes the status 2. */
	if (dec.trouble)
		_exit(CLI_TROUBLE);
}

void cli_init(const char *name)
{
	const char *slash = strrchr(name, '/');
	progname = slash ? slash + 1 : name;
	signal(SIGPIPE, SIG_DFL);
	dig4_init();
	atexit(close_stdout);
}

void cli_version(void)
{
	printf("%s (libarabic) %s\n", progname, ar_version());
	printf("Copyright (C) 2026 the libarabic authors.\n"
	       "License MIT: see the COPYING file of the distribution.\n"
	       "This is free software: you are free to change and "
	       "redistribute it.\nThere is NO WARRANTY, to the extent "
	       "permitted by law.\n");
	exit(CLI_OK);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	cli_flush();
	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		fprintf(stderr, "%s: ", progname);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	exit(CLI_TROUBLE);
}

ar_invalid_mode cli_parse_invalid(const char *arg)
{
	if (strcmp(arg, "error") == 0)
		in_invalid = AR_INVALID_ERROR;
	else if (strcmp(arg, "replace") == 0)
		in_invalid = AR_INVALID_REPLACE;
	else if (strcmp(arg, "keep") == 0)
		in_invalid = AR_INVALID_KEEP;
	else
		cli_usage_error("invalid argument '%s' for '--invalid' "
		                "(valid: error, replace, keep)",
		                arg);
	return in_invalid;
}

const char *cli_input_name(const char *arg)
{
	return (!arg || strcmp(arg, "-") == 0) ? "(standard input)" : arg;
}

/* ---- input encodings ---------------------------------------------------- */

/* "NAME:LINE:COL (byte N): invalid ENC", without "(byte N)" when off is
 * not known. */
static void dec_report(decoder *d, const uint64_t *off)
{
	char where[40] = "";

	if (off)
		snprintf(where, sizeof where, " (byte %llu)",
		         (unsigned long long)*off);
	cli_error("%s:%llu:%llu%s: invalid %s", d->name,
	          (unsigned long long)d->line, (unsigned long long)d->col,
	          where, d->enc);
}

/* ICU calls this for each sequence that is not valid in the encoding (or
 * has no Unicode value) under --invalid=replace or keep, and in the pipe
 * mode: count it and put U+FFFD in its place.  The pipe mode gives ICU one
 * byte at a time, and ICU may have taken bytes after the sequence already:
 * its offset is not known there, its line and column are. */
static void on_bad_sequence(const void *context, UConverterToUnicodeArgs *args,
                            const char *bytes, int32_t length,
                            UConverterCallbackReason reason, UErrorCode *e)
{
	static const UChar fffd = 0xFFFD;
	decoder *d = (decoder *)context;

	(void)bytes;
	(void)length;
	if (reason > UCNV_IRREGULAR)
		return;
	d->replaced++;
	if (d->report_each) {
		dec_report(d, NULL);
		d->trouble = 1;
	}
	*e = U_ZERO_ERROR;
	ucnv_cbToUWriteUChars(args, &fffd, 1, 0, e);
}

/* Open the converter of ENC for d; 0, or -1 with *e set. */
static int dec_open(decoder *d, const char *enc, UErrorCode *e)
{
	d->cnv = ucnv_open(enc, e);
	if (U_FAILURE(*e))
		return -1;
	if (!d->report_each && in_invalid == AR_INVALID_ERROR)
		ucnv_setToUCallBack(d->cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL,
		                    NULL, e);
	else
		ucnv_setToUCallBack(d->cnv, on_bad_sequence, d, NULL, NULL, e);
	if (U_FAILURE(*e)) {
		ucnv_close(d->cnv);
		d->cnv = NULL;
		return -1;
	}
	return 0;
}

void cli_input_encoding(const char *name)
{
	UErrorCode e = U_ZERO_ERROR;
	UConverter *cnv;

	/* ICU takes "" for the platform's default encoding: not a name */
	cnv = name[0] ? ucnv_open(name, &e) : NULL;
	if (!cnv || U_FAILURE(e))
		cli_usage_error("unknown input encoding '%s' ('uconv -l' lists "
		                "the names)",
		                name);
	in_enc = name;
	in_enc_utf8 = strcmp(ucnv_getName(cnv, &e), "UTF-8") == 0;
	ucnv_close(cnv);
}

/*
 * Choose how to read an input that starts with the n bytes at p: -i ENC,
 * else UTF-16 after a UTF-16 byte-order mark, else UTF-8.  Returns the
 * bytes to skip (a UTF-8 BOM), or -1 after a message.
 */
static int dec_begin(decoder *d, const char *name, const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	UErrorCode e = U_ZERO_ERROR;
	const char *enc = in_enc;
	int report_each = d->report_each;

	memset(d, 0, sizeof *d);
	d->report_each = report_each;
	d->name = name;
	d->enc = "UTF-8";
	d->line = 1;
	d->col = 1;
	d->active = 1;
	if (!enc && n >= 2 &&
	    ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		/* ICU's "UTF-16" reads the BOM and takes its byte order */
		enc = "UTF-16";
	if (!enc && in_invalid == AR_INVALID_ERROR) {
		/* Without a BOM, UTF-16 is mostly valid UTF-8 (ASCII
		 * controls): it would go through as nonsense. */
		const char *utf16 = guess_utf16(u, n < 512 ? n : 512, 0, 90);
		if (utf16) {
			cli_error("%s: the input looks like %s without a "
			          "byte-order mark: try -i %s",
			          name, utf16, utf16);
			d->active = 0;
			return -1;
		}
	}
	if (!enc || in_enc_utf8) {
		if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
			d->skipped = 3;
		return (int)d->skipped;
	}
	if (dec_open(d, enc, &e) != 0) {
		cli_error("%s: %s: %s", name, enc, u_errorName(e));
		d->active = 0;
		return -1;
	}
	d->enc = enc != in_enc ? (u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE") : enc;
	return 0;
}

static void dec_end(decoder *d)
{
	if (d->cnv)
		ucnv_close(d->cnv);
	d->cnv = NULL;
	d->active = 0;
}

/* UTF-16 to UTF-8 at o, which has room for 3 bytes a unit; returns the
 * end.  A lead surrogate at the end is kept in d->lead for the next call
 * unless this is the last. */
static char *utf16_to_utf8(decoder *d, char *o, const UChar *u,
                           const UChar *end, int last)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t len = 0;

	if (!last && end > u && U16_IS_LEAD(end[-1]))
		d->lead = *--end;
	/* ICU makes no lone surrogate: U+FFFD would stand for one */
	u_strToUTF8WithSub(o, (int32_t)(3 * (end - u)), &len, u,
	                   (int32_t)(end - u), 0xFFFD, NULL, &e);
	return U_FAILURE(e) ? o : o + len;
}

/* Decoded text s[0..n): drop a leading U+FEFF (a byte-order mark that
 * the encoding's converter kept) and count lines and columns as the
 * library does; returns the start of what remains. */
static const char *dec_advance(decoder *d, const char *s, size_t *n)
{
	const char *p, *end, *nl;

	if (!d->started && *n) {
		d->started = 1;
		if (*n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			*n -= 3;
		}
	}
	/* the column counts characters after the last line end only */
	p = s;
	end = s + *n;
	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		d->line++;
		d->col = 1;
		p = nl + 1;
	}
	for (; p < end; p++)
		d->col += ((unsigned char)*p & 0xC0) != 0x80;
	return s;
}

/* Convert the n bytes at src (at offset src_off of the input; n = 0 and
 * last at the end) and give the UTF-8 to fn.  0, or -1 after a message
 * or when fn asks to stop. */
static int dec_convert(decoder *d, const char *src, size_t n, int last,
                       cli_chunk_fn fn, void *ctx)
{
	static UChar u[CLI_CHUNK + 1];
	static char out[3 * (CLI_CHUNK + 1)];
	const char *s = src, *end = src + n;

	for (;;) {
		UErrorCode e = U_ZERO_ERROR;
		UChar *t = u;
		const char *o;
		size_t k;
		if (d->lead) {
			*t++ = d->lead;
			d->lead = 0;
		}
		ucnv_toUnicode(d->cnv, &t, u + CLI_CHUNK + 1, &s, end, NULL,
		               (UBool)last, &e);
		k = (size_t)(utf16_to_utf8(
		                     d, out, u, t,
		                     last && e != U_BUFFER_OVERFLOW_ERROR) -
		             out);
		o = dec_advance(d, out, &k);
		if (k && fn(o, k, ctx) != 0)
			return -1;
		if (e == U_BUFFER_OVERFLOW_ERROR)
			continue;
		if (U_FAILURE(e)) {
			char bad[32];
			int8_t len = (int8_t)sizeof bad;
			uint64_t off;
			UErrorCode e2 = U_ZERO_ERROR;
			ucnv_getInvalidChars(d->cnv, bad, &len, &e2);
			if (U_FAILURE(e2))
				len = 0;
			off = d->consumed + (uint64_t)(s - src) - (uint64_t)len;
			dec_report(d, &off);
			d->bad = 1;
			return -1;
		}
		d->consumed += n;
		return 0;
	}
}

uint64_t cli_input_skipped(void)
{
	return dec.active ? dec.skipped : 0;
}

uint64_t cli_input_replaced(void)
{
	return dec.active ? dec.replaced : 0;
}

const char *cli_input_encoding_name(void)
{
	return dec.active ? dec.enc : "UTF-8";
}

/* In Windows-1256: 2 for an Arabic letter, 1 for an Arabic mark, tatweel
 * or punctuation, 0 for anything else. */
static int cp1256_arabic(unsigned char c)
{
	if ((c >= 0xC1 && c <= 0xDF && c != 0xD7 && c != 0xDC) || c == 0xE1 ||
	    (c >= 0xE3 && c <= 0xE6) || c == 0xEC || c == 0xED || c == 0x81 ||
	    c == 0x8D || c == 0x8E || c == 0x90 || c == 0x98)
		return 2;
	return (c >= 0xF0 && c <= 0xF3) || c == 0xF5 || c == 0xF6 ||
	       c == 0xF8 || c == 0xFA || c == 0xDC || c == 0xA1 || c == 0xBA ||
	       c == 0xBF;
}

/*
 * "UTF-16LE" or "UTF-16BE" when the n bytes at p (at offset off of the
 * input) look like UTF-16 text: in one byte of each pair, the high byte of
 * a Latin or Arabic character (0x00 or 0x06) at least `pct` per cent of
 * the time, and in the other at most 100 - pct per cent.  NULL otherwise.
 */
static const char *guess_utf16(const unsigned char *p, size_t n, uint64_t off,
                               unsigned pct)
{
	size_t i, hi[2] = { 0, 0 }, all[2] = { 0, 0 };

	if (n < 8)
		return NULL;
	for (i = 0; i < n; i++) {
		int odd = (int)((off + i) & 1);
		all[odd]++;
		hi[odd] += p[i] == 0x00 || p[i] == 0x06;
	}
	if (100 * hi[1] >= pct * all[1] && 100 * hi[0] <= (100 - pct) * all[0])
		return "UTF-16LE";
	if (100 * hi[0] >= pct * all[0] && 100 * hi[1] <= (100 - pct) * all[1])
		return "UTF-16BE";
	return NULL;
}

/*
 * What the bytes around offset off of the input seem to be, when they are
 * not UTF-8: UTF-16 (guess_utf16()), or "windows-1256" when the bytes above
 * 0x7F are Arabic letters and marks there, three letters at least; NULL
 * when they look like neither.  Only the last chunk read is looked at.
 */
static const char *dec_guess(const decoder *d, uint64_t off)
{
	const unsigned char *p = (const unsigned char *)d->raw;
	size_t a, b, i, high = 0, letters = 0, marks = 0;
	const char *utf16;

	if (!d->active || d->cnv || !p || !d->raw_len)
		return NULL;
	a = off < d->raw_off ? 0 : (size_t)(off - d->raw_off);
	if (a > d->raw_len)
		a = d->raw_len;
	b = a + 256 < d->raw_len ? a + 256 : d->raw_len;
	a = a > 256 ? a - 256 : 0;
	utf16 = guess_utf16(p + a, b - a, d->raw_off + a, 50);
	if (utf16)
		return utf16;
	for (i = a; i < b; i++) {
		if (p[i] >= 0x80) {
			int k = cp1256_arabic(p[i]);
			high++;
			letters += k == 2;
			marks += k == 1;
		}
	}
	if (letters >= 3 && 4 * (letters + marks) >= 3 * high)
		return "windows-1256";
	return NULL;
}

void cli_report(const char *name, ar_status st, const ar_error *err)
{
	if (st == AR_EUTF8 && err) {
		uint64_t off = err->offset + cli_input_skipped();
		const char *guess = dec_guess(&dec, off);
		cli_error("%s:%llu:%llu (byte %llu): invalid UTF-8%s%s%s%s",
		          name, (unsigned long long)err->line,
		          (unsigned long long)err->column,
		          (unsigned long long)off,
		          guess ? "; the input looks like " : "",
		          guess ? guess : "", guess ? ": try -i " : "",
		          guess ? guess : "");
	} else if (err && err->message[0]) {
		cli_error("%s: %s", name, err->message);
	} else {
		cli_error("%s: %s", name, ar_strerror(st));
	}
}

/* Give the n bytes read at buf (at offset d->raw_off) to fn, converted if
 * need be.  skip: bytes at the start that are not text. */
static int dec_feed(decoder *d, const char *buf, size_t n, size_t skip,
                    cli_chunk_fn fn, void *ctx)
{
	d->raw = buf;
	d->raw_len = n;
	if (d->cnv)
		return dec_convert(d, buf + skip, n - skip, 0, fn, ctx);
	d->consumed += n;
	return n > skip ? fn(buf + skip, n - skip, ctx) : 0;
}

static int read_one(FILE *fp, const char *name, char *buf, size_t n,
                    size_t skip, cli_chunk_fn fn, void *ctx)
{
	do {
		if (dec_feed(&dec, buf, n, skip, fn, ctx) != 0)
			return -1;
		dec.raw_off += n;
		skip = 0;
	} while ((n = fread(buf, 1, CLI_CHUNK, fp)) > 0);
	if (ferror(fp)) {
		cli_error("%s: %s", name, strerror(errno));
		return -1;
	}
	if (dec.cnv)
		return dec_convert(&dec, NULL, 0, 1, fn, ctx);
	return 0;
}

int cli_read_inputs(char **files, int nfiles, cli_start_fn start,
                    cli_chunk_fn fn, cli_done_fn done, void *ctx)
{
	static char *dash[] = { "-" };
	static char buf[CLI_CHUNK];
	int status = CLI_OK, i;

	if (nfiles == 0) {
		files = dash;
		nfiles = 1;
	}
	for (i = 0; i < nfiles; i++) {
		const char *name = cli_input_name(files[i]);
		int is_stdin = strcmp(files[i], "-") == 0;
		FILE *fp = is_stdin ? stdin : fopen(files[i], "rb");
		struct stat st;
		int r, skip;
		size_t n;

		if (!fp) {
			cli_error("%s: %s", name, strerror(errno));
			status = CLI_TROUBLE;
			continue;
		}
		if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
			cli_error("%s: %s", name, strerror(EISDIR));
			if (!is_stdin)
				fclose(fp);
			status = CLI_TROUBLE;
			continue;
		}
		/* the first bytes tell the encoding; a read error is
		 * reported after the start, as before */
		n = fread(buf, 1, sizeof buf, fp);
		skip = dec_begin(&dec, name, buf, n);
		if (skip < 0 || (start && start(name, ctx) != 0)) {
			dec_end(&dec);
			if (!is_stdin)
				fclose(fp);
			status = CLI_TROUBLE;
			continue;
		}
		if (n == 0 && ferror(fp)) {
			cli_error("%s: %s", name, strerror(errno));
			r = -1;
		} else {
			r = read_one(fp, name, buf, n, (size_t)skip, fn, ctx);
		}
		/* text before an invalid sequence is text: the tool
		 * finishes it, as the library does before invalid UTF-8 */
		if (done && done(name, r == 0 || dec.bad, ctx) != 0)
			r = -1;
		dec_end(&dec);
		if (r != 0)
			status = CLI_TROUBLE;
		if (is_stdin)
			clearerr(stdin);
		else
			fclose(fp);
	}
	if (status != CLI_OK)
		cli_set_failed();
	return status;
}

static void write_failed(void)
{
	int e = errno;

	remove_tmp();
	if (e != EPIPE)
		fprintf(stderr, "%s: write error: %s\n", progname, strerror(e));
	_exit(CLI_TROUBLE);
}

static void write_now(const void *data, size_t len)
{
	if (len && fwrite(data, 1, len, stdout) != len)
		write_failed();
}

void cli_flush(void)
{
	size_t n = cli_olen;

	cli_olen = 0;
	write_now(cli_obuf, n);
}

void cli_write(const void *data, size_t len)
{
	if (cli_olen)
		cli_flush();
	write_now(data, len);
}

void cli_puts(const char *s)
{
	cli_write(s, strlen(s));
}

/* ---- buffered output -------------------------------------------------- */

char cli_obuf[CLI_OBUF_SIZE];
size_t cli_olen;
uint32_t cli_dig4[10000];

void cli_out_slow(const char *s, size_t n)
{
	cli_flush();
	if (n > CLI_OBUF_SIZE)
		write_now(s, n);
	else
		cli_out(s, n);
}

/* The eight decimal digits of v < 10^8, most significant first, as the
 * bytes 0-9 of a little-endian word (SWAR: four lanes, then two, then one
 * digit each; every product stays inside its lane). */
static uint64_t digits8(uint32_t v)
{
	uint64_t x, q;

	/* two lanes of 32 bits: v / 10^4 in the low one (printed first) */
	x = (uint64_t)(v / 10000u) | ((uint64_t)(v % 10000u) << 32);
	/* four lanes of 16 bits: each lane divided by 100 */
	q = ((x * 10486u) >> 20) & 0x0000007F0000007Full;
	x = q | ((x - q * 100u) << 16);
	/* eight lanes of 8 bits: each lane divided by 10 */
	q = ((x * 103u) >> 10) & 0x000F000F000F000Full;
	return q | ((x - q * 10u) << 8);
}

static void dig4_init(void)
{
	uint32_t v;

	for (v = 0; v < 10000; v++)
		cli_dig4[v] = (uint32_t)(digits8(v) >> 32);
}

char *cli_put_big(char *o, uint64_t v)
{
	uint64_t hi = v / 100000000u, w;

	if (hi >= 100000000u)
		o = cli_put_big(o, hi);
	else
		o = cli_put_digits8(o, digits8((uint32_t)hi));
	/* the low eight digits, leading zeros included */
	w = CLI_LE64(digits8((uint32_t)(v % 100000000u)) +
	             0x3030303030303030ull);
	memcpy(o, &w, 8);
	return o + 8;
}

void cli_out_u64(uint64_t v)
{
	cli_out_end(cli_put_u64(cli_out_room(24), v));
}

void cli_out_json(const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;

	cli_outc('"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t l;
		if (c >= 0x80) {
			l = ar_utf8_decode(&cp, s + i, n - i);
			if (l == 0) {
				cli_out("\\ufffd", 6);
				i++;
			} else {
				cli_out(s + i, l);
				i += l;
			}
			continue;
		}
		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };
			cli_out(e, 2);
		} else if (c < 0x20) {
			char e[6] = { '\\', 'u',         '0',
				      '0',  hex[c >> 4], hex[c & 15] };
			cli_out(e, 6);
		} else {
			cli_outc((char)c);
		}
		i++;
	}
	cli_outc('"');
}

void cli_out_tsv(const char *s, size_t n)
{
	size_t i, a = 0;

	for (i = 0; i < n; i++) {
		const char *e;
		switch (s[i]) {
		case '\t':
			e = "\\t";
			break;
		case '\n':
			e = "\\n";
			break;
		case '\r':
			e = "\\r";
			break;
		case '\\':
			e = "\\\\";
			break;
		default:
			continue;
		}
		cli_out(s + a, i - a);
		cli_out(e, 2);
		a = i + 1;
	}
	cli_out(s + a, n - a);
}

/* The signals that end a process by default and may come from outside
 * while -o FILE is written: each removes the temporary file first.  With
 * -o, standard output is a file: SIGPIPE can only come from standard error
 * or kill. */
static const int fatal_signals[] = {
	SIGHUP,  SIGINT,  SIGQUIT, SIGTERM, SIGPIPE,   SIGALRM,
	SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
#ifdef SIGPOLL
	SIGPOLL,
#endif
};

static void on_signal(int sig)
{
	if (tmp_path[0])
		unlink(tmp_path);
	signal(sig, SIG_DFL);
	raise(sig); /* delivered when the handler returns */
}

/* Catch the fatal signals, but leave an ignored one ignored: "nohup arnorm
 * -o FILE &" must outlive the terminal, and a shell runs background jobs
 * with SIGINT and SIGQUIT ignored. */
static void catch_signals(void)
{
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_mask = caught; /* one handler at a time */
	for (i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++)
		if (sigaction(fatal_signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(fatal_signals[i], &sa, NULL);
}

void cli_output_to(const char *path)
{
	const char *slash = strrchr(path, '/');
	sigset_t before;
	int fd, n;

	if (slash)
		n = snprintf(tmp_path, sizeof tmp_path, "%.*s/.%s.XXXXXX",
		             (int)(slash - path), path, slash + 1);
	else
		n = snprintf(tmp_path, sizeof tmp_path, ".%s.XXXXXX", path);
	if (n < 0 || (size_t)n >= sizeof tmp_path ||
	    strlen(path) >= sizeof final_path) {
		tmp_path[0] = '\0';
		cli_error("%s: %s", path, strerror(ENAMETOOLONG));
		exit(CLI_TROUBLE);
	}
	strcpy(final_path, path);
	/* no signal between the creation of the file and its handlers */
	sigemptyset(&caught);
	for (n = 0; n < (int)(sizeof fatal_signals / sizeof *fatal_signals);
	     n++)
		sigaddset(&caught, fatal_signals[n]);
	sigprocmask(SIG_BLOCK, &caught, &before);
	fd = mkstemp(tmp_path);
	if (fd < 0) {
		int e = errno;
		tmp_path[0] = '\0';
		cli_error("%s: %s", path, strerror(e));
		exit(CLI_TROUBLE);
	}
	catch_signals();
	sigprocmask(SIG_SETMASK, &before, NULL);
	/* mkstemp creates 0600; give the file the usual umask'd 0666. */
	{
		mode_t um = umask(0);
		umask(um);
		fchmod(fd, 0666 & ~um);
	}
	fflush(stdout);
	if (dup2(fd, STDOUT_FILENO) < 0) {
		int e = errno;
		remove_tmp();
		cli_error("%s: %s", path, strerror(e));
		exit(CLI_TROUBLE);
	}
	close(fd);
}

/* ---- line by line, for the pipe mode ------------------------------------ */

typedef struct linebuf {
	char **s;
	size_t *cap;
	size_t n;
} linebuf;

static int line_add(const char *s, size_t n, void *arg)
{
	linebuf *l = arg;

	if (l->n + n + 1 > *l->cap) {
		size_t na = (l->n + n + 1) * 2;
		char *p = realloc(*l->s, na);
		if (!p)
			return -1;
		*l->s = p;
		*l->cap = na;
	}
	memcpy(*l->s + l->n, s, n);
	l->n += n;
	(*l->s)[l->n] = '\0';
	return 0;
}

/* One byte (c >= 0), or the end of the input (c < 0), to the line. */
static int line_byte(decoder *d, int c, linebuf *l)
{
	UChar u[8], *t = u;
	char b = (char)c, out[3 * 8];
	const char *s = &b, *o;
	UErrorCode e = U_ZERO_ERROR;
	size_t k;

	if (!d->cnv) {
		d->consumed++;
		return c < 0 ? 0 : line_add(&b, 1, l);
	}
	if (d->lead) {
		*t++ = d->lead;
		d->lead = 0;
	}
	ucnv_toUnicode(d->cnv, &t, u + 8, &s, s + (c >= 0), NULL,
	               (UBool)(c < 0), &e);
	k = (size_t)(utf16_to_utf8(d, out, u, t, c < 0) - out);
	o = dec_advance(d, out, &k);
	if (c >= 0)
		d->consumed++;
	return line_add(o, k, l);
}

ssize_t cli_getline(char **line, size_t *cap, FILE *fp)
{
	static int begun;
	linebuf l;
	int c;

	l.s = line;
	l.cap = cap;
	l.n = 0;
	if (!*line || !*cap) {
		char *p = realloc(*line, 128);
		if (!p)
			return -1;
		*line = p;
		*cap = 128;
	}
	(*line)[0] = '\0';
	if (!begun) {
		/* Decide on the first byte, and read more only when it may
		 * start a byte-order mark: a client waits for the answer to
		 * its first line. */
		unsigned char p[3];
		size_t n = 0, i;
		begun = 1;
		dec.report_each = in_invalid == AR_INVALID_ERROR;
		while (n < 3 && (c = getc(fp)) != EOF) {
			p[n++] = (unsigned char)c;
			if (!((n == 1 &&
			       (c == 0xEF || c == 0xFE || c == 0xFF)) ||
			      (n == 2 && p[0] == 0xEF && c == 0xBB)))
				break;
		}
		if (dec_begin(&dec, "(standard input)", (char *)p, n) < 0)
			return -1;
		dec.active = 0; /* no chunk for the hint of cli_report() */
		for (i = dec.skipped; i < n; i++)
			if (line_byte(&dec, p[i], &l) != 0)
				return -1;
		if (l.n && (*line)[l.n - 1] == '\n')
			return (ssize_t)l.n;
	}
	while ((c = getc(fp)) != EOF) {
		if (line_byte(&dec, c, &l) != 0)
			return -1;
		if (l.n && (*line)[l.n - 1] == '\n')
			return (ssize_t)l.n;
	}
	if (dec.cnv && line_byte(&dec, -1, &l) != 0)
		return -1;
	return l.n ? (ssize_t)l.n : -1;
}
