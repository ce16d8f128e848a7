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

/* Output buffer: formatting goes here, cli_write() sends it in blocks. */
static char obuf[1 << 16];
static size_t olen;

static void oflush(void)
{
	cli_write(obuf, olen);
	olen = 0;
}

static void oput(const char *s, size_t n)
{
	if (olen + n > sizeof obuf) {
		oflush();
		if (n > sizeof obuf) {
			cli_write(s, n);
			return;
		}
	}
	memcpy(obuf + olen, s, n);
	olen += n;
}

static void oc(char c)
{
	if (olen == sizeof obuf)
		oflush();
	obuf[olen++] = c;
}

static void ostr(const char *s)
{
	oput(s, strlen(s));
}

static void onum(uint64_t v)
{
	char b[24];
	int k = 24;

	do {
		b[--k] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	oput(b + k, (size_t)(24 - k));
}

/* A JSON string: escapes, and U+FFFD for bytes that are not UTF-8 (kept
 * with --invalid=keep), so that every line parses. */
static void ojson(const char *s, size_t n)
{
	size_t i = 0;

	oc('"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t l;
		if (c < 0x80) {
			if (c == '"' || c == '\\') {
				oc('\\');
				oc((char)c);
			} else if (c < 0x20) {
				static const char hex[] = "0123456789abcdef";
				char e[6] = { '\\', 'u',         '0',
					      '0',  hex[c >> 4], hex[c & 15] };
				oput(e, 6);
			} else {
				oc((char)c);
			}
			i++;
			continue;
		}
		l = ar_utf8_decode(&cp, s + i, n - i);
		if (l == 0) {
			ostr("\\ufffd");
			i++;
			continue;
		}
		oput(s + i, l);
		i += l;
	}
	oc('"');
}

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
			oc(' ');
		if (g->kind > 0)
			oc('+');
		oput(g->text, g->len);
		if (g->kind < 0)
			oc('+');
	}
}

/* "\tTYPE\tSCRIPT\t" for each type and script, made once. */
static char tsv_mid[AR_TOKEN_SPACE + 1][4][32];
static unsigned char tsv_mid_len[AR_TOKEN_SPACE + 1][4];

static void dig4_init(void);

static void tsv_init(void)
{
	int ty, sc;

	dig4_init();

	for (ty = 0; ty <= AR_TOKEN_SPACE; ty++)
		for (sc = 0; sc < 4; sc++)
			tsv_mid_len[ty][sc] = (unsigned char)snprintf(
			        tsv_mid[ty][sc], sizeof tsv_mid[ty][sc],
			        "\t%s\t%s\t",
			        ar_token_type_name((ar_token_type)ty),
			        ar_script_name((ar_script)sc));
}

/* The eight decimal digits of v < 10^8, most significant first, as the
 * bytes 0-9 of a little-endian word (SWAR: four lanes, then two, then one
 * digit each; every product stays inside its lane). */
static inline uint64_t digits8(uint32_t v)
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

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define LE64(x) __builtin_bswap64(x)
#else
#define LE64(x) (x)
#endif

/* Number of leading zero digits in d = digits8(v), v < 10^8: the low
 * bytes that are 0, but the last digit always counts. */
static inline int zeros8(uint64_t d)
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

/* Decimal digits of v >= 10^8 at o; returns the end.  o must have 24
 * bytes of room: whole words are stored. */
static char *put_big(char *o, uint64_t v)
{
	uint64_t hi = v / 100000000u, d, w;
	int z;

	if (hi >= 100000000u) {
		o = put_big(o, hi);
	} else {
		d = digits8((uint32_t)hi);
		z = zeros8(d);
		w = LE64((d >> (8 * z)) + 0x3030303030303030ull);
		memcpy(o, &w, 8);
		o += 8 - z;
	}
	w = LE64(digits8((uint32_t)(v % 100000000u)) + 0x3030303030303030ull);
	memcpy(o, &w, 8);
	return o + 8;
}

/* The four decimal digits of 0 to 9999, with leading zeros, as bytes 0-9
 * (filled by tsv_init()). */
static uint32_t dig4[10000];

static void dig4_init(void)
{
	uint32_t v;

	for (v = 0; v < 10000; v++)
		dig4[v] = (uint32_t)(digits8(v) >> 32);
}

