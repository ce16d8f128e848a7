/*
 * artok.c - tokenize Arabic and Latin text: one token a line, TSV, JSON
 * Lines, CoNLL-U, or the one-token-a-line format of the UD benchmark.
 */
#include "config.h"

#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum fmt { F_TEXT, F_TSV, F_JSONL, F_CONLLU, F_UD, F_UD_MWT };

typedef struct ctx {
	ar_tokenizer *tok;
	enum fmt fmt;
	int segment;
	const char *name;
	ar_error err;
	/* CoNLL-U: the previous token, printed once we know whether a space
	 * follows it */
	int have_prev;
	ar_token prev;
	char *prev_text;
	size_t prev_asize;
	ar_segment prev_segs[16];
	char *prev_segtext;
	size_t prev_segasize;
	unsigned long word_id; /* last word number in the sentence */
	uint64_t sent_id;
} ctx;

static const char *kind_name(int kind)
{
	return kind < 0 ? "proclitic" : kind > 0 ? "enclitic" : "stem";
}

/* "و+ ب+ كتاب +هم": surface pieces with clitic markers. */
static void osegs(const ar_token *t)
{
	size_t k;

	for (k = 0; k < t->nsegments; k++) {
		const ar_segment *g = &t->segments[k];
		if (k)
			cli_outc(' ');
		if (g->kind > 0)
			cli_outc('+');
		cli_out(g->text, g->len);
		if (g->kind < 0)
			cli_outc('+');
	}
}

/* "\tTYPE\tSCRIPT\t" for each type and script, made once. */
static char tsv_mid[AR_TOKEN_SPACE + 1][4][32];
static unsigned char tsv_mid_len[AR_TOKEN_SPACE + 1][4];

static void tsv_init(void)
{
	int ty, sc;

	for (ty = 0; ty <= AR_TOKEN_SPACE; ty++)
		for (sc = 0; sc < 4; sc++)
			tsv_mid_len[ty][sc] = (unsigned char)snprintf(
			        tsv_mid[ty][sc], sizeof tsv_mid[ty][sc],
			        "\t%s\t%s\t",
			        ar_token_type_name((ar_token_type)ty),
			        ar_script_name((ar_script)sc));
}

/* Offsets grow by small steps: the high digits of the last one are kept. */
static cli_numcache off_cache;
/* Bytes of the file before the text the tokenizer sees (a UTF-8 BOM), so
 * that offsets are offsets into the file. */
static uint64_t skipped;

/* Copy a token's n bytes to o: most tokens are short, copied with two
 * overlapping loads and stores that stay inside the text and its place,
 * without a call. */
static inline void copy_text(char *o, const char *s, size_t n)
{
	if (n >= 8 && n <= 16) {
		uint64_t a, b;
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
		memcpy(o, &a, 8);
		memcpy(o + n - 8, &b, 8);
	} else if (n >= 4 && n < 8) {
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		memcpy(o, &a, 4);
		memcpy(o + n - 4, &b, 4);
	} else if (n > 16 && n <= 32) {
		char a[16], b[16];
		memcpy(a, s, 16);
		memcpy(b, s + n - 16, 16);
		memcpy(o, a, 16);
		memcpy(o + n - 16, b, 16);
	} else if (n < 4) {
		size_t k;
		for (k = 0; k < n; k++)
			o[k] = s[k];
	} else {
		memcpy(o, s, n);
	}
}

/* The sentence number changes seldom: its digits are kept. */
static uint64_t sent_v = (uint64_t)-1;
static char sent_d[32];
static int sent_n;

