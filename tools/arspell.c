/*
 * arspell.c - spell-check mixed Arabic/Latin text with hunspell and the
 * names gazetteer: compiler-style diagnostics, JSON Lines or TSV, with
 * exit statuses as grep and diff (cli.h); and, for programs written for
 * ispell or hunspell, hunspell's -l, -G, -L, the ispell pipe protocol
 * (-a), its options and exit statuses, and a default personal
 * dictionary.  A thin main over ar_speller.
 */
#include "config.h"

#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#ifndef AR_DICTDIR
#define AR_DICTDIR "/usr/share/hunspell"
#endif

/* OUT_LIST, OUT_GOOD, OUT_LINES and OUT_GOOD_LINES are hunspell's -l, -G,
 * -L and -G -L. */
enum {
	OUT_TEXT,
	OUT_LIST,
	OUT_JSONL,
	OUT_TSV,
	OUT_GOOD,
	OUT_LINES,
	OUT_GOOD_LINES
};

/* Findings of the current file, printed in text order at its end. */
typedef struct item {
	ar_finding f;
	char **sugs;
	char *word;
} item;

typedef struct ctx {
	ar_speller *sp;
	int format;
	const char *name;
	item *v;
	size_t n, a;
	int found;
	int oom;
	char *text; /* -G, -L: the current file, to print its lines or words */
	size_t ntext, atext;
	ar_tokenizer *tok; /* -G: finds the words of the text */
	size_t next;       /* -G: the next finding not yet passed */
} ctx;

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static int on_finding(const ar_finding *f, void *payload)
{
	ctx *c = payload;
	item *it;
	size_t i;

	if (c->n == c->a) {
		size_t na = c->a ? c->a * 2 : 64;
		item *v = realloc(c->v, na * sizeof *v);
		if (!v)
			goto oom;
		c->v = v;
		c->a = na;
	}
	it = &c->v[c->n];
	it->f = *f;
	it->word = dup_n(f->word, f->len);
	it->sugs = calloc(f->nsuggestions + 1, sizeof *it->sugs);
	if (!it->word || !it->sugs)
		goto oom;
	for (i = 0; i < f->nsuggestions; i++)
		if (!(it->sugs[i] = dup_n(f->suggestions[i],
		                          strlen(f->suggestions[i]))))
			goto oom;
	c->n++;
	return 0;
oom:
	c->oom = 1;
	return 1;
}

static void free_items(ctx *c)
{
	size_t i, k;
	for (i = 0; i < c->n; i++) {
		for (k = 0; k < c->v[i].f.nsuggestions; k++)
			free(c->v[i].sugs[k]);
		free(c->v[i].sugs);
		free(c->v[i].word);
	}
	c->n = 0;
}

