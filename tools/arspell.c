/*
 * arspell.c - spell-check mixed Arabic/Latin text with hunspell and the
 * names gazetteer: compiler-style diagnostics, hunspell's -l list, the
 * ispell pipe protocol (-a), JSON Lines or TSV.  A thin main over
 * ar_speller; exit statuses as grep and diff (cli.h).
 */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OUT_TEXT, OUT_LIST, OUT_JSONL, OUT_TSV };

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

static int on_start(const char *name, void *payload)
{
	ctx *c = payload;
	c->name = name;
	ar_spell_reset(c->sp);
	return 0;
}

static int on_chunk(const char *data, size_t len, void *payload)
{
	ctx *c = payload;
	ar_error err;
	ar_status st;

	memset(&err, 0, sizeof err);
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
	for (i = 0; i < c->n; i++)
		print_item(c, &c->v[i]);
	cli_flush();
	if (c->n)
		c->found = 1;
	free_items(c);
	return st != AR_OK;
}

/* ---- the ispell pipe protocol (-a) ------------------------------------ */

typedef struct pipe_ctx {
	ar_speller *sp;
	const char *line; /* the line as read, for offsets */
	size_t skip;      /* bytes of the line before the checked text */
	int terse;
	int tex; /* '+' given: TeX/LaTeX mode, until '-' */
	int trouble;
	const char *personal; /* -p FILE, where '#' saves the words */
	char **save;          /* words of '*' and '&' lines not yet saved */
	size_t nsave, asave;
} pipe_ctx;