static void out_tsv(const ar_token *t, int segment)
{
	size_t need = t->len + 32 + 3 * 21 + 8;
	char *o;

	if (need > CLI_OBUF_SIZE) {
		/* a huge token: the slow way */
		cli_out(t->text, t->len);
		cli_out(tsv_mid[t->type][t->script],
		        tsv_mid_len[t->type][t->script]);
		cli_out_u64(t->start + skipped);
		cli_outc('\t');
		cli_out_u64(t->end + skipped);
		cli_outc('\t');
		cli_out_u64(t->sentence);
	} else {
		o = cli_out_room(need);
		copy_text(o, t->text, t->len);
		o += t->len;
		memcpy(o, tsv_mid[t->type][t->script], 32);
		o += tsv_mid_len[t->type][t->script];
		o = cli_put_offset(o, t->start + skipped, &off_cache);
		*o++ = '\t';
		o = cli_put_offset(o, t->end + skipped, &off_cache);
		*o++ = '\t';
		if (t->sentence != sent_v) {
			sent_n = (int)(cli_put_u64(sent_d, t->sentence) -
			               sent_d);
			sent_v = t->sentence;
		}
		memcpy(o, sent_d, 24);
		o += sent_n;
		if (!segment) {
			*o++ = '\n';
			cli_out_end(o);
			return;
		}
		cli_out_end(o);
	}
	if (segment) {
		cli_outc('\t');
		if (t->nsegments)
			osegs(t);
		else
			cli_out(t->text, t->len);
	}
	cli_outc('\n');
}

static void out_jsonl(const ar_token *t)
{
	size_t k;

	cli_outs("{\"token\":");
	cli_out_json(t->text, t->len);
	cli_outs(",\"type\":\"");
	cli_outs(ar_token_type_name(t->type));
	cli_outs("\",\"script\":\"");
	cli_outs(ar_script_name(t->script));
	cli_outs("\",\"start\":");
	cli_out_u64(t->start + skipped);
	cli_outs(",\"end\":");
	cli_out_u64(t->end + skipped);
	cli_outs(",\"sentence\":");
	cli_out_u64(t->sentence);
	if (t->flags & AR_TOKF_SENTENCE_END)
		cli_outs(",\"sentence_end\":true");
	if (t->nsegments) {
		cli_outs(",\"segments\":[");
		for (k = 0; k < t->nsegments; k++) {
			const ar_segment *g = &t->segments[k];
			if (k)
				cli_outc(',');
			cli_outs("{\"text\":");
			cli_out_json(g->text, g->len);
			cli_outs(",\"form\":");
			cli_out_json(g->form, g->form_len);
			cli_outs(",\"kind\":\"");
			cli_outs(kind_name(g->kind));
			cli_outs("\",\"start\":");
			cli_out_u64(g->start + skipped);
			cli_outs(",\"end\":");
			cli_out_u64(g->end + skipped);
			cli_outc('}');
		}
		cli_outc(']');
	}
	cli_outs("}\n");
}

/* One CoNLL-U word line; FORM may not contain spaces or tabs (tokens
 * never do). */
static void conllu_word(unsigned long id, const char *form, size_t n,
                        const char *misc)
{
	cli_out_u64(id);
	cli_outc('\t');
	cli_out(form, n);
	cli_outs("\t_\t_\t_\t_\t_\t_\t_\t");
	cli_outs(misc);
	cli_outc('\n');
}

static void out_conllu(ctx *c, const ar_token *t, int space_after)
{
	char misc[96];
	size_t k;

	if (c->word_id == 0) {
		cli_outs("# sent_id = ");
		cli_out_u64(c->sent_id + 1);
		cli_outc('\n');
	}
	snprintf(misc, sizeof misc, "%sTokenRange=%llu:%llu",
	         space_after ? "" : "SpaceAfter=No|",
	         (unsigned long long)(t->start + skipped),
	         (unsigned long long)(t->end + skipped));
	if (t->nsegments) {
		unsigned long first = c->word_id + 1;
		cli_out_u64(first);
		cli_outc('-');
		cli_out_u64(first + t->nsegments - 1);
		cli_outc('\t');
		cli_out(t->text, t->len);
		cli_outs("\t_\t_\t_\t_\t_\t_\t_\t");
		cli_outs(misc);
		cli_outc('\n');
		for (k = 0; k < t->nsegments; k++)
			conllu_word(++c->word_id, t->segments[k].form,
			            t->segments[k].form_len, "_");
	} else {
		conllu_word(++c->word_id, t->text, t->len, misc);
	}
	if (t->flags & AR_TOKF_SENTENCE_END) {
		cli_outc('\n');
		c->word_id = 0;
		c->sent_id++;
	}
}