static int cmp_item(const void *a, const void *b)
{
	const item *x = a, *y = b;
	if (x->f.start != y->f.start)
		return x->f.start < y->f.start ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* A finding as a JSON object or a TSV record: the same fields in the same
 * order. */
static void print_record(const ctx *c, const item *it, int json)
{
	void (*str)(const char *, size_t) = json ? cli_out_json : cli_out_tsv;
	const ar_finding *f = &it->f;
	size_t k;

	if (json)
		cli_outs("{\"file\":");
	str(c->name, strlen(c->name));
	cli_outs(json ? ",\"line\":" : "\t");
	cli_out_u64(f->line);
	cli_outs(json ? ",\"col\":" : "\t");
	cli_out_u64(f->column);
	/* offsets into the file, a UTF-8 BOM included */
	cli_outs(json ? ",\"start\":" : "\t");
	cli_out_u64(f->start + cli_input_skipped());
	cli_outs(json ? ",\"end\":" : "\t");
	cli_out_u64(f->end + cli_input_skipped());
	cli_outs(json ? ",\"word\":" : "\t");
	str(it->word, f->len);
	cli_outs(json ? ",\"kind\":\"" : "\t");
	cli_outs(ar_finding_kind_name(f->kind));
	cli_outs(json ? "\",\"suggestions\":[" : "\t");
	for (k = 0; k < f->nsuggestions; k++) {
		if (k)
			cli_outc(json ? ',' : '|');
		str(it->sugs[k], strlen(it->sugs[k]));
	}
	cli_outs(json ? "]}\n" : "\n");
}

static void print_item(const ctx *c, const item *it)
{
	const ar_finding *f = &it->f;
	size_t k;

	switch (c->format) {
	case OUT_LIST:
		cli_out(it->word, f->len);
		cli_outc('\n');
		return;
	case OUT_JSONL:
	case OUT_TSV:
		print_record(c, it, c->format == OUT_JSONL);
		return;
	default:
		cli_outs(c->name);
		cli_outc(':');
		cli_out_u64(f->line);
		cli_outc(':');
		cli_out_u64(f->column);
		cli_outs(f->kind == AR_FINDING_NAME ? ": misspelled name '"
		         : f->kind == AR_FINDING_INCONSISTENT
		                 ? ": inconsistent spelling of a name '"
		         : f->kind == AR_FINDING_KNOWN_ERROR
		                 ? ": common misspelling '"
		                 : ": unknown word '");
		cli_out(it->word, f->len);
		cli_outc('\'');
		for (k = 0; k < f->nsuggestions; k++) {
			cli_outs(k ? ", '" : " (did you mean '");
			cli_outs(it->sugs[k]);
			cli_outc('\'');
		}
		cli_outs(f->nsuggestions ? "?)\n" : "\n");
	}
}

/* -L prints the lines with a finding, -G -L the lines without, as
 * hunspell's; lines are those of the library's positions (ended by LF). */
static void print_lines(ctx *c)
{
	size_t k = 0, start = 0;
	uint64_t line = 1;

	while (start < c->ntext) {
		const char *nl =
		        memchr(c->text + start, '\n', c->ntext - start);
		size_t end = nl ? (size_t)(nl - c->text) + 1 : c->ntext;
		int bad;

		while (k < c->n && c->v[k].f.line < line)
			k++;
		bad = k < c->n && c->v[k].f.line == line;
		if (bad == (c->format == OUT_LINES)) {
			cli_write(c->text + start, end - start);
			if (!nl)
				cli_puts("\n");
		}
		start = end;
		line++;
	}
}

/* -G: the words that were checked and found correct, one per line. */
static int good_token(const ar_token *t, void *payload)
{
	ctx *c = payload;

	if (t->type != AR_TOKEN_ARABIC && t->type != AR_TOKEN_LATIN)
		return 0;
	while (c->next < c->n && c->v[c->next].f.start < t->start)
		c->next++;
	if (c->next < c->n && c->v[c->next].f.start == t->start)
		return 0;
	cli_write(c->text + t->start, (size_t)(t->end - t->start));
	cli_puts("\n");
	return 0;
}

static int print_good(ctx *c)
{
	ar_error err;
	ar_status st;

	memset(&err, 0, sizeof err);
	if (!c->tok) {
		ar_tok_options to = AR_TOK_OPTIONS_INIT;
		to.invalid = AR_INVALID_KEEP; /* the speller judged it first */
		st = ar_tokenizer_new(&c->tok, &to, &err);
		if (st != AR_OK) {
			cli_report("tokenizer", st, &err);
			return 1;
		}
	}
	c->next = 0;
	st = ar_tok_feed(c->tok, c->text, c->ntext, good_token, c, &err);
	if (st == AR_OK)
		st = ar_tok_finish(c->tok, good_token, c, &err);
	if (st != AR_OK) {
		ar_tok_reset(c->tok);
		cli_report(c->name, st, &err);
		return 1;
	}
	return 0;
}

static int on_start(const char *name, void *payload)
{
	ctx *c = payload;
	c->name = name;
	ar_spell_reset(c->sp);
	return 0;
}

static int keeps_text(const ctx *c)
{
	return c->format == OUT_GOOD || c->format == OUT_LINES ||
	       c->format == OUT_GOOD_LINES;
}

static int on_chunk(const char *data, size_t len, void *payload)
{
	ctx *c = payload;
	ar_error err;
	ar_status st;

	memset(&err, 0, sizeof err);
	if (keeps_text(c)) {
		if (c->ntext + len > c->atext) {
			size_t na = c->atext ? c->atext : 65536;
			char *t;
			while (na < c->ntext + len)
				na *= 2;
			if (!(t = realloc(c->text, na))) {
				cli_report(c->name, AR_ENOMEM, NULL);
				return 1;
			}
			c->text = t;
			c->atext = na;
		}
		memcpy(c->text + c->ntext, data, len);
		c->ntext += len;
	}
	st = ar_spell_feed(c->sp, data, len, on_finding, c, &err);
	if (st != AR_OK) {
		cli_report(c->name, c->oom ? AR_ENOMEM : st, &err);
		return 1;
	}
	return 0;
}

static int on_done(const char *name, int ok, void *payload)
{
	ctx *c = payload;
	ar_error err;
	ar_status st = AR_OK;
	size_t i;

	memset(&err, 0, sizeof err);
	if (ok) {
		st = ar_spell_finish(c->sp, on_finding, c, &err);
		if (st != AR_OK)
			cli_report(name, c->oom ? AR_ENOMEM : st, &err);
	} else {
		ar_spell_reset(c->sp);
	}
	/* findings before an error are still worth showing */
	if (c->n) /* c->v is NULL then, which qsort must not get */
		qsort(c->v, c->n, sizeof *c->v, cmp_item);
	if (c->format == OUT_GOOD) {
		if (st == AR_OK && ok && print_good(c) != 0)
			st = AR_EINVAL;
	} else if (keeps_text(c)) {
		print_lines(c);
	} else {
		for (i = 0; i < c->n; i++)
			print_item(c, &c->v[i]);
	}
	c->ntext = 0;
	cli_flush();
	if (c->n)
		c->found = 1;
	free_items(c);
	return st != AR_OK;
}

/* ---- the ispell pipe protocol (-a) ------------------------------------ */

/* The first line of -a and all of -v: ispell's banner, which ispell
 * clients read (Emacs takes the first version number, 3.2.06, as the
 * ispell release it talks to) with the name of the real program in the
 * parenthesis, as hunspell and aspell put theirs. */
static void print_banner(void)
{
	printf("@(#) International Ispell Version 3.2.06 "
	       "(but really arspell %s)\n",
	       ar_version());
}

typedef struct pipe_ctx {
	ar_speller *sp;
	const char *line; /* the line as read, for offsets */
	size_t skip;      /* bytes of the line before the checked text */
	size_t cpos;      /* a byte offset in the line... */
	size_t cchars;    /* ...and the characters before it */
	int terse;
	int tex; /* '+' given: TeX/LaTeX mode, until '-' */
	int trouble;
	const char *name;     /* of the input, for messages */
	const char *personal; /* the personal dictionary, where '#' saves */
	int mkdirs;           /* '#' creates its directory */
	char **save;          /* words of '*' and '&' lines not yet saved */
	size_t nsave, asave;
} pipe_ctx;

/* Characters of the line before byte `to`, counted from where the last
 * call stopped (words come in order): a valid sequence is one character,
 * and so is each byte of an invalid one, as hunspell and Emacs count
 * them. */
static size_t chars_before(pipe_ctx *p, size_t to)
{
	const char *s = p->line;
	uint32_t cp;

	if (to < p->cpos) {
		p->cpos = 0;
		p->cchars = 0;
	}
	while (p->cpos < to) {
		size_t n = 1;
		if ((unsigned char)s[p->cpos] >= 0x80) {
			n = ar_utf8_decode(&cp, s + p->cpos, to - p->cpos);
			if (n == 0)
				n = 1;
		}
		p->cpos += n;
		p->cchars++;
	}
	return p->cchars;
}

static int pipe_token(const ar_token *t, void *payload)
{
	pipe_ctx *p = payload;
	ar_spell_findings *fs = NULL;
	const ar_finding *f;
	ar_status st;
	char num[64];
	size_t k, off;

	if (t->type != AR_TOKEN_ARABIC && t->type != AR_TOKEN_LATIN)
		return 0;
	/* In TeX mode, as hunspell's, the name of a command (\emph) is not
	 * a word to check. */
	if (p->tex && p->skip + t->start > 0 &&
	    p->line[p->skip + t->start - 1] == '\\')
		return 0;
	st = ar_spell_word(&fs, p->sp, t->text, t->len);
	if (st != AR_OK) {
		cli_report(p->name, st, NULL);
		p->trouble = 1;
		return 1;
	}
	f = ar_spell_findings_get(fs, 0);
	if (!f) {
		if (!p->terse)
			cli_puts("*\n");
		ar_spell_findings_free(fs);
		return 0;
	}
	/* ispell counts the offset in characters from the start of the line
	 * as read (with its leading '^', as hunspell does) */
	off = chars_before(p, p->skip + (size_t)t->start);
	if (f->nsuggestions) {
		cli_puts("& ");
		cli_write(t->text, t->len);
		snprintf(num, sizeof num, " %zu %zu: ", f->nsuggestions, off);
		cli_puts(num);
		for (k = 0; k < f->nsuggestions; k++) {
			if (k)
				cli_puts(", ");
			cli_puts(f->suggestions[k]);
		}
		cli_puts("\n");
	} else {
		cli_puts("# ");
		cli_write(t->text, t->len);
		snprintf(num, sizeof num, " %zu\n", off);
		cli_puts(num);
	}
	ar_spell_findings_free(fs);
	return 0;
}

/* Accept a word for the rest of the session ('@'), and with `keep`
 * ('*', '&') remember it for the personal dictionary, which '#' saves. */
static void add_session_word(pipe_ctx *p, const char *w, size_t n, int lower,
                             int keep)
{
	char *s = dup_n(w, n);
	size_t i;
	if (!s)
		return;
	if (lower)
		for (i = 0; i < n; i++)
			if (s[i] >= 'A' && s[i] <= 'Z')
				s[i] = (char)(s[i] + 32);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	s[n] = '\0';
	if (n && ar_speller_add_word(p->sp, s, n) == AR_OK && keep) {
		if (p->nsave == p->asave) {
			size_t na = p->asave ? p->asave * 2 : 16;
			char **v = realloc(p->save, na * sizeof *v);
			if (!v) {
				free(s);
				return;
			}
			p->save = v;
			p->asave = na;
		}
		p->save[p->nsave++] = s;
		return;
	}
	free(s);
}

/* Create the directories above `path` (not `path` itself), as mkdir -p. */
static int make_parents(const char *path)
{
	char *d = dup_n(path, strlen(path));
	char *q;
	int r = 0;

	if (!d)
		return -1;
	for (q = d + 1; (q = strchr(q, '/')) != NULL; q++) {
		*q = '\0';
		if (mkdir(d, 0777) != 0 && errno != EEXIST)
			r = -1;
		*q = '/';
		if (r)
			break;
	}
	free(d);
	return r;
}

/* Write the personal dictionary `path`: what it holds now, then `words`.
 * Written to a temporary file in the same directory that is renamed over
 * it, so that a crash or a full disk never leaves half a dictionary (a
 * symbolic link is followed, so that its target is replaced, not the
 * link).  Returns 0, or -1 with errno set. */
static int write_personal(const char *link, int mkdirs, char *const *words,
                          size_t n)
{
	char *real = realpath(link, NULL);
	const char *path = real ? real : link;
	size_t len = strlen(path), i;
	char *tmp = malloc(len + 8);
	char buf[8192];
	FILE *in, *out = NULL;
	struct stat st;
	mode_t mode, mask;
	int fd, e = 0, last = '\n';

	if (!tmp) {
		free(real);
		return -1;
	}
	if (mkdirs)
		make_parents(path); /* mkstemp below reports a failure */
	memcpy(tmp, path, len);
	memcpy(tmp + len, ".XXXXXX", 8);
	mask = umask(0);
	umask(mask);
	mode = 0666 & ~mask;
	if (stat(path, &st) == 0)
		mode = st.st_mode & 07777;
	fd = mkstemp(tmp);
	if (fd < 0 || fchmod(fd, mode) != 0 || !(out = fdopen(fd, "w"))) {
		e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		free(real);
		errno = e;
		return -1;
	}
	in = fopen(path, "rb");
	if (!in && errno != ENOENT)
		e = errno;
	while (in && !e) {
		size_t got = fread(buf, 1, sizeof buf, in);
		if (got == 0) {
			if (ferror(in))
				e = errno ? errno : EIO;
			break;
		}
		if (fwrite(buf, 1, got, out) != got)
			e = errno;
		last = (unsigned char)buf[got - 1];
	}
	if (in)
		fclose(in);
	if (!e && last != '\n' && putc('\n', out) == EOF)
		e = errno;
	for (i = 0; i < n && !e; i++)
		if (fprintf(out, "%s\n", words[i]) < 0)
			e = errno;
	if (fflush(out) != 0 && !e)
		e = errno;
	if (!e && fsync(fileno(out)) != 0)
		e = errno;
	if (fclose(out) != 0 && !e)
		e = errno;
	if (!e && rename(tmp, path) != 0)
		e = errno;
	if (e)
		unlink(tmp);
	free(tmp);
	free(real);
	errno = e;
	return e ? -1 : 0;
}

/* '#': add the words of '*' and '&' lines since the last save to the
 * personal dictionary, one per line, as hunspell does. */
static void save_personal(pipe_ctx *p)
{
	size_t i;

	if (!p->personal || p->nsave == 0)
		return;
	if (write_personal(p->personal, p->mkdirs, p->save, p->nsave) != 0) {
		cli_error("%s: %s", p->personal, strerror(errno));
		p->trouble = 1;
		return;
	}
	for (i = 0; i < p->nsave; i++)
		free(p->save[i]);
	p->nsave = 0;
}

/* Check text[0, n) of the current line, which starts at byte `skip` of
 * it and is valid UTF-8. */
static void pipe_check(pipe_ctx *p, ar_tokenizer *tok, size_t skip,
                       const char *text, size_t n)
{
	ar_error err;
	ar_status st;

	memset(&err, 0, sizeof err);
	p->skip = skip;
	st = ar_tok_feed(tok, text, n, pipe_token, p, &err);
	if (st == AR_OK)
		st = ar_tok_finish(tok, pipe_token, p, &err);
	if (st != AR_OK) {
		ar_tok_reset(tok);
		if (!p->trouble)
			cli_report(p->name, st, &err);
		p->trouble = 1;
	}
}

/*
 * Check one input line from byte `from`.  Invalid UTF-8 does not stop the
 * line: each run of bytes that are not part of a valid sequence is
 * reported as a word without suggestions ("# BYTES OFFSET", the bytes as
 * they came, each counted as one character as hunspell and Emacs count
 * them), and the text on either side is checked.
 */
static void pipe_line(pipe_ctx *p, ar_tokenizer *tok, size_t from, size_t n)
{
	const char *line = p->line;
	char num[32];
	uint32_t cp;

	p->cpos = 0;
	p->cchars = 0;
	while (from < n) {
		size_t bad, end;
		if (ar_utf8_valid(line + from, n - from, &bad)) {
			pipe_check(p, tok, from, line + from, n - from);
			return;
		}
		if (bad)
			pipe_check(p, tok, from, line + from, bad);
		bad += from;
		for (end = bad; end < n; end++)
			if ((unsigned char)line[end] < 0x80 ||
			    ar_utf8_decode(&cp, line + end, n - end) != 0)
				break;
		if (end == bad) /* cannot happen if both agree; never loop */
			end++;
		cli_puts("# ");
		cli_write(line + bad, end - bad);
		snprintf(num, sizeof num, " %zu\n", chars_before(p, bad));
		cli_puts(num);
		from = end;
	}
}

/* One input of -a: a file or standard input, line by line. */
static void pipe_input(pipe_ctx *p, ar_tokenizer *tok, FILE *fp)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;

	while ((got = cli_getline(&line, &cap, fp)) > 0) {
		size_t n = (size_t)got, from = 0;
		if (line[n - 1] == '\n')
			n--;
		p->line = line;
		p->skip = 0;
		switch (line[0]) {
		case '*':
		case '@':
			add_session_word(p, line + 1, n ? n - 1 : 0, 0,
			                 line[0] == '*');
			continue;
		case '&':
			add_session_word(p, line + 1, n ? n - 1 : 0, 1, 1);
			continue;
		case '!':
			p->terse = 1;
			continue;
		case '%':
			p->terse = 0;
			continue;
		case '#':
			save_personal(p);
			continue;
		case '+':
			p->tex = 1;
			continue;
		case '-':
			p->tex = 0;
			continue;
		case '~':
			continue;
		case '^':
			from = 1;
			break;
		default:
			break;
		}
		pipe_line(p, tok, from, n);
		cli_puts("\n");
		if (fflush(stdout) != 0)
			cli_write("", 1); /* reports the write error */
	}
	free(line);
}

