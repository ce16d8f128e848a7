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

#define CLI_CHUNK (64 * 1024)

/* Tool-wide state of a short-lived process (not library state). */
static const char *progname = "libarabic";
static char tmp_path[PATH_MAX];   /* -o temporary file, "" if none */
static char final_path[PATH_MAX]; /* -o target */
static volatile sig_atomic_t failed;

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
		return AR_INVALID_ERROR;
	if (strcmp(arg, "replace") == 0)
		return AR_INVALID_REPLACE;
	if (strcmp(arg, "keep") == 0)
		return AR_INVALID_KEEP;
	cli_usage_error("invalid argument '%s' for '--invalid' "
	                "(valid: error, replace, keep)",
	                arg);
}

const char *cli_input_name(const char *arg)
{
	return (!arg || strcmp(arg, "-") == 0) ? "(standard input)" : arg;
}

void cli_report(const char *name, ar_status st, const ar_error *err)
{
	if (st == AR_EUTF8 && err)
		cli_error("%s:%llu:%llu (byte %llu): invalid UTF-8", name,
		          (unsigned long long)err->line,
		          (unsigned long long)err->column,
		          (unsigned long long)err->offset);
	else if (err && err->message[0])
		cli_error("%s: %s", name, err->message);
	else
		cli_error("%s: %s", name, ar_strerror(st));
}

static int read_one(FILE *fp, const char *name, cli_chunk_fn fn, void *ctx)
{
	static char buf[CLI_CHUNK];
	size_t n;

	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (fn(buf, n, ctx) != 0)
			return -1;
	if (ferror(fp)) {
		cli_error("%s: %s", name, strerror(errno));
		return -1;
	}
	return 0;
}

int cli_read_inputs(char **files, int nfiles, cli_start_fn start,
                    cli_chunk_fn fn, cli_done_fn done, void *ctx)
{
	static char *dash[] = { "-" };
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
		int r;

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
		if (start && start(name, ctx) != 0) {
			if (!is_stdin)
				fclose(fp);
			status = CLI_TROUBLE;
			continue;
		}
		r = read_one(fp, name, fn, ctx);
		if (done && done(name, r == 0, ctx) != 0)
			r = -1;
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

static void on_signal(int sig)
{
	if (tmp_path[0])
		unlink(tmp_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

void cli_output_to(const char *path)
{
	const char *slash = strrchr(path, '/');
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
	fd = mkstemp(tmp_path);
	if (fd < 0) {
		int e = errno;
		tmp_path[0] = '\0';
		cli_error("%s: %s", path, strerror(e));
		exit(CLI_TROUBLE);
	}
	/* mkstemp creates 0600; give the file the usual umask'd 0666. */
	{
		mode_t um = umask(0);
		umask(um);
		fchmod(fd, 0666 & ~um);
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	fflush(stdout);
	if (dup2(fd, STDOUT_FILENO) < 0) {
		int e = errno;
		remove_tmp();
		cli_error("%s: %s", path, strerror(e));
		exit(CLI_TROUBLE);
	}
	close(fd);
}