/* Make *p hold at least need bytes; out of memory ends the program. */
static void reserve(char **p, size_t *asize, size_t need)
{
	char *q;

	if (need <= *asize)
		return;
	q = realloc(*p, need);
	if (!q) {
		cli_error("out of memory");
		exit(CLI_TROUBLE);
	}
	*p = q;
	*asize = need;
}

/* Keep a copy of the token for CoNLL-U's SpaceAfter look-ahead. */
static void keep_prev(ctx *c, const ar_token *t)
{
	size_t k, segneed = 0;

	reserve(&c->prev_text, &c->prev_asize, t->len + 1);
	memcpy(c->prev_text, t->text, t->len);
	c->prev = *t;
	c->prev.text = c->prev_text;
	for (k = 0; k < t->nsegments; k++)
		segneed += t->segments[k].len + t->segments[k].form_len;
	reserve(&c->prev_segtext, &c->prev_segasize, segneed + 1);
	segneed = 0;
	for (k = 0; k < t->nsegments && k < 16; k++) {
		ar_segment g = t->segments[k];
		memcpy(c->prev_segtext + segneed, g.text, g.len);
		g.text = c->prev_segtext + segneed;
		segneed += g.len;
		memcpy(c->prev_segtext + segneed, g.form, g.form_len);
		g.form = c->prev_segtext + segneed;
		segneed += g.form_len;
		c->prev_segs[k] = g;
	}
	c->prev.segments = c->prev_segs;
	c->have_prev = 1;
}

/* UD tokenization splits hyphens off words ("Al-Qaeda" is three
 * tokens) and the percent sign off numbers. */
static void ud_word(const char *s, size_t n)
{
	size_t i, a = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != '-')
			continue;
		if (i > a) {
			cli_out(s + a, i - a);
			cli_outc('\n');
		}
		cli_outs("-\n");
		a = i + 1;
	}
	if (n > a) {
		cli_out(s + a, n - a);
		cli_outc('\n');
	}
}

static void ud_number(const ar_token *t)
{
	size_t n = t->len, pl = 0;

	if (n > 1 && t->text[n - 1] == '%')
		pl = 1;
	else if (n > 2 && memcmp(t->text + n - 2, "\xD9\xAA", 2) == 0)
		pl = 2; /* ٪ */
	else if (n > 3 && memcmp(t->text + n - 3, "\xE2\x80\xB0", 3) == 0)
		pl = 3; /* ‰ */
	cli_out(t->text, n - pl);
	cli_outc('\n');
	if (pl) {
		cli_out(t->text + n - pl, pl);
		cli_outc('\n');
	}
}