/*
 * -a: the banner, then each FILE (standard input when there is none, or
 * for "-") line by line, as hunspell -a reads its file arguments.  A
 * missing FILE is reported, the others are read, and the status is 2.
 */
static int run_pipe(ar_speller *sp, char **files, int nfiles,
                    const char *personal, int mkdirs, int tex)
{
	ar_tok_options to = AR_TOK_OPTIONS_INIT;
	ar_tokenizer *tok = NULL;
	ar_error err;
	pipe_ctx p;
	ar_status st;
	size_t i;
	int k;

	memset(&err, 0, sizeof err);
	memset(&p, 0, sizeof p);
	p.sp = sp;
	p.personal = personal;
	p.mkdirs = mkdirs;
	p.tex = tex;
	p.name = cli_input_name(NULL);
	st = ar_tokenizer_new(&tok, &to, &err);
	if (st != AR_OK) {
		cli_report("tokenizer", st, &err);
		return CLI_TROUBLE;
	}
	print_banner();
	fflush(stdout);
	if (nfiles == 0)
		pipe_input(&p, tok, stdin);
	for (k = 0; k < nfiles; k++) {
		FILE *fp;
		if (strcmp(files[k], "-") == 0) {
			p.name = cli_input_name(NULL);
			pipe_input(&p, tok, stdin);
			clearerr(stdin);
			continue;
		}
		p.name = files[k];
		if (!(fp = fopen(files[k], "rb"))) {
			cli_error("%s: %s", files[k], strerror(errno));
			p.trouble = 1;
			continue;
		}
		pipe_input(&p, tok, fp);
		fclose(fp);
	}
	ar_tokenizer_free(tok);
	for (i = 0; i < p.nsave; i++)
		free(p.save[i]);
	free(p.save);
	return p.trouble ? CLI_TROUBLE : CLI_OK;
}