static size_t count_chars(const char *s, size_t n)
{
	size_t i, k = 0;
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			k++;
	return k;
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
	if (p->tex && t->start > 0 && p->line[p->skip + t->start - 1] == '\\')
		return 0;
	st = ar_spell_word(&fs, p->sp, t->text, t->len);
	if (st != AR_OK) {
		cli_report("(standard input)", st, NULL);
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
	off = count_chars(p->line, p->skip + (size_t)t->start);
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
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
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

/* '#': append the words added since the last save to the personal
 * dictionary, one per line, as hunspell does (it creates the file if
 * needed).  Without -p there is no file to save to, and nothing is
 * written. */
static void save_personal(pipe_ctx *p)
{
	FILE *fp;
	size_t i;
	int bad;

	if (!p->personal || p->nsave == 0)
		return;
	fp = fopen(p->personal, "a");
	bad = !fp;
	for (i = 0; i < p->nsave && !bad; i++)
		if (fprintf(fp, "%s\n", p->save[i]) < 0)
			bad = 1;
	if (fp && fclose(fp) != 0)
		bad = 1;
	if (bad) {
		cli_error("%s: %s", p->personal, strerror(errno));
		p->trouble = 1;
		return;
	}
	for (i = 0; i < p->nsave; i++)
		free(p->save[i]);
	p->nsave = 0;
}

static int run_pipe(ar_speller *sp, ar_invalid_mode invalid,
                    const char *personal)
{
	ar_tok_options to = AR_TOK_OPTIONS_INIT;
	ar_tokenizer *tok = NULL;
	ar_error err;
	pipe_ctx p;
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	ar_status st;
	size_t i;

	memset(&err, 0, sizeof err);
	memset(&p, 0, sizeof p);
	p.sp = sp;
	p.personal = personal;
	to.invalid = invalid;
	st = ar_tokenizer_new(&tok, &to, &err);
	if (st != AR_OK) {
		cli_report("tokenizer", st, &err);
		return CLI_TROUBLE;
	}
	printf("@(#) International Ispell Version 3.2.06 "
	       "(but really arspell %s)\n",
	       ar_version());
	fflush(stdout);
	while ((got = cli_getline(&line, &cap, stdin)) > 0) {
		size_t n = (size_t)got;
		if (line[n - 1] == '\n')
			n--;
		p.line = line;
		p.skip = 0;
		switch (line[0]) {
		case '*':
		case '@':
			add_session_word(&p, line + 1, n ? n - 1 : 0, 0,
			                 line[0] == '*');
			continue;
		case '&':
			add_session_word(&p, line + 1, n ? n - 1 : 0, 1, 1);
			continue;
		case '!':
			p.terse = 1;
			continue;
		case '%':
			p.terse = 0;
			continue;
		case '#':
			save_personal(&p);
			continue;
		case '+':
			p.tex = 1;
			continue;
		case '-':
			p.tex = 0;
			continue;
		case '~':
			continue;
		case '^':
			p.skip = 1;
			break;
		default:
			break;
		}
		st = ar_tok_feed(tok, line + p.skip, n - p.skip, pipe_token, &p,
		                 &err);
		if (st == AR_OK)
			st = ar_tok_finish(tok, pipe_token, &p, &err);
		if (st != AR_OK) {
			ar_tok_reset(tok);
			if (!p.trouble)
				cli_report("(standard input)", st, &err);
			p.trouble = 1;
		}
		cli_puts("\n");
		if (fflush(stdout) != 0)
			cli_write("", 1); /* reports the write error */
	}
	free(line);
	ar_tokenizer_free(tok);
	for (i = 0; i < p.nsave; i++)
		free(p.save[i]);
	free(p.save);
	return p.trouble ? CLI_TROUBLE : CLI_OK;
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
"  -p, --personal=FILE     accept the words of FILE (one per line)\n"
"      --names=FILE        add gazetteer entries from FILE (format of\n"
"                          dict/FORMAT.md); may be repeated\n"
"  -l, --list              print only the misspelled words, one per line\n"
"  -a, --pipe              speak the ispell pipe protocol, as hunspell -a\n"
"      --format=FORMAT     text (default), jsonl or tsv\n"
"      --check-acronyms    check all-capital words too (default: accepted)\n"
"      --no-consistency    do not report names spelled inconsistently\n"
"      --invalid=MODE      invalid UTF-8: error (default), replace, keep\n"
"  -i, --input-encoding=ENC\n"
"                          read the input in ENC (windows-1256, ISO-8859-6,\n"
"                          UTF-16...), not UTF-8\n"
"      --help              display this help and exit\n"
"      --version           output version information and exit\n"
"\n"
"Lines and columns start at 1; columns count Unicode characters.\n"
"Exit status: 0 nothing found, 1 misspellings found, 2 trouble.\n",
	      stdout);
	/* clang-format on */
	exit(CLI_OK);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dict", required_argument, NULL, 'd' },
		{ "personal", required_argument, NULL, 'p' },
		{ "names", required_argument, NULL, 'N' },
		{ "list", no_argument, NULL, 'l' },
		{ "pipe", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'F' },
		{ "check-acronyms", no_argument, NULL, 'A' },
		{ "no-consistency", no_argument, NULL, 'C' },
		{ "invalid", required_argument, NULL, 'I' },
		{ "input-encoding", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	ar_spell_options so = AR_SPELL_OPTIONS_INIT;
	const char *personal = NULL;
	const char **names = calloc((size_t)argc + 1, sizeof *names);
	int nnames = 0, pipe_mode = 0, ch, i, status;
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
	while ((ch = getopt_long(argc, argv, "d:p:lai:", longopts, NULL)) !=
	       -1) {
		switch (ch) {
		case 'd':
			so.dictionaries = optarg;
			break;
		case 'p':
			personal = optarg;
			break;
		case 'N':
			names[nnames++] = optarg;
			break;
		case 'l':
			c.format = OUT_LIST;
			break;
		case 'a':
			pipe_mode = 1;
			break;
		case 'F':
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
		case 'A':
			so.flags |= AR_SPELL_CHECK_ACRONYMS;
			break;
		case 'C':
			so.flags |= AR_SPELL_NO_CONSISTENCY;
			break;
		case 'I':
			so.invalid = cli_parse_invalid(optarg);
			break;
		case 'i':
			cli_input_encoding(optarg);
			break;
		case 'h':
			usage();
			break;
		case 'V':
			cli_version();
			break;
		default:
			cli_usage_error(NULL);
		}
	}
	if (c.format == OUT_LIST)
		so.flags |= AR_SPELL_NO_SUGGEST;
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
	/* with -a, a missing file is one that '#' will create */
	if (personal &&
	    !(pipe_mode && access(personal, F_OK) != 0 && errno == ENOENT)) {
		memset(&err, 0, sizeof err);
		st = ar_speller_load_personal(c.sp, personal, &err);
		if (st != AR_OK) {
			cli_error("%s", err.message[0] ? err.message
			                               : ar_strerror(st));
			ar_speller_free(c.sp);
			free(names);
			return CLI_TROUBLE;
		}
	}
	free(names);
	if (pipe_mode) {
		status = run_pipe(c.sp, so.invalid, personal);
	} else {
		status = cli_read_inputs(argv + optind, argc - optind, on_start,
		                         on_chunk, on_done, &c);
		if (status == CLI_OK && c.found)
			status = CLI_FOUND;
	}
	free(c.v);
	ar_speller_free(c.sp);
	return status;
}