static int on_token(const ar_token *t, void *payload)
{
	ctx *c = payload;
	size_t k;

	switch (c->fmt) {
	case F_TEXT:
		if (t->nsegments)
			osegs(t);
		else
			cli_out(t->text, t->len);
		cli_outc('\n');
		if (t->flags & AR_TOKF_SENTENCE_END)
			cli_outc('\n');
		break;
	case F_UD:
	case F_UD_MWT:
		/* UD Arabic-PUD writes each clitic as its own token; PADT
		 * makes the word a multiword token: "و+ ب+ الكتاب" */
		if (t->nsegments && c->fmt == F_UD_MWT) {
			osegs(t);
			cli_outc('\n');
		} else if (t->nsegments) {
			for (k = 0; k < t->nsegments; k++)
				ud_word(t->segments[k].text,
				        t->segments[k].len);
		} else if (t->type == AR_TOKEN_NUMBER) {
			ud_number(t);
		} else if (t->type == AR_TOKEN_ARABIC ||
		           t->type == AR_TOKEN_LATIN ||
		           t->type == AR_TOKEN_WORD) {
			ud_word(t->text, t->len);
		} else {
			cli_out(t->text, t->len);
			cli_outc('\n');
		}
		if (t->flags & AR_TOKF_SENTENCE_END)
			cli_outc('\n');
		break;
	case F_TSV:
		out_tsv(t, c->segment);
		break;
	case F_JSONL:
		out_jsonl(t);
		break;
	case F_CONLLU:
		if (t->type == AR_TOKEN_SPACE) {
			if (c->have_prev) {
				out_conllu(c, &c->prev, 1);
				c->have_prev = 0;
			}
			break;
		}
		if (c->have_prev)
			out_conllu(c, &c->prev, c->prev.end != t->start);
		keep_prev(c, t);
		break;
	}
	return 0;
}

/* The sink of --format=tsv without --segment: the bulk case, with no
 * dispatch. */
static int on_tsv(const ar_token *t, void *payload)
{
	(void)payload;
	out_tsv(t, 0);
	return 0;
}

static ar_token_sink sink_of(const ctx *c)
{
	return c->fmt == F_TSV && !c->segment ? on_tsv : on_token;
}

static int on_start(const char *name, void *payload)
{
	ctx *c = payload;

	c->name = name;
	skipped = cli_input_skipped();
	c->have_prev = 0;
	c->word_id = 0;
	c->sent_id = 0;
	ar_tok_reset(c->tok);
	return 0;
}

static int on_chunk(const char *data, size_t len, void *payload)
{
	ctx *c = payload;
	ar_status st;

	memset(&c->err, 0, sizeof c->err);
	st = ar_tok_feed(c->tok, data, len, sink_of(c), c, &c->err);
	if (st != AR_OK) {
		cli_flush();
		cli_report(c->name, st, &c->err);
		return 1;
	}
	return 0;
}

static int on_done(const char *name, int ok, void *payload)
{
	ctx *c = payload;
	ar_status st;

	if (!ok) {
		ar_tok_reset(c->tok);
		c->have_prev = 0;
		cli_flush();
		return 0;
	}
	memset(&c->err, 0, sizeof c->err);
	st = ar_tok_finish(c->tok, sink_of(c), c, &c->err);
	if (c->fmt == F_CONLLU && c->have_prev) {
		c->prev.flags |= AR_TOKF_SENTENCE_END;
		out_conllu(c, &c->prev, 1);
		c->have_prev = 0;
	}
	cli_flush();
	if (st != AR_OK) {
		cli_report(name, st, &c->err);
		return 1;
	}
	return 0;
}

static void usage(void)
{
	printf("Usage: %s [OPTION]... [FILE]...\n", cli_progname());
	/* clang-format off */
	fputs(
"Split Arabic and Latin text into words, numbers, punctuation, hashtags,\n"
"mentions, URLs, e-mail addresses and emoji, with sentence boundaries and\n"
"byte offsets into the input.  With no FILE, or when FILE is -, read\n"
"standard input.\n"
"\n"
"  -f, --format=FORMAT     text (default): one token a line, a blank line\n"
"                            after each sentence;\n"
"                          tsv: token, type, script, byte start, byte end,\n"
"                            sentence number (and segments with --segment);\n"
"                          jsonl: one JSON object a token;\n"
"                          conllu: CoNLL-U, clitics as multiword tokens;\n"
"                          ud: one token a line, clitics on lines of their\n"
"                            own, as in UD Arabic-PUD;\n"
"                          ud-mwt: the same with a segmented word on one\n"
"                            line, \"و+ ب+ الكتاب\" (multiword tokens, PADT)\n"
"  -s, --segment           split clitics off Arabic words (needs the\n"
"                            hunspell Arabic dictionary, hunspell-ar)\n"
"  -n, --normalize=PROFILE normalize first (clean, search, none); offsets\n"
"                            still refer to the input bytes\n"
"      --invalid=MODE      invalid UTF-8: error (default), replace, keep\n"
"  -i, --input-encoding=ENC\n"
"                          read the input in ENC (windows-1256,\n"
"                            ISO-8859-6, UTF-16...), not UTF-8; offsets\n"
"                            then refer to its UTF-8 conversion\n"
"  -o, --output=FILE       write to FILE (replaced only on success)\n"
"      --help              display this help and exit\n"
"      --version           output version information and exit\n"
"\n"
"The dictionary is looked up in each directory of DICPATH, then in the\n"
"system directory.  Exit status: 0 on success, 2 on trouble (unreadable\n"
"file, invalid UTF-8, write error, bad option).\n", stdout);
	/* clang-format on */
	exit(CLI_OK);
}