/* ---- ispell compatibility ------------------------------------------- */

/* Are prefix.aff and prefix.dic readable (path: room for their names)? */
static int readable_pair(char *path, size_t size, const char *prefix)
{
	if (snprintf(path, size, "%s.aff", prefix) >= (int)size ||
	    access(path, R_OK) != 0)
		return 0;
	if (snprintf(path, size, "%s.dic", prefix) >= (int)size)
		return 0;
	return access(path, R_OK) == 0;
}

/* The files of dictionary `name` (len bytes), as the library finds it;
 * nothing when it does not. */
static void show_found(const char *name, size_t len)
{
	ar_lexicon_options o = AR_LEXICON_OPTIONS_INIT;
	ar_lexicon *lx = NULL;
	const char *aff, *dic;
	char one[4096];

	if (len >= sizeof one)
		return;
	memcpy(one, name, len);
	one[len] = '\0';
	o.dictionaries = one;
	if (ar_lexicon_new(&lx, &o, NULL) == AR_OK &&
	    ar_lexicon_files(lx, 0, &aff, &dic) == AR_OK)
		fprintf(stderr, "%s\n%s\n", aff, dic);
	ar_lexicon_free(lx);
}

static void list_dir(const char *dir, size_t len)
{
	char path[4096], prefix[4096], tmp[4096];
	struct dirent *e;
	DIR *d;

	snprintf(path, sizeof path, "%.*s", (int)len, dir);
	if (!(d = opendir(path)))
		return;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n <= 4 || strcmp(e->d_name + n - 4, ".aff") != 0)
			continue;
		if (snprintf(prefix, sizeof prefix, "%s/%.*s", path,
		             (int)(n - 4), e->d_name) >= (int)sizeof prefix ||
		    !readable_pair(tmp, sizeof tmp, prefix))
			continue;
		fprintf(stderr, "%s\n", prefix);
	}
	closedir(d);
}