/* Decimal digits of v at o, without leading zeros; returns the end.  o
 * must have 24 bytes of room: whole words are stored. */
static inline char *put_u64(char *o, uint64_t v)
{
	uint64_t d, w;
	uint32_t hi;
	int z;

	if (v >= 100000000u)
		return put_big(o, v);
	/* below 10^8: two look-ups of four digits */
	hi = (uint32_t)v / 10000u;
	d = dig4[hi] | (uint64_t)dig4[(uint32_t)v - hi * 10000u] << 32;
	/* bit 56 keeps the last digit when v is 0 */
	z = zeros8(d | 1ull << 56);
	w = LE64((d >> (8 * z)) + 0x3030303030303030ull);
	memcpy(o, &w, 8);
	return o + 8 - z;
}

/* Offsets grow by small steps: the four high digits of the last one are
 * kept, with the multiple of 10000 they stand for. */
static uint64_t off_base;
static uint64_t off_hi; /* the digits of off_base / 10000, as dig4[] */

/* put_u64() for an offset. */
static inline char *put_off(char *o, uint64_t v)
{
	uint64_t d, w, r = v - off_base;
	int z;

	if (r >= 10000u) {
		uint32_t hi;
		if (v >= 100000000u)
			return put_big(o, v);
		hi = (uint32_t)v / 10000u;
		off_base = (uint64_t)hi * 10000u;
		off_hi = dig4[hi];
		r = v - off_base;
	}
	d = off_hi | (uint64_t)dig4[r] << 32;
	z = zeros8(d | 1ull << 56);
	w = LE64((d >> (8 * z)) + 0x3030303030303030ull);
	memcpy(o, &w, 8);
	return o + 8 - z;
}

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

	if (need > sizeof obuf) {
		/* a huge token: the slow way */
		oput(t->text, t->len);
		oput(tsv_mid[t->type][t->script],
		     tsv_mid_len[t->type][t->script]);
		onum(t->start);
		oc('\t');
		onum(t->end);
		oc('\t');
		onum(t->sentence);
	} else {
		if (olen + need > sizeof obuf)
			oflush();
		o = obuf + olen;
		copy_text(o, t->text, t->len);
		o += t->len;
		memcpy(o, tsv_mid[t->type][t->script], 32);
		o += tsv_mid_len[t->type][t->script];
		o = put_off(o, t->start);
		*o++ = '\t';
		o = put_off(o, t->end);
		*o++ = '\t';
		if (t->sentence != sent_v) {
			sent_n = (int)(put_u64(sent_d, t->sentence) - sent_d);
			sent_v = t->sentence;
		}
		memcpy(o, sent_d, 24);
		o += sent_n;
		if (!segment) {
			*o++ = '\n';
			olen = (size_t)(o - obuf);
			return;
		}
		olen = (size_t)(o - obuf);
	}
	if (segment) {
		oc('\t');
		if (t->nsegments)
			osegs(t);
		else
			oput(t->text, t->len);
	}
	oc('\n');
}

static void out_jsonl(const ar_token *t)
{
	size_t k;

	ostr("{\"token\":");
	ojson(t->text, t->len);
	ostr(",\"type\":\"");
	ostr(ar_token_type_name(t->type));
	ostr("\",\"script\":\"");
	ostr(ar_script_name(t->script));
	ostr("\",\"start\":");
	onum(t->start);
	ostr(",\"end\":");
	onum(t->end);
	ostr(",\"sentence\":");
	onum(t->sentence);
	if (t->flags & AR_TOKF_SENTENCE_END)
		ostr(",\"sentence_end\":true");
	if (t->nsegments) {
		ostr(",\"segments\":[");
		for (k = 0; k < t->nsegments; k++) {
			const ar_segment *g = &t->segments[k];
			if (k)
				oc(',');
			ostr("{\"text\":");
			ojson(g->text, g->len);
			ostr(",\"form\":");
			ojson(g->form, g->form_len);
			ostr(",\"kind\":\"");
			ostr(kind_name(g->kind));
			ostr("\",\"start\":");
			onum(g->start);
			ostr(",\"end\":");
			onum(g->end);
			oc('}');
		}
		oc(']');
	}
	ostr("}\n");
}