int main(int argc, char **argv)
{
	enum { OPT_HELP = 256, OPT_VERSION, OPT_INVALID };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "segment", no_argument, NULL, 's' },
		{ "normalize", required_argument, NULL, 'n' },
		{ "invalid", required_argument, NULL, OPT_INVALID },
		{ "input-encoding", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	ar_tok_options opts = AR_TOK_OPTIONS_INIT;
	ctx c;
	const char *output = NULL;
	ar_status st;
	int ch, status;

	cli_init(argv[0]);
	tsv_init();
	memset(&c, 0, sizeof c);
	c.fmt = F_TEXT;
	while ((ch = getopt_long(argc, argv, "f:sn:i:o:", longopts, NULL)) !=
	       -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				c.fmt = F_TEXT;
			else if (strcmp(optarg, "tsv") == 0)
				c.fmt = F_TSV;
			else if (strcmp(optarg, "jsonl") == 0)
				c.fmt = F_JSONL;
			else if (strcmp(optarg, "conllu") == 0)
				c.fmt = F_CONLLU;
			else if (strcmp(optarg, "ud") == 0)
				c.fmt = F_UD;
			else if (strcmp(optarg, "ud-mwt") == 0)
				c.fmt = F_UD_MWT;
			else
				cli_usage_error("invalid argument '%s' for "
				                "'--format' (valid: text, tsv, "
				                "jsonl, conllu, ud, ud-mwt)",
				                optarg);
			break;
		case 's':
			c.segment = 1;
			break;
		case 'n': {
			unsigned fl;
			if (ar_norm_profile(&fl, optarg) != AR_OK)
				cli_usage_error("invalid argument '%s' for "
				                "'--normalize' (valid: clean, "
				                "search, none)",
				                optarg);
			opts.flags |= AR_TOK_NORMALIZE;
			opts.norm_flags = fl;
			break;
		}
		case OPT_INVALID:
			opts.invalid = cli_parse_invalid(optarg);
			break;
		case 'i':
			cli_input_encoding(optarg);
			break;
		case 'o':
			output = optarg;
			break;
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
	if (c.segment)
		opts.flags |= c.fmt == F_UD || c.fmt == F_UD_MWT
		                      ? AR_TOK_SEGMENT_UD
		                      : AR_TOK_SEGMENT;
	if (c.fmt == F_CONLLU)
		opts.flags |= AR_TOK_WHITESPACE;
	memset(&c.err, 0, sizeof c.err);
	st = ar_tokenizer_new(&c.tok, &opts, &c.err);
	if (st != AR_OK) {
		if (c.err.message[0])
			cli_error("%s", c.err.message);
		else
			cli_error("%s", ar_strerror(st));
		return CLI_TROUBLE;
	}
	if (output)
		cli_output_to(output);
	status = cli_read_inputs(argv + optind, argc - optind, on_start,
	                         on_chunk, on_done, &c);
	cli_flush();
	ar_tokenizer_free(c.tok);
	free(c.prev_text);
	free(c.prev_segtext);
	return status;
}