/* -D: as hunspell -D, on standard error: the search path, the
 * dictionaries found there and those in use, then the personal
 * dictionary. */
static void show_dicts(const char *dicts, const char *personal)
{
	const char *env = getenv("DICPATH"), *p;

	fputs("SEARCH PATH:\n", stderr);
	if (env && *env)
		fprintf(stderr, "%s:", env);
	fprintf(stderr, "%s\n", AR_DICTDIR);
	fputs("AVAILABLE DICTIONARIES (path is not mandatory for -d option):\n",
	      stderr);
	for (p = env; p && *p;) {
		const char *c = strchr(p, ':');
		size_t dl = c ? (size_t)(c - p) : strlen(p);
		if (dl)
			list_dir(p, dl);
		p = c ? c + 1 : NULL;
	}
	list_dir(AR_DICTDIR, strlen(AR_DICTDIR));
	fputs("LOADED DICTIONARY:\n", stderr);
	for (p = dicts ? dicts : "ar,en_US"; *p;) {
		const char *c = strchr(p, ',');
		size_t len = c ? (size_t)(c - p) : strlen(p);
		if (len)
			show_found(p, len);
		p = c ? c + 1 : p + len;
	}
	if (personal)
		fprintf(stderr, "PERSONAL DICTIONARY:\n%s\n", personal);
}