/* One CoNLL-U word line; FORM may not contain spaces or tabs (tokens
 * never do). */
static void conllu_word(unsigned long id, const char *form, size_t n,
                        const char *misc)
{
	onum(id);
	oc('\t');
	oput(form, n);
	ostr("\t_\t_\t_\t_\t_\t_\t_\t");
	ostr(misc);
	oc('\n');
}

static void out_conllu(ctx *c, const ar_token *t, int space_after)
{
	char misc[96];
	size_t k;

	if (c->word_id == 0) {
		ostr("# sent_id = ");
		onum(c->sent_id + 1);
		oc('\n');
	}
	snprintf(misc, sizeof misc, "%sTokenRange=%llu:%llu",
	         space_after ? "" : "SpaceAfter=No|",
	         (unsigned long long)t->start, (unsigned long long)t->end);
	if (t->nsegments) {
		unsigned long first = c->word_id + 1;
		onum(first);
		oc('-');
		onum(first + t->nsegments - 1);
		oc('\t');
		oput(t->text, t->len);
		ostr("\t_\t_\t_\t_\t_\t_\t_\t");
		ostr(misc);
		oc('\n');
		for (k = 0; k < t->nsegments; k++)
			conllu_word(++c->word_id, t->segments[k].form,
			            t->segments[k].form_len, "_");
	} else {
		conllu_word(++c->word_id, t->text, t->len, misc);
	}
	if (t->flags & AR_TOKF_SENTENCE_END) {
		oc('\n');
		c->word_id = 0;
		c->sent_id++;
	}
}

/* Keep a copy of the token for CoNLL-U's SpaceAfter look-ahead. */
static void keep_prev(ctx *c, const ar_token *t)
{
	size_t k, need = t->len + 1, segneed = 0;

	if (need > c->prev_asize) {
		char *p = realloc(c->prev_text, need);
		if (!p) {
			cli_error("out of memory");
			exit(CLI_TROUBLE);
		}
		c->prev_text = p;
		c->prev_asize = need;
	}
	memcpy(c->prev_text, t->text, t->len);
	c->prev = *t;
	c->prev.text = c->prev_text;
	for (k = 0; k < t->nsegments; k++)
		segneed += t->segments[k].len + t->segments[k].form_len;
	if (segneed + 1 > c->prev_segasize) {
		char *p = realloc(c->prev_segtext, segneed + 1);
		if (!p) {
			cli_error("out of memory");
			exit(CLI_TROUBLE);
		}
		c->prev_segtext = p;
		c->prev_segasize = segneed + 1;
	}
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
			oput(s + a, i - a);
			oc('\n');
		}
		ostr("-\n");
		a = i + 1;
	}
	if (n > a) {
		oput(s + a, n - a);
		oc('\n');
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
	oput(t->text, n - pl);
	oc('\n');
	if (pl) {
		oput(t->text + n - pl, pl);
		oc('\n');
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
			oput(t->text, t->len);
		oc('\n');
		if (t->flags & AR_TOKF_SENTENCE_END)
			oc('\n');
		break;
	case F_UD:
	case F_UD_MWT:
		/* UD Arabic-PUD writes each clitic as its own token; PADT
		 * makes the word a multiword token: "و+ ب+ الكتاب" */
		if (t->nsegments && c->fmt == F_UD_MWT) {
			osegs(t);
			oc('\n');
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
			oput(t->text, t->len);
			oc('\n');
		}
		if (t->flags & AR_TOKF_SENTENCE_END)
			oc('\n');
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
		oflush();
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
		oflush();
		return 0;
	}
	memset(&c->err, 0, sizeof c->err);
	st = ar_tok_finish(c->tok, sink_of(c), c, &c->err);
	if (c->fmt == F_CONLLU && c->have_prev) {
		c->prev.flags |= AR_TOKF_SENTENCE_END;
		out_conllu(c, &c->prev, 1);
		c->have_prev = 0;
	}
	oflush();
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
	while ((ch = getopt_long(argc, argv, "f:sn:o:", longopts, NULL)) !=
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
	oflush();
	ar_tokenizer_free(c.tok);
	free(c.prev_text);
	free(c.prev_segtext);
	return status;
}