/*
 * The personal dictionary, as hunspell chooses one: -p FILE, else
 * $WORDLIST, else $XDG_CONFIG_HOME/libarabic/personal.dic (XDG_CONFIG_HOME
 * defaulting to ~/.config).  *is_default is set for the last, whose
 * directory '#' creates.  NULL when there is none (no HOME).  Malloc'd.
 */
static char *personal_path(const char *opt, int *is_default)
{
	const char *env = getenv("WORDLIST"), *dir;
	const char *tail = "/libarabic/personal.dic";
	char *s;

	*is_default = 0;
	if (opt)
		return dup_n(opt, strlen(opt));
	if (env && *env)
		return dup_n(env, strlen(env));
	*is_default = 1;
	dir = getenv("XDG_CONFIG_HOME");
	if (dir && dir[0] == '/') {
		s = malloc(strlen(dir) + strlen(tail) + 1);
		if (s)
			sprintf(s, "%s%s", dir, tail);
		return s;
	}
	dir = getenv("HOME");
	if (!dir || !*dir)
		return NULL;
	s = malloc(strlen(dir) + strlen("/.config") + strlen(tail) + 1);
	if (s)
		sprintf(s, "%s/.config%s", dir, tail);
	return s;
}

/* ---- main ------------------------------------------------------------- */

static void usage(void)
{
	printf("Usage: %s [OPTION]... [FILE]...\n", cli_progname());
	/* clang-format off */
	fputs(
"Spell-check Arabic and Latin text with hunspell and a names gazetteer:\n"
"report unknown words, misspelled names (with the name as suggestion) and\n"
"names spelled inconsistently.  With no FILE, or when FILE is -, read\n"
"standard input.\n"
"\n"
"  -d, --dict=DICTS        hunspell dictionaries, comma-separated (default\n"
"                          ar,en_US); names starting with 'ar' check Arabic\n"
"                          words, the others Latin words\n"
"  -p, --personal=FILE     personal dictionary, one word per line (default\n"
"                          $WORDLIST, else\n"
"                          $XDG_CONFIG_HOME/libarabic/personal.dic)\n"
"      --names=FILE        add gazetteer entries from FILE (format of\n"
"                          dict/FORMAT.md); may be repeated\n"
"  -l, --list              print only the misspelled words, one per line\n"
"  -G                      print only the correct words (with -L: the lines\n"
"                          without misspelled words)\n"
"  -L                      print the lines with misspelled words\n"
"  -a, --pipe              speak the ispell pipe protocol, as hunspell -a\n"
"  -D                      list the dictionaries in use on standard error\n"
"  -t                      -a starts in TeX mode\n"
"  -v, -vv                 print ispell's version line and exit\n"
"      --format=FORMAT     text (default), jsonl or tsv\n"
"      --check-acronyms    check all-capital words too (default: accepted)\n"
"      --no-consistency    do not report names spelled inconsistently\n"
"      --names-consistency\n"
"                          check the consistency of names only, not of\n"
"                          words a dictionary accepts (الأهرام beside\n"
"                          the newspaper الاهرام)\n"
"      --hamza-free        house style: accept an alef written without its\n"
"                          hamza where the word with it is right (الى,\n"
"                          اعلنت)\n"
"      --final-ya          house style: accept a final ى written for ي\n"
"                          where the word with ي is right (الرئيسى)\n"
"      --all-unknown       also report the unknown Arabic words that read\n"
"                          like words and have no listed word one edit\n"
"                          away (names and terms no list has)\n"
"      --invalid=MODE      invalid UTF-8: error (default), replace, keep\n"
"      --cache-size=SIZE   memory for the cache of verdicts and suggestions\n"
"                          (bytes, or with K, M or G; default 16M)\n"
"  -i, --input-encoding=ENC\n"
"                          read the input in ENC (windows-1256, ISO-8859-6,\n"
"                          UTF-16...), not UTF-8\n"
"      --help              display this help and exit\n"
"      --version           output version information and exit\n"
"\n"
"For ispell clients, -B -C -H -m -M -n -N -P -S -x are accepted and\n"
"ignored, and so are -T TYPE, -w CHARS and -W N.\n"
"\n"
"Lines and columns start at 1; columns count Unicode characters.\n"
"Exit status: 0 nothing found, 1 misspellings found, 2 trouble; with -a,\n"
"-l, -G or -L, as hunspell: 0 unless there was trouble.\n",
	      stdout);
	/* clang-format on */
	exit(CLI_OK);
}

/* The bytes of --cache-size=SIZE: a whole number, then K, M or G
 * (powers of 1024); at least 1 KiB, at most what size_t holds. */
static size_t parse_size(const char *s)
{
	char *end;
	unsigned long long n, unit = 1;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (*end == 'K')
		unit = 1ull << 10;
	else if (*end == 'M')
		unit = 1ull << 20;
	else if (*end == 'G')
		unit = 1ull << 30;
	if (unit > 1)
		end++;
	if (errno || end == s || *end || s[0] == '-' || n == 0 ||
	    n > (unsigned long long)SIZE_MAX / unit || n * unit < 1024)
		cli_usage_error("invalid argument '%s' for '--cache-size' "
		                "(a number of bytes, at least 1024, or with K, "
		                "M or G)",
		                s);
	return (size_t)(n * unit);
}

/* Long options without a short form. */
enum {
	OPT_NAMES = 256,
	OPT_FORMAT,
	OPT_ACRONYMS,
	OPT_NO_CONSISTENCY,
	OPT_NAMES_CONSISTENCY,
	OPT_HAMZA_FREE,
	OPT_ALL_UNKNOWN,
	OPT_FINAL_YA,
	OPT_INVALID,
	OPT_CACHE_SIZE,
	OPT_HELP,
	OPT_VERSION
};

/* A personal dictionary given with -p must exist, except with -a, where
 * '#' creates it; $WORDLIST and the default one are read when they exist. */
static int load_personal(ar_speller *sp, const char *path, int must_exist)
{
	ar_error err;
	ar_status st;

	if (!path ||
	    (!must_exist && access(path, F_OK) != 0 && errno == ENOENT))
		return 0;
	memset(&err, 0, sizeof err);
	st = ar_speller_load_personal(sp, path, &err);
	if (st != AR_OK) {
		cli_error("%s", err.message[0] ? err.message : ar_strerror(st));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dict", required_argument, NULL, 'd' },
		{ "personal", required_argument, NULL, 'p' },
		{ "names", required_argument, NULL, OPT_NAMES },
		{ "list", no_argument, NULL, 'l' },
		{ "pipe", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "check-acronyms", no_argument, NULL, OPT_ACRONYMS },
		{ "no-consistency", no_argument, NULL, OPT_NO_CONSISTENCY },
		{ "names-consistency", no_argument, NULL,
		  OPT_NAMES_CONSISTENCY },
		{ "hamza-free", no_argument, NULL, OPT_HAMZA_FREE },
		{ "all-unknown", no_argument, NULL, OPT_ALL_UNKNOWN },
		{ "final-ya", no_argument, NULL, OPT_FINAL_YA },
		{ "invalid", required_argument, NULL, OPT_INVALID },
		{ "cache-size", required_argument, NULL, OPT_CACHE_SIZE },
		{ "input-encoding", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	/* ispell's options that take an argument (-T, -w, -W) take it here
	 * too, so that what follows them is not read as a file. */
	static const char shortopts[] = "d:p:laGLDvti:BCHmMnNPSxT:w:W:h";
	ar_spell_options so = AR_SPELL_OPTIONS_INIT;
	const char *personal_opt = NULL;
	const char **names = calloc((size_t)argc + 1, sizeof *names);
	int nnames = 0, pipe_mode = 0, good = 0, lines = 0, show = 0;
	int banner = 0, tex = 0, is_default = 0, ch, i, status;
	char *personal = NULL;
	ar_error err;
	ar_status st;
	ctx c;

	cli_init(argv[0]);
	memset(&c, 0, sizeof c);
	c.format = OUT_TEXT;
	if (!names) {
		cli_error("%s", ar_strerror(AR_ENOMEM));
		return CLI_TROUBLE;
	}
	while ((ch = getopt_long(argc, argv, shortopts, longopts, NULL)) !=
	       -1) {
		switch (ch) {
		case 'd':
			so.dictionaries = optarg;
			break;
		case 'p':
			personal_opt = optarg;
			break;
		case OPT_NAMES:
			names[nnames++] = optarg;
			break;
		case 'l':
			c.format = OUT_LIST;
			break;
		case 'a':
			pipe_mode = 1;
			break;
		case 'G':
			good = 1;
			break;
		case 'L':
			lines = 1;
			break;
		case 'D':
			show = 1;
			break;
		case 'v':
			banner = 1;
			break;
		case 't':
			tex = 1;
			break;
		case 'n':
			tex = 0; /* nroff: the default */
			break;
		case 'B': /* ispell: run-together words are errors */
		case 'C': /* ispell: they are words */
		case 'H': /* SGML/HTML input */
		case 'm': /* ispell: root/affix combinations */
		case 'M': /* ispell: menu */
		case 'N': /* ispell: no menu */
		case 'P': /* ispell: no root/affix combinations */
		case 'S': /* ispell: sort the guesses */
		case 'x': /* ispell: no backup file */
		case 'T': /* ispell: string type */
		case 'w': /* ispell: more word characters */
		case 'W': /* ispell: length of words always accepted */
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0)
				c.format = OUT_TEXT;
			else if (strcmp(optarg, "jsonl") == 0)
				c.format = OUT_JSONL;
			else if (strcmp(optarg, "tsv") == 0)
				c.format = OUT_TSV;
			else
				cli_usage_error(
				        "invalid argument '%s' for "
				        "'--format' (valid: text, jsonl, "
				        "tsv)",
				        optarg);
			break;
		case OPT_ACRONYMS:
			so.flags |= AR_SPELL_CHECK_ACRONYMS;
			break;
		case OPT_NO_CONSISTENCY:
			so.flags |= AR_SPELL_NO_CONSISTENCY;
			break;
		case OPT_NAMES_CONSISTENCY:
			so.flags |= AR_SPELL_CONSISTENCY_NAMES;
			break;
		case OPT_HAMZA_FREE:
			so.flags |= AR_SPELL_HAMZA_FREE;
			break;
		case OPT_ALL_UNKNOWN:
			so.flags |= AR_SPELL_ALL_UNKNOWN;
			break;
		case OPT_FINAL_YA:
			so.flags |= AR_SPELL_FINAL_YA;
			break;
		case OPT_INVALID:
			so.invalid = cli_parse_invalid(optarg);
			break;
		case OPT_CACHE_SIZE:
			so.cache_bytes = parse_size(optarg);
			break;
		case 'i':
			cli_input_encoding(optarg);
			break;
		case 'h':
		case OPT_HELP:
			usage();
			break;
		case OPT_VERSION:
			cli_version();
			break;
		default:
			cli_usage_error(NULL);
		}
	}
	if (banner) {
		/* ispell clients run PROG -vv first and need status 0 */
		print_banner();
		free(names);
		return CLI_OK;
	}
	if (lines)
		c.format = good ? OUT_GOOD_LINES : OUT_LINES;
	else if (good)
		c.format = OUT_GOOD;
	if (c.format == OUT_LIST || keeps_text(&c))
		so.flags |= AR_SPELL_NO_SUGGEST;
	if (keeps_text(&c))
		so.flags |= AR_SPELL_NO_CONSISTENCY;
	if (pipe_mode) {
		/* all of hunspell's suggestions, as hunspell -a gives */
		so.max_suggestions = 100;
		so.flags |= AR_SPELL_NO_CONSISTENCY;
	}
	memset(&err, 0, sizeof err);
	st = ar_speller_new(&c.sp, &so, &err);
	if (st != AR_OK) {
		cli_error("%s", err.message[0] ? err.message : ar_strerror(st));
		free(names);
		return CLI_TROUBLE;
	}
	for (i = 0; i < nnames; i++) {
		memset(&err, 0, sizeof err);
		st = ar_speller_load_names(c.sp, names[i], &err);
		if (st != AR_OK) {
			cli_error("%s", err.message[0] ? err.message
			                               : ar_strerror(st));
			ar_speller_free(c.sp);
			free(names);
			return CLI_TROUBLE;
		}
	}
	free(names);
	personal = personal_path(personal_opt, &is_default);
	if (personal_opt && !personal) {
		cli_error("%s", ar_strerror(AR_ENOMEM));
		ar_speller_free(c.sp);
		return CLI_TROUBLE;
	}
	if (load_personal(c.sp, personal, personal_opt && !pipe_mode) != 0) {
		ar_speller_free(c.sp);
		free(personal);
		return CLI_TROUBLE;
	}
	if (show)
		show_dicts(so.dictionaries, personal);
	if (pipe_mode) {
		status = run_pipe(c.sp, argv + optind, argc - optind, personal,
		                  is_default, tex);
	} else {
		status = cli_read_inputs(argv + optind, argc - optind, on_start,
		                         on_chunk, on_done, &c);
		/* -l, -G and -L are hunspell's and exit as hunspell does; the
		 * reports are arspell's own and say 1 when they found
		 * something */
		if (status == CLI_OK && c.found &&
		    (c.format == OUT_TEXT || c.format == OUT_JSONL ||
		     c.format == OUT_TSV))
			status = CLI_FOUND;
	}
	free(c.v);
	free(c.text);
	ar_tokenizer_free(c.tok);
	ar_speller_free(c.sp);
	free(personal);
	return status;
}
