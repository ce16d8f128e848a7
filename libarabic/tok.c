/*
 * tok.c - streaming tokenizer for mixed Arabic and Latin text.
 *
 * The stream is cut into maximal runs of whitespace and of non-whitespace
 * ("chunks").  No token crosses a run boundary (URLs, numbers, hashtags and
 * emoji sequences never contain White_Space), so a chunk is tokenized only
 * once it is complete, which makes the result independent of how the input
 * was cut into pieces.  A run longer than RUN_MAX bytes is cut every
 * RUN_MAX bytes (counted from its start, moved back to a character
 * boundary): the cut depends only on the text, never on the pieces, and
 * memory stays bounded.
 *
 * Sentence ends need one token of look-ahead (a closing quote after a full
 * stop belongs to the sentence; a blank line ends it), so the last word
 * token is held back until the next token or the end of the stream.
 *
 * With AR_TOK_NORMALIZE the input goes through an ar_normalizer first; its
 * offset map (ar_norm_span) turns offsets in the normalized text back into
 * offsets of the original bytes.
 */
#include "config.h"

#include "chars.h"
#include "dict_int.h"
#include "seg.h"

#include <stddef.h>
#include <stdlib.h>
#include <utf8proc.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#define RUN_MAX 65536

/* Kinds of run. */
enum { RUN_NONE = 0, RUN_SPACE, RUN_TEXT };

/* Character classes used by the chunk scanner. */
enum {
	C_OTHER = 0, /* control, unassigned, private use... */
	C_LETTER,    /* a letter; its script is given separately */
	C_MARK,      /* combining mark: stays with the preceding letter */
	C_DIGIT,     /* decimal digit of any system */
	C_PUNCT,
	C_SYMBOL,
	C_FORMAT, /* Cf: ZWNJ, ZWJ, bidi marks... */
	C_EMOJI   /* start of an emoji sequence */
};

/* A token being built for the current chunk: offsets are relative to the
 * chunk; text replaced (invalid UTF-8 with AR_INVALID_REPLACE) points to a
 * static string. */
typedef struct ctok {
	size_t s, e;
	ar_token_type type;
	ar_script script;
	unsigned char term;  /* ends a sentence (., !, ?, ؟, …, ۔) */
	unsigned char close; /* closing quote or bracket */
	const char *repl;    /* replacement text or NULL */
} ctok;

struct ar_tokenizer {
	ar_tok_options opts;
	ar_normalizer *norm;
	ar_seg *seg;

	/* the run being accumulated */
	ar_buf run;
	int run_kind;
	uint64_t run_start;    /* logical offset of run.ptr[0] */
	unsigned char tail[4]; /* incomplete UTF-8 character */
	size_t ntail;
	uint64_t off; /* logical offset of the next byte */
	ar_pos pos;   /* positions, for errors (raw input) */

	/* offset map of the normalized text (AR_TOK_NORMALIZE) */
	ar_norm_span *spans;
	size_t nspans, aspans, span0;

	/* tokens of the chunk being scanned */
	ctok *ct;
	size_t nct, act;

	/* the held-back token (sentence look-ahead) */
	int have_held;
	int held_pinned; /* its text is in held_text */
	ar_token held;
	ar_buf held_text;
	ar_segment held_segs[AR_SEG_MAX];
	ar_buf held_segtext;
	int pend_end; /* a terminator was seen: the sentence ends
	                              unless a closing mark follows */
	uint64_t sentence;

	/* the current call */
	ar_token_sink sink;
	void *payload;
	ar_error *err;
	int stopped;
};

/* ------------------------------------------------------------------ */
/* Character properties                                                 */

/* Class of an ASCII byte. */
/* clang-format off */
static const unsigned char ascii_class[128] = {
	/* controls */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/*  ! " # $ % & ' ( ) * + , - . / */
	0, C_PUNCT, C_PUNCT, C_PUNCT, C_SYMBOL, C_PUNCT, C_PUNCT, C_PUNCT,
	C_PUNCT, C_PUNCT, C_PUNCT, C_SYMBOL, C_PUNCT, C_PUNCT, C_PUNCT,
	C_PUNCT,
	/* 0-9 */
	C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT,
	C_DIGIT, C_DIGIT, C_DIGIT,
	/* : ; < = > ? @ */
	C_PUNCT, C_PUNCT, C_SYMBOL, C_SYMBOL, C_SYMBOL, C_PUNCT, C_PUNCT,
	/* A-Z */
	C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
	C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
	C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
	C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
	/* [ \ ] ^ _ ` */
	C_PUNCT, C_PUNCT, C_PUNCT, C_SYMBOL, C_PUNCT, C_SYMBOL,
	/* a-z */
	C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
	C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
	C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
	C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
	/* { | } ~ DEL */
	C_PUNCT, C_SYMBOL, C_PUNCT, C_SYMBOL, 0
};
/* clang-format on */

static int is_emoji_start(uint32_t cp, const utf8proc_property_t *pr)
{
	int bc = pr->boundclass;

	if (bc == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR)
		return 1;
	if (bc != UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC &&
	    bc != UTF8PROC_BOUNDCLASS_E_ZWG)
		return 0;
	/* Extended_Pictographic also holds text symbols such as © ® ™ ‼ and
	 * arrows; those are emoji only with VS16, handled by the caller. */
	return cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF) ||
	       (cp >= 0x2B00 && cp <= 0x2BFF) || cp == 0x231A || cp == 0x231B ||
	       cp == 0x2328 || cp == 0x23CF || (cp >= 0x23E9 && cp <= 0x23FA);
}

static inline int classify(uint32_t cp)
{
	const utf8proc_property_t *pr;

	if (cp < 0x80)
		return ascii_class[cp];
	/* the Arabic letters and harakat, without a table look-up; tatweel
	 * (Lm) is part of Arabic words */
	if (cp >= 0x620 && cp <= 0x64A)
		return C_LETTER;
	if (cp >= 0x64B && cp <= 0x65F)
		return C_MARK;
	pr = utf8proc_get_property((utf8proc_int32_t)cp);
	switch (pr->category) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_NL:
		return C_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return C_PUNCT;
	case UTF8PROC_CATEGORY_SM:
	case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
		return is_emoji_start(cp, pr) ? C_EMOJI : C_SYMBOL;
	case UTF8PROC_CATEGORY_CF:
		return C_FORMAT;
	case UTF8PROC_CATEGORY_NO:
		return C_SYMBOL;
	default:
		return C_OTHER;
	}
}

/* White_Space (PropList.txt), plus ZERO WIDTH SPACE and the BOM / ZWNBSP,
 * which separate words without being letters of either. */
static inline int is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
	switch (cp) {
	case 0x85:
	case 0xA0:
	case 0x1680:
	case 0x2028:
	case 0x2029:
	case 0x202F:
	case 0x205F:
	case 0x3000:
	case 0x200B:
	case 0xFEFF:
		return 1;
	default:
		return cp >= 0x2000 && cp <= 0x200A;
	}
}

/* Decode the character at p[i]; returns its length, or 0 if the bytes
 * there are not valid UTF-8. */
static inline size_t dec(const char *p, size_t n, size_t i, uint32_t *cp)
{
	return ar_utf8__next(cp, p + i, n - i);
}

/* Code point before position i (which is > 0), or 0 if not decodable. */
static uint32_t prev_cp(const char *p, size_t i)
{
	size_t k = i;
	uint32_t cp;

	while (k > 0 && i - k < 4) {
		k--;
		if (((unsigned char)p[k] & 0xC0) != 0x80)
			break;
	}
	if (ar_utf8_decode(&cp, p + k, i - k) != i - k)
		return 0;
	return cp;
}

/* x as read from little-endian memory. */
static inline uint64_t le64(uint64_t x)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return __builtin_bswap64(x);
#else
	return x;
#endif
}

/*
 * End of the run of characters U+0620-U+065F (Arabic letters and harakat,
 * UTF-8 D8 A0 .. D9 9F) that starts at q[j]: the first position, at j or
 * after it by a whole number of such characters, where no complete one
 * starts.  A pair is one of them when the lead byte is D8 or D9, the
 * second byte is 10xxxxxx, and bit 0 of the lead differs from bit 5 of
 * the second byte (D8 A0-BF, D9 80-9F).
 */
static inline size_t pure_end(const unsigned char *q, size_t j, size_t len)
{
#if defined(__SSE2__) && defined(__GNUC__)
	/* eight characters at a time: in each 16-bit lane (lead byte low),
	 * lane ^ (lane << 13) puts (lead bit 0) ^ (second bit 5) in bit 13
	 * and leaves bits 14-15 alone when the lead is D8 or D9 */
	const __m128i mask = _mm_set1_epi16((short)0xE0FE);
	const __m128i want = _mm_set1_epi16((short)0xA0D8);

	while (j + 16 <= len) {
		__m128i v =
		        _mm_loadu_si128((const __m128i *)(const void *)(q + j));
		__m128i x = _mm_xor_si128(v, _mm_slli_epi16(v, 13));
		unsigned ok = (unsigned)_mm_movemask_epi8(
		        _mm_cmpeq_epi16(_mm_and_si128(x, mask), want));
		if (ok != 0xFFFF)
			return j + (size_t)__builtin_ctz(~ok);
		j += 16;
	}
#endif
	while (j + 8 <= len) {
		uint64_t x;
		memcpy(&x, q + j, 8);
		x = le64(x);
		if ((x & 0xC0FEC0FEC0FEC0FEull) != 0x80D880D880D880D8ull ||
		    ((x ^ (x >> 13)) & 0x0001000100010001ull) !=
		            0x0001000100010001ull)
			break;
		j += 8;
	}
	while (j + 1 < len &&
	       ((q[j] == 0xD8 && q[j + 1] >= 0xA0 && q[j + 1] <= 0xBF) ||
	        (q[j] == 0xD9 && q[j + 1] >= 0x80 && q[j + 1] <= 0x9F)))
		j += 2;
	return j;
}

static int is_ascii_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') ||
	       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* ------------------------------------------------------------------ */
/* URLs, e-mail addresses                                               */

/* Generic and frequent top-level domains accepted without a scheme (any
 * two-letter country code is also accepted). */
static const char *const tlds[] = {
	"com",    "org",   "net",  "edu",    "gov",   "mil",   "int",   "info",
	"biz",    "name",  "pro",  "app",    "dev",   "io",    "ai",    "news",
	"online", "site",  "blog", "tech",   "media", "tv",    "xyz",   "top",
	"live",   "store", "shop", "museum", "aero",  "coop",  "jobs",  "mobi",
	"travel", "asia",  "cat",  "tel",    "arpa",  "world", "today", "email",
	"link",   "cloud", NULL
};

static int tld_ok(const char *p, size_t n)
{
	size_t i, k;
	char low[8];

	if (n < 2 || n > 7)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 0;
		low[i] = (char)(c | 0x20);
	}
	if (n == 2)
		return 1;
	for (k = 0; tlds[k]; k++)
		if (strlen(tlds[k]) == n && memcmp(tlds[k], low, n) == 0)
			return 1;
	return 0;
}

/* Scan a host name of ASCII labels at p[i]; returns its end and sets
 * *ndots and *last (start of the last label), or i if there is none. */
static size_t scan_host(const char *p, size_t n, size_t i, int *ndots,
                        size_t *last)
{
	size_t j = i, lab = i;

	*ndots = 0;
	for (;;) {
		size_t k = j;
		while (k < n && (is_ascii_alnum((unsigned char)p[k]) ||
		                 (p[k] == '-' && k > j)))
			k++;
		if (k == j || p[k - 1] == '-') {
			*last = lab;               /* the last whole label */
			return j == i ? i : j - 1; /* drop the last '.' */
		}
		lab = j;
		j = k;
		if (j + 1 < n && p[j] == '.' &&
		    is_ascii_alnum((unsigned char)p[j + 1])) {
			(*ndots)++;
			j++;
			continue;
		}
		break;
	}
	*last = lab;
	return j;
}

static int is_url_stop(uint32_t cp)
{
	switch (cp) {
	case '"':
	case '<':
	case '>':
	case '`':
	case 0xAB:
	case 0xBB:
	case 0x201C:
	case 0x201D:
	case 0x2018:
	case 0x2019:
		return 1;
	default:
		return 0;
	}
}

static int is_trailing_punct(uint32_t cp)
{
	switch (cp) {
	case '.':
	case ',':
	case ';':
	case ':':
	case '!':
	case '?':
	case '\'':
	case ')':
	case ']':
	case '}':
	case 0x60C:
	case 0x61B:
	case 0x61F:
	case 0x6D4:
	case 0x2026:
		return 1;
	default:
		return 0;
	}
}

/* Path, query and fragment after a host: anything but whitespace (the
 * chunk has none) and quotes, without trailing punctuation; a closing
 * parenthesis is kept when it closes one opened inside the URL. */
static size_t scan_url_tail(const char *p, size_t n, size_t j)
{
	size_t k = j, end = j;
	int depth = 0;

	while (k < n) {
		uint32_t cp;
		size_t l = dec(p, n, k, &cp);
		if (l == 0 || is_url_stop(cp))
			break;
		if (cp == '(')
			depth++;
		k += l;
		if (cp == ')') {
			if (depth == 0) {
				/* unbalanced: ends the URL */
				k -= l;
				break;
			}
			depth--;
			end = k;
			continue;
		}
		if (!is_trailing_punct(cp))
			end = k;
	}
	return end;
}

static int ascii_prefix(const char *p, size_t n, size_t i, const char *lit)
{
	size_t m = strlen(lit), k;

	if (n - i < m)
		return 0;
	for (k = 0; k < m; k++)
		if (((unsigned char)p[i + k] | 0x20) != (unsigned char)lit[k] &&
		    p[i + k] != lit[k])
			return 0;
	return 1;
}

/* A URL starting at p[i]: scheme://..., www.host..., or host.tld with a
 * known top-level domain.  Returns its end or 0. */
static size_t try_url(const char *p, size_t n, size_t i)
{
	size_t j = i, host_end, last;
	int ndots, scheme = 0;

	/* scheme: letters, then "://" */
	while (j < n && j - i < 16 &&
	       (is_ascii_alnum((unsigned char)p[j]) || p[j] == '+' ||
	        p[j] == '-' || p[j] == '.'))
		j++;
	if (j > i && j + 3 <= n && p[j] == ':' && p[j + 1] == '/' &&
	    p[j + 2] == '/' && ((unsigned char)p[i] | 0x20) >= 'a' &&
	    ((unsigned char)p[i] | 0x20) <= 'z') {
		size_t k = j + 3, e;
		/* anything up to a stop; hosts may be non-ASCII (IRIs) */
		e = scan_url_tail(p, n, k);
		return e > k ? e : 0;
	}
	(void)scheme;
	if (ascii_prefix(p, n, i, "mailto:"))
		return 0; /* left to try_email after the colon */
	host_end = scan_host(p, n, i, &ndots, &last);
	if (host_end == i || ndots < 1)
		return 0;
	if (!ascii_prefix(p, n, i, "www.") &&
	    !tld_ok(p + last, host_end - last))
		return 0;
	/* the host must not run on into letters ("site.comment" is not) */
	if (host_end < n) {
		uint32_t cp;
		size_t l = dec(p, n, host_end, &cp);
		if (l && (cp == '@' || cp == '_' ||
		          (cp >= 0x80 && classify(cp) == C_LETTER &&
		           ar_char__script(cp) == AR_SCRIPT_LATIN)))
			return 0;
	}
	j = host_end;
	if (j + 1 < n && p[j] == ':' && p[j + 1] >= '0' && p[j + 1] <= '9') {
		j++;
		while (j < n && p[j] >= '0' && p[j] <= '9')
			j++;
	}
	if (j < n && (p[j] == '/' || p[j] == '?' || p[j] == '#'))
		j = scan_url_tail(p, n, j);
	return j;
}

static int email_local_char(unsigned char c)
{
	return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' ||
	       c == '+' || c == '-';
}

/* An e-mail address starting at p[i] (RFC 5322 dot-atom, ASCII only);
 * returns its end or 0. */
static size_t try_email(const char *p, size_t n, size_t i)
{
	size_t j = i, host_end, last;
	int ndots;

	while (j < n && email_local_char((unsigned char)p[j]))
		j++;
	if (j == i || j >= n || p[j] != '@' || p[i] == '.' || p[j - 1] == '.')
		return 0;
	host_end = scan_host(p, n, j + 1, &ndots, &last);
	if (host_end == j + 1 || ndots < 1)
		return 0;
	for (j = last; j < host_end; j++)
		if (!(((unsigned char)p[j] | 0x20) >= 'a' &&
		      ((unsigned char)p[j] | 0x20) <= 'z'))
			return 0;
	if (host_end - last < 2)
		return 0;
	return host_end;
}

/* ------------------------------------------------------------------ */
/* Latin abbreviations                                                  */

/* Abbreviations written with a final full stop that does not end a
 * sentence (titles, Latin phrases, months).  Case-sensitive. */
static const char *const abbrevs[] = {
	"Dr",  "Mr",   "Mrs",  "Ms",  "Mx",  "Prof", "St",     "Jr",   "Sr",
	"Mt",  "Rev",  "Gen",  "Col", "Lt",  "Sgt",  "Capt",   "Gov",  "Sen",
	"Rep", "Pres", "Hon",  "vs",  "etc", "al",   "approx", "ca",   "cf",
	"no",  "No",   "Nos",  "vol", "Vol", "pp",   "p",      "fig",  "Fig",
	"ed",  "eds",  "Inc",  "Ltd", "Co",  "Corp", "Bros",   "Dept", "Univ",
	"Jan", "Feb",  "Mar",  "Apr", "Jun", "Jul",  "Aug",    "Sep",  "Sept",
	"Oct", "Nov",  "Dec",  "Mon", "Tue", "Wed",  "Thu",    "Fri",  "Sat",
	"Sun", "Ave",  "Blvd", "Rd",  "est", "min",  "max",    NULL
};

static int is_abbrev(const char *p, size_t n)
{
	size_t k;

	if (n == 1 && p[0] >= 'A' && p[0] <= 'Z')
		return 1; /* an initial: "J. R. R. Tolkien" */
	for (k = 0; abbrevs[k]; k++)
		if (strlen(abbrevs[k]) == n && memcmp(abbrevs[k], p, n) == 0)
			return 1;
	return 0;
}

/* "U.S.", "e.g.", "i.e.", "a.m.": single letters each followed by a full
 * stop, at least two of them.  Returns the end or 0. */
static size_t try_dotted(const char *p, size_t n, size_t i)
{
	size_t j = i;
	int k = 0;

	while (j + 1 < n && ((unsigned char)p[j] | 0x20) >= 'a' &&
	       ((unsigned char)p[j] | 0x20) <= 'z' && p[j + 1] == '.') {
		j += 2;
		k++;
		if (j < n && is_ascii_alnum((unsigned char)p[j]) &&
		    !(j + 1 < n && p[j + 1] == '.')) {
			/* "U.S.A" without the last stop */
			if (k >= 2 &&
			    !(j + 1 < n &&
			      is_ascii_alnum((unsigned char)p[j + 1])))
				return j + 1;
			return 0;
		}
	}
	return k >= 2 ? j : 0;
}

/* ------------------------------------------------------------------ */
/* Chunk scanner                                                        */

static ar_status push_ct(ar_tokenizer *t, size_t s, size_t e,
                         ar_token_type type, ar_script script)
{
	ctok *c;

	if (ar_array__grow((void **)&t->ct, &t->act, t->nct + 1,
	                   sizeof *t->ct) != 0)
		return AR_ENOMEM;
	c = &t->ct[t->nct++];
	c->s = s;
	c->e = e;
	c->type = type;
	c->script = script;
	c->term = 0;
	c->close = 0;
	c->repl = NULL;
	return AR_OK;
}

/* Skip combining marks, variation selectors and ZWJ/ZWNJ after j. */
static size_t skip_extend(const char *p, size_t n, size_t j)
{
	while (j < n) {
		uint32_t cp;
		size_t l = dec(p, n, j, &cp);
		int c;
		if (l == 0 || cp < 0x80)
			break;
		c = classify(cp);
		if (c != C_MARK && !(cp >= 0xFE00 && cp <= 0xFE0F))
			break;
		j += l;
	}
	return j;
}

/* Invisible characters that may sit inside a word without splitting it:
 * SOFT HYPHEN, LRM, RLM, ARABIC LETTER MARK and WORD JOINER. */
static int inword_format(uint32_t cp)
{
	return cp == 0x00AD || cp == 0x200E || cp == 0x200F || cp == 0x061C ||
	       cp == 0x2060;
}

/* A word of one script starting at p[i] (a letter). */
static size_t scan_word(const char *p, size_t n, size_t i, ar_script sc)
{
	size_t j = i;

	while (j < n) {
		uint32_t cp;
		size_t l = dec(p, n, j, &cp);
		int c;

		if (l == 0)
			break;
		c = classify(cp);
		if (c == C_LETTER) {
			if (ar_char__script(cp) != sc)
				break;
		} else if (c == C_MARK) {
			/* stays with its letter */
		} else if (c == C_FORMAT && (cp == 0x200C || cp == 0x200D)) {
			/* ZWNJ/ZWJ inside a word: only before a letter of the
			 * same script, or a mark */
			uint32_t nx;
			size_t l2 = j + l < n ? dec(p, n, j + l, &nx) : 0;
			if (!l2 ||
			    !((classify(nx) == C_LETTER &&
			       ar_char__script(nx) == sc) ||
			      classify(nx) == C_MARK || sc == AR_SCRIPT_ARABIC))
				break;
		} else if (c == C_FORMAT && inword_format(cp)) {
			/* a soft hyphen, a bidi mark or a word joiner between
			 * two letters of the word's script (UAX #29 rule WB4
			 * ignores such characters inside a word) */
			uint32_t nx;
			size_t l2 = j + l < n ? dec(p, n, j + l, &nx) : 0;
			if (!l2 || classify(nx) != C_LETTER ||
			    ar_char__script(nx) != sc)
				break;
		} else if (c == C_DIGIT && cp < 0x80 &&
		           sc != AR_SCRIPT_ARABIC) {
			/* "mp3", "G7" */
		} else if (cp == '\'' || cp == 0x2019 || cp == '-' ||
		           cp == 0x2010 || cp == 0x2011) {
			/* apostrophes and hyphens between two letters of the
			 * word's script: "don't", "Al-Qaeda" */
			uint32_t nx;
			size_t l2 = j + l < n ? dec(p, n, j + l, &nx) : 0;
			if (!l2 || classify(nx) != C_LETTER ||
			    ar_char__script(nx) != sc)
				break;
		} else {
			break;
		}
		j += l;
	}
	return j;
}

/* Is p[i..i+2) an Arabic letter standing alone: a letter of U+0621-U+064A
 * (not the tatweel) not followed by another letter or a mark? */
static int lone_arabic_letter(const char *p, size_t n, size_t i)
{
	uint32_t cp, nx;
	size_t l;

	if (i + 2 > n || dec(p, n, i, &cp) != 2 || cp < 0x621 || cp > 0x64A ||
	    cp == 0x640)
		return 0;
	if (i + 2 == n)
		return 1;
	l = dec(p, n, i + 2, &nx);
	return l == 0 || (classify(nx) != C_LETTER && classify(nx) != C_MARK);
}

/* An Arabic abbreviation of single letters joined by full stops at p[i]
 * (ق.م before Christ, ص.ب post office box), whose stops end no sentence:
 * its end after its last letter, or 0.  A full stop after the last
 * letter is left to end the sentence. */
static size_t arabic_dotted(const char *p, size_t n, size_t i)
{
	size_t j = i;
	int k = 0;

	while (lone_arabic_letter(p, n, j)) {
		k++;
		if (j + 3 < n && p[j + 2] == '.' &&
		    lone_arabic_letter(p, n, j + 3))
			j += 3;
		else
			break;
	}
	return k >= 2 ? j + 2 : 0;
}

/* Is the full stop at p[i] that of an Arabic initial or one-letter
 * abbreviation: right after a one-letter Arabic word of this chunk
 * (د. for doctor, أحمد ز. أمين), which then ends no sentence?  Not after
 * م and ه, which follow a year (2010 م.) and may end one. */
static int arabic_initial(const ar_tokenizer *t, const char *p, size_t i)
{
	const ctok *c;
	uint32_t cp;

	if (t->nct < 2)
		return 0;
	c = &t->ct[t->nct - 2];
	if (c->type != AR_TOKEN_ARABIC || c->e != i || c->s + 2 != i ||
	    dec(p, i, c->s, &cp) != 2)
		return 0;
	/* the last letter of ص.ب: the stop after it may end a sentence */
	if (c->s > 0 && p[c->s - 1] == '.')
		return 0;
	return cp != 0x645 && cp != 0x647;
}

/* The letters and full stops of an Arabic dotted abbreviation p[i..e)
 * (arabic_dotted()): each a token, as the UD Arabic treebanks have them,
 * but the stops end no sentence. */
static ar_status push_dotted(ar_tokenizer *t, size_t i, size_t e)
{
	ar_status st = AR_OK;

	for (; i < e && st == AR_OK; i += 3) {
		st = push_ct(t, i, i + 2, AR_TOKEN_ARABIC, AR_SCRIPT_ARABIC);
		if (st == AR_OK && i + 2 < e)
			st = push_ct(t, i + 2, i + 3, AR_TOKEN_PUNCT,
			             AR_SCRIPT_NONE);
	}
	return st;
}

/* Tatweel, U+0640, in UTF-8. */
#define TATWEEL_0 0xD9
#define TATWEEL_1 0x80

static int is_tatweel(const char *p, size_t i)
{
	return (unsigned char)p[i] == TATWEEL_0 &&
	       (unsigned char)p[i + 1] == TATWEEL_1;
}

/* Is p[s..e) a proclitic or the article written with a tatweel after
 * it (بـ, الـ, بالـ, للـ): the first part of a word whose rest is
 * written apart, a number or a foreign word (الـ84, بـ *), which keeps
 * its tatweel? */
static int prefix_before_tatweel(const char *p, size_t s, size_t e)
{
	static const char *const forms[] = {
		"ب",    "ل",    "ك",   "و",  "ف",   "ال",  "وال",
		"فال",  "بال",  "كال", "لل", "ولل", "فلل", "وبال",
		"فبال", "وكال", "وب",  "ول", "فب",  "فل",  NULL
	};
	size_t k;

	for (k = 0; forms[k]; k++)
		if (strlen(forms[k]) == e - s &&
		    memcmp(p + s, forms[k], e - s) == 0)
			return 1;
	return 0;
}

/*
 * An Arabic word p[i..e): a tatweel inside it only stretches it (كـلمة),
 * but tatweels at its start or end stand for a dash (ـلا, فقطـ) and are
 * a punctuation token of their own, as in the UD Arabic treebanks; a
 * proclitic or the article keeps its tatweel (بـ, الـ).
 */
static ar_status push_arabic(ar_tokenizer *t, const char *p, size_t i, size_t e)
{
	size_t a = i, b = e;
	ar_status st;

	while (a + 2 <= b && is_tatweel(p, a))
		a += 2;
	if (a == b) /* tatweels alone: a dash */
		return push_ct(t, i, e, AR_TOKEN_PUNCT, AR_SCRIPT_NONE);
	while (b - 2 >= a && is_tatweel(p, b - 2))
		b -= 2;
	if (b < e && prefix_before_tatweel(p, a, b))
		b = e;
	if (a > i &&
	    (st = push_ct(t, i, a, AR_TOKEN_PUNCT, AR_SCRIPT_NONE)) != AR_OK)
		return st;
	if ((st = push_ct(t, a, b, AR_TOKEN_ARABIC, AR_SCRIPT_ARABIC)) != AR_OK)
		return st;
	if (b < e)
		return push_ct(t, b, e, AR_TOKEN_PUNCT, AR_SCRIPT_NONE);
	return AR_OK;
}

/* A number at p[i] (a digit): digits with . , ٫ ٬ between digits, then
 * an optional percent or per-mille sign. */
static size_t scan_number(const char *p, size_t n, size_t i)
{
	size_t j = i;

	for (;;) {
		uint32_t cp;
		size_t l;
		while (j < n && (l = dec(p, n, j, &cp)) != 0 &&
		       (cp < 0x80 ? (cp >= '0' && cp <= '9')
		                  : classify(cp) == C_DIGIT))
			j += l;
		if (j < n && (l = dec(p, n, j, &cp)) != 0 &&
		    (cp == '.' || cp == ',' || cp == 0x66B || cp == 0x66C)) {
			uint32_t nx;
			size_t l2 = j + l < n ? dec(p, n, j + l, &nx) : 0;
			if (l2 && (nx < 0x80 ? (nx >= '0' && nx <= '9')
			                     : classify(nx) == C_DIGIT)) {
				j += l;
				continue;
			}
		}
		break;
	}
	/* a time of day: 6:30, 23:45:10 */
	if (j - i <= 2 && p[i] >= '0' && p[i] <= '9' && p[j - 1] >= '0' &&
	    p[j - 1] <= '9')
		while (j + 2 < n && p[j] == ':' && p[j + 1] >= '0' &&
		       p[j + 1] <= '9' && p[j + 2] >= '0' && p[j + 2] <= '9' &&
		       !(j + 3 < n && p[j + 3] >= '0' && p[j + 3] <= '9'))
			j += 3;
	if (j < n) {
		uint32_t cp;
		size_t l = dec(p, n, j, &cp);
		if (l &&
		    (cp == '%' || cp == 0x66A || cp == 0x2030 || cp == 0x609))
			j += l;
	}
	return j;
}

/* An emoji sequence: one extended grapheme cluster (UAX #29, with the
 * emoji ZWJ and regional-indicator rules of utf8proc). */
static size_t scan_grapheme(const char *p, size_t n, size_t i)
{
	utf8proc_int32_t state = 0;
	uint32_t prev, cp;
	size_t j = i, l;

	l = dec(p, n, j, &prev);
	j += l;
	while (j < n && (l = dec(p, n, j, &cp)) != 0) {
		if (utf8proc_grapheme_break_stateful((utf8proc_int32_t)prev,
		                                     (utf8proc_int32_t)cp,
		                                     &state))
			break;
		prev = cp;
		j += l;
	}
	return j;
}

static int is_terminator(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x61F ||
	       cp == 0x2026 || cp == 0x6D4 || cp == 0x203C || cp == 0x2047 ||
	       cp == 0x2048 || cp == 0x2049 || cp == 0x3002;
}

static int is_closing(uint32_t cp)
{
	switch (cp) {
	case '"':
	case '\'':
	case ')':
	case ']':
	case '}':
	case 0xBB:
	case 0x2019:
	case 0x201D:
	case 0x203A:
	case 0xFD3F:
	case 0x300D:
		return 1;
	default:
		return 0;
	}
}

static int hashtag_char(uint32_t cp)
{
	int c;

	if (cp == '_')
		return 1;
	c = classify(cp);
	return c == C_LETTER || c == C_DIGIT || c == C_MARK || cp == 0x200C ||
	       cp == 0x200D;
}

static const char replacement[] = "\xEF\xBF\xBD";

/* Tokenize one chunk (no whitespace inside) into t->ct. */
static ar_status scan_chunk(ar_tokenizer *t, const char *p, size_t n)
{
	size_t i = 0;
	int has_at = 0, has_dot = -1; /* -1: not looked yet */
	ar_status st;

	t->nct = 0;
	while (i < n) {
		uint32_t cp, prev = 0;
		size_t l = dec(p, n, i, &cp), e;
		int c;

		if (l == 0) {
			/* invalid UTF-8 (AR_INVALID_REPLACE or KEEP) */
			e = i + ar_utf8__invalid_len(p + i, n - i);
			if ((st = push_ct(t, i, e, AR_TOKEN_SYMBOL,
			                  AR_SCRIPT_NONE)) != AR_OK)
				return st;
			if (t->opts.invalid == AR_INVALID_REPLACE)
				t->ct[t->nct - 1].repl = replacement;
			i = e;
			continue;
		}
		c = classify(cp);
		/* URLs need a dot, e-mail addresses an at sign: look once,
		 * and only in chunks that have ASCII letters or digits */
		if (has_dot < 0 && cp < 0x80 &&
		    (c == C_LETTER || c == C_DIGIT)) {
			has_at = memchr(p, '@', n) != NULL;
			has_dot = has_at || memchr(p, '.', n) != NULL;
		}
		/* the previous character matters only for a few starts */
		if (i > 0 && ((cp < 0x80 && (c != C_LETTER || has_dot > 0)) ||
		              cp == 0x2212))
			prev = prev_cp(p, i);

		/* e-mail addresses and URLs start at an ASCII letter or digit
		 * that does not continue a word */
		if (has_dot > 0 && cp < 0x80 && is_ascii_alnum(cp) &&
		    !(i > 0 && (is_ascii_alnum(prev) || prev == '.' ||
		                prev == '@' || prev == '_' || prev == '-'))) {
			if (has_at && (e = try_email(p, n, i)) != 0) {
				if ((st = push_ct(t, i, e, AR_TOKEN_EMAIL,
				                  AR_SCRIPT_NONE)) != AR_OK)
					return st;
				i = e;
				continue;
			}
			if ((e = try_url(p, n, i)) != 0) {
				if ((st = push_ct(t, i, e, AR_TOKEN_URL,
				                  AR_SCRIPT_NONE)) != AR_OK)
					return st;
				i = e;
				continue;
			}
		}

		/* keycaps: 1️⃣ #️⃣ */
		if ((c == C_DIGIT || cp == '#' || cp == '*') && cp < 0x80 &&
		    i + 1 < n) {
			uint32_t nx;
			size_t l2 = dec(p, n, i + 1, &nx);
			if (l2 && (nx == 0xFE0F || nx == 0x20E3)) {
				e = scan_grapheme(p, n, i);
				if ((st = push_ct(t, i, e, AR_TOKEN_EMOJI,
				                  AR_SCRIPT_NONE)) != AR_OK)
					return st;
				i = e;
				continue;
			}
		}

		if ((cp == '#' || cp == '@') && i + 1 < n) {
			uint32_t nx;
			size_t l2 = dec(p, n, i + 1, &nx);
			if (l2 && hashtag_char(nx) &&
			    !(cp == '@' && i > 0 && is_ascii_alnum(prev))) {
				ar_script sc = AR_SCRIPT_NONE;
				e = i + 1;
				while (e < n && (l2 = dec(p, n, e, &nx)) != 0 &&
				       hashtag_char(nx)) {
					if (sc == AR_SCRIPT_NONE &&
					    classify(nx) == C_LETTER)
						sc = ar_char__script(nx);
					e += l2;
				}
				if ((st = push_ct(t, i, e,
				                  cp == '#' ? AR_TOKEN_HASHTAG
				                            : AR_TOKEN_MENTION,
				                  sc)) != AR_OK)
					return st;
				i = e;
				continue;
			}
		}

		/* signs: only at the start of a number, not after a word */
		if ((cp == '-' || cp == '+' || cp == 0x2212) && i + l < n &&
		    !(i > 0 && (classify(prev) == C_LETTER ||
		                classify(prev) == C_DIGIT ||
		                classify(prev) == C_MARK))) {
			uint32_t nx;
			size_t l2 = dec(p, n, i + l, &nx);
			if (l2 && classify(nx) == C_DIGIT) {
				e = scan_number(p, n, i + l);
				if ((st = push_ct(t, i, e, AR_TOKEN_NUMBER,
				                  AR_SCRIPT_NONE)) != AR_OK)
					return st;
				i = e;
				continue;
			}
		}

		switch (c) {
		case C_LETTER: {
			ar_script sc = ar_char__script(cp);
			e = i;
			if (cp >= 0x620 && cp <= 0x64A) {
				/* fast path: the Arabic letters and harakat
				 * U+0620-U+065F are D8 A0 .. D9 9F */
				e = pure_end((const unsigned char *)p, e + 2,
				             n);
			}
			if (e < n)
				e = scan_word(p, n, e, sc);
			if (sc == AR_SCRIPT_LATIN && cp < 0x80) {
				size_t d = try_dotted(p, n, i);
				if (d > e)
					e = d;
				else if (e < n && p[e] == '.' &&
				         is_abbrev(p + i, e - i))
					e++;
			}
			if (sc == AR_SCRIPT_ARABIC) {
				size_t d =
				        e == i + 2 ? arabic_dotted(p, n, i) : 0;
				if (d) {
					e = d;
					st = push_dotted(t, i, e);
				} else {
					st = push_arabic(t, p, i, e);
				}
				break;
			}
			st = push_ct(t, i, e,
			             sc == AR_SCRIPT_LATIN ? AR_TOKEN_LATIN
			                                   : AR_TOKEN_WORD,
			             sc);
			break;
		}
		case C_DIGIT:
			e = scan_number(p, n, i);
			st = push_ct(t, i, e, AR_TOKEN_NUMBER, AR_SCRIPT_NONE);
			break;
		case C_EMOJI:
			e = scan_grapheme(p, n, i);
			st = push_ct(t, i, e, AR_TOKEN_EMOJI, AR_SCRIPT_NONE);
			break;
		case C_PUNCT:
			e = i + l;
			if (cp == '.' || cp == '!' || cp == '?' ||
			    cp == 0x61F) {
				/* "...", "?!", "؟؟": one token */
				while (e < n &&
				       (p[e] == '.' || p[e] == '!' ||
				        p[e] == '?' ||
				        (e + 1 < n &&
				         (unsigned char)p[e] == 0xD8 &&
				         (unsigned char)p[e + 1] == 0x9F)))
					e += p[e] == '.' || p[e] == '!' ||
					                     p[e] == '?'
					             ? 1
					             : 2;
			}
			e = skip_extend(p, n, e);
			st = push_ct(t, i, e, AR_TOKEN_PUNCT, AR_SCRIPT_NONE);
			if (st == AR_OK) {
				t->ct[t->nct - 1].term =
				        is_terminator(cp) &&
				        !(e == i + 1 && cp == '.' &&
				          arabic_initial(t, p, i));
				t->ct[t->nct - 1].close = is_closing(cp);
			}
			break;
		case C_SYMBOL: {
			/* a text symbol made an emoji by VS16: ©️ ❤️ */
			uint32_t nx;
			size_t l2 = i + l < n ? dec(p, n, i + l, &nx) : 0;
			if (l2 && nx == 0xFE0F) {
				e = scan_grapheme(p, n, i);
				st = push_ct(t, i, e, AR_TOKEN_EMOJI,
				             AR_SCRIPT_NONE);
				break;
			}
			e = skip_extend(p, n, i + l);
			st = push_ct(t, i, e, AR_TOKEN_SYMBOL, AR_SCRIPT_NONE);
			break;
		}
		case C_MARK:
		default:
			/* a mark with no letter, a format or control
			 * character: a symbol of its own (with its marks) */
			e = skip_extend(p, n, i + l);
			st = push_ct(t, i, e, AR_TOKEN_SYMBOL, AR_SCRIPT_NONE);
			break;
		}
		if (st != AR_OK)
			return st;
		i = e;
	}
	return AR_OK;
}

/* ------------------------------------------------------------------ */
/* Offsets back to the original input                                   */

/* Original offset of logical offset x: the start of a token (is_end 0)
 * or its end (is_end 1). */
static uint64_t map_off_slow(ar_tokenizer *t, uint64_t x, int is_end)
{
	size_t k;

	for (k = t->span0; k < t->nspans; k++) {
		const ar_norm_span *s = &t->spans[k];
		if (s->out_start == s->out_end)
			continue;
		if (is_end ? (x > s->out_start && x <= s->out_end)
		           : (x >= s->out_start && x < s->out_end)) {
			if (s->identity)
				return s->in_start + (x - s->out_start);
			return is_end ? s->in_end : s->in_start;
		}
		if (s->out_start >= x)
			break;
	}
	/* past the known map (cannot happen for text we were given) */
	return k > 0 && t->nspans ? t->spans[t->nspans - 1].in_end : x;
}

static inline uint64_t map_off(ar_tokenizer *t, uint64_t x, int is_end)
{
	return t->norm ? map_off_slow(t, x, is_end) : x;
}

/* Forget the spans that end before logical offset x. */
static void drop_spans(ar_tokenizer *t, uint64_t x)
{
	while (t->span0 < t->nspans && t->spans[t->span0].out_end < x)
		t->span0++;
	if (t->span0 > 64 && t->span0 * 2 > t->nspans) {
		memmove(t->spans, t->spans + t->span0,
		        (t->nspans - t->span0) * sizeof *t->spans);
		t->nspans -= t->span0;
		t->span0 = 0;
	}
}

/* ------------------------------------------------------------------ */
/* Emission: sentence look-ahead                                        */

static ar_status call_sink(ar_tokenizer *t, const ar_token *tok)
{
	if (t->stopped)
		return AR_EUSER;
	if (t->sink(tok, t->payload) != 0) {
		t->stopped = 1;
		return AR_EUSER;
	}
	return AR_OK;
}

/* Hand the held token to the sink, ending its sentence if `end`. */
static ar_status flush_held(ar_tokenizer *t, int end)
{
	ar_status st;

	if (!t->have_held)
		return AR_OK;
	t->have_held = 0;
	if (end)
		t->held.flags |= AR_TOKF_SENTENCE_END;
	st = call_sink(t, &t->held);
	if (end)
		t->sentence++;
	t->pend_end = 0;
	return st;
}

/* Hold tok back.  Its text stays where it is (in the caller's piece or
 * the run buffer) until pin() copies it, which is done only when that
 * memory is about to go away. */
static ar_status hold(ar_tokenizer *t, const ar_token *tok)
{
	t->held = *tok;
	t->have_held = 1;
	t->held_pinned = 0;
	return AR_OK;
}

/* Copy the held token's text and segments into the tokenizer. */
static ar_status pin(ar_tokenizer *t)
{
	ar_status st;
	size_t k;
	const ar_token *tok = &t->held;

	if (!t->have_held || t->held_pinned)
		return AR_OK;
	t->held_pinned = 1;
	ar_buf__clear(&t->held_text);
	if ((st = ar_buf__put(&t->held_text, tok->text, tok->len)) != AR_OK)
		return st;
	t->held.text = t->held_text.ptr;
	if (tok->nsegments) {
		ar_buf__clear(&t->held_segtext);
		for (k = 0; k < tok->nsegments; k++) {
			const ar_segment *s = &tok->segments[k];
			if ((st = ar_buf__put(&t->held_segtext, s->text,
			                      s->len)) != AR_OK ||
			    (st = ar_buf__put(&t->held_segtext, s->form,
			                      s->form_len)) != AR_OK)
				return st;
		}
		/* the buffer does not move any more: point into it */
		{
			size_t o = 0;
			for (k = 0; k < tok->nsegments; k++) {
				t->held_segs[k] = tok->segments[k];
				t->held_segs[k].text = t->held_segtext.ptr + o;
				o += tok->segments[k].len;
				t->held_segs[k].form = t->held_segtext.ptr + o;
				o += tok->segments[k].form_len;
			}
		}
		t->held.segments = t->held_segs;
	}
	return AR_OK;
}

/* A word, number, punctuation... token arrives. */
static ar_status emit_text(ar_tokenizer *t, ar_token *tok, int term, int close,
                           int adjacent)
{
	ar_status st;

	if (t->have_held) {
		int end = 0;
		if (t->pend_end) {
			if (adjacent && (close || term)) {
				/* ."  .»  ?!: the sentence goes on to here */
				if ((st = flush_held(t, 0)) != AR_OK)
					return st;
				t->pend_end = 1;
				goto take;
			}
			/* "file.txt", "v1.2b": no space, so no sentence end
			 * before a small letter or a digit */
			end = !(adjacent &&
			        (tok->type == AR_TOKEN_NUMBER ||
			         (tok->type == AR_TOKEN_LATIN &&
			          tok->text[0] >= 'a' && tok->text[0] <= 'z')));
		}
		if ((st = flush_held(t, end)) != AR_OK)
			return st;
	}
	t->pend_end = term;
take:
	tok->sentence = t->sentence;
	{
		int pend = t->pend_end;
		st = hold(t, tok);
		t->pend_end = pend;
	}
	return st;
}

/* A whitespace run arrives: it decides the held token's sentence. */
static ar_status emit_space(ar_tokenizer *t, ar_token *tok)
{
	const char *p = tok->text;
	size_t k, nl = 0;
	ar_status st;
	uint64_t sent = t->sentence;
	int end;

	for (k = 0; k < tok->len; k++) {
		if (p[k] == '\n')
			nl++;
		else if (p[k] == '\r' &&
		         !(k + 1 < tok->len && p[k + 1] == '\n'))
			nl++;
		else if ((unsigned char)p[k] == 0xE2 && k + 2 < tok->len &&
		         (unsigned char)p[k + 1] == 0x80 &&
		         ((unsigned char)p[k + 2] == 0xA8 ||
		          (unsigned char)p[k + 2] == 0xA9))
			nl++;
	}
	end = t->pend_end || nl >= 2;
	if (t->have_held) {
		sent = t->held.sentence;
		if ((st = flush_held(t, end)) != AR_OK)
			return st;
	}
	if (t->opts.flags & AR_TOK_WHITESPACE) {
		tok->sentence = sent;
		return call_sink(t, tok);
	}
	return AR_OK;
}

/* ------------------------------------------------------------------ */
/* Runs                                                                 */

/* Segment an Arabic token, filling segs; returns their number (0: not
 * split), or SEG_NOMEM when out of memory: a word must not go
 * unsegmented for that. */
#define SEG_NOMEM ((size_t)-1)
static size_t segment(ar_tokenizer *t, ar_token *tok, ar_segment *segs)
{
	ar_seg_piece pc[AR_SEG_MAX];
	int k, n;
	int ud = (t->opts.flags & AR_TOK_SEGMENT_UD) != 0;

	n = ar_seg__split(t->seg, tok->text, tok->len, ud, pc);
	if (n < 0)
		return SEG_NOMEM;
	if (n < 2)
		return 0;
	for (k = 0; k < n; k++) {
		segs[k].text = tok->text + pc[k].off;
		segs[k].len = pc[k].len;
		segs[k].form = pc[k].form ? pc[k].form : segs[k].text;
		segs[k].form_len = pc[k].form ? pc[k].form_len : pc[k].len;
		segs[k].kind = pc[k].kind;
		segs[k].start = segs[k].end = 0;
	}
	return (size_t)n;
}

/* Process a complete chunk of text p[0..n) at logical offset base. */
static ar_status emit_chunk(ar_tokenizer *t, const char *p, uint64_t base,
                            int volatile_src)
{
	ar_status st;
	size_t k, prev_end = (size_t)-1;
	ar_segment segs[AR_SEG_MAX];

	for (k = 0; k < t->nct; k++) {
		const ctok *c = &t->ct[k];
		ar_token tok;
		int adjacent = k > 0 && prev_end == c->s;

		tok.type = c->type;
		tok.script = c->script;
		tok.text = c->repl ? c->repl : p + c->s;
		tok.len = c->repl ? strlen(c->repl) : c->e - c->s;
		tok.start = map_off(t, base + c->s, 0);
		tok.end = map_off(t, base + c->e, 1);
		tok.flags = 0;
		tok.segments = NULL;
		tok.nsegments = 0;
		if (t->seg && c->type == AR_TOKEN_ARABIC) {
			size_t ns = segment(t, &tok, segs), j;
			if (ns == SEG_NOMEM)
				return AR_ENOMEM;
			for (j = 0; j < ns; j++) {
				uint64_t a =
				        base + c->s +
				        (uint64_t)(segs[j].text - tok.text);
				segs[j].start = map_off(t, a, 0);
				segs[j].end = map_off(t, a + segs[j].len, 1);
			}
			if (ns) {
				tok.segments = segs;
				tok.nsegments = ns;
			}
		}
		prev_end = c->e;
		if ((st = emit_text(t, &tok, c->term, c->close, adjacent)) !=
		    AR_OK)
			return st;
	}
	/* the segments live in this frame; the run buffer is reused */
	if (t->have_held && (t->held.nsegments || volatile_src))
		return pin(t);
	return AR_OK;
}

static ar_status do_text(ar_tokenizer *t, const char *p, size_t n,
                         uint64_t base, int volatile_src)
{
	ar_status st;

	if ((st = scan_chunk(t, p, n)) != AR_OK)
		return st;
	return emit_chunk(t, p, base, volatile_src);
}

/* A chunk known to be one Arabic word (see run_end_at()). */
static ar_status do_word(ar_tokenizer *t, const char *p, size_t n)
{
	ar_token tok;

	if (t->seg || t->norm) {
		t->nct = 0;
		if (push_ct(t, 0, n, AR_TOKEN_ARABIC, AR_SCRIPT_ARABIC) !=
		    AR_OK)
			return AR_ENOMEM;
		return emit_chunk(t, p, t->run_start, 0);
	}
	tok.type = AR_TOKEN_ARABIC;
	tok.script = AR_SCRIPT_ARABIC;
	tok.text = p;
	tok.len = n;
	tok.start = t->run_start;
	tok.end = t->run_start + n;
	tok.flags = 0;
	tok.segments = NULL;
	tok.nsegments = 0;
	return emit_text(t, &tok, 0, 0, 0);
}

/* One ASCII space between two words (no line break, nothing to map). */
static ar_status do_space1(ar_tokenizer *t, const char *p)
{
	ar_token tok;
	uint64_t sent = t->sentence;
	ar_status st;

	if (t->have_held) {
		sent = t->held.sentence;
		if ((st = flush_held(t, t->pend_end)) != AR_OK)
			return st;
	}
	if (!(t->opts.flags & AR_TOK_WHITESPACE))
		return AR_OK;
	tok.type = AR_TOKEN_SPACE;
	tok.script = AR_SCRIPT_NONE;
	tok.text = p;
	tok.len = 1;
	tok.start = t->run_start;
	tok.end = t->run_start + 1;
	tok.flags = 0;
	tok.segments = NULL;
	tok.nsegments = 0;
	tok.sentence = sent;
	return call_sink(t, &tok);
}

static ar_status do_run(ar_tokenizer *t, const char *p, size_t n, uint64_t base,
                        int kind, int volatile_src)
{
	ar_status st;

	if (n == 0)
		return AR_OK;
	if (kind == RUN_TEXT) {
		st = do_text(t, p, n, base, volatile_src);
	} else {
		ar_token tok;
		tok.type = AR_TOKEN_SPACE;
		tok.script = AR_SCRIPT_NONE;
		tok.text = p;
		tok.len = n;
		tok.start = map_off(t, base, 0);
		tok.end = map_off(t, base + n, 1);
		tok.flags = 0;
		tok.segments = NULL;
		tok.nsegments = 0;
		st = emit_space(t, &tok);
	}
	if (t->norm)
		drop_spans(t, base + n);
	return st;
}

/* Where to cut a run that reached RUN_MAX bytes: at RUN_MAX, moved back
 * to the start of a character. */
static size_t cut_point(const char *p)
{
	size_t c = RUN_MAX, k;

	for (k = 0; k < 3; k++)
		if (((unsigned char)p[c - k] & 0xC0) != 0x80)
			return c - k;
	return c - 3;
}

/* Append p[0..n) (all of one kind, complete characters) to the current
 * run; a run that reaches RUN_MAX is processed up to its cut point. */
static ar_status run_append(ar_tokenizer *t, const char *p, size_t n, int kind)
{
	ar_status st;

	if (t->run_kind != kind) {
		if (t->run.size) {
			if ((st = do_run(t, t->run.ptr, t->run.size,
			                 t->run_start, t->run_kind, 1)) !=
			    AR_OK)
				return st;
			t->run_start += t->run.size;
			ar_buf__clear(&t->run);
		}
		t->run_kind = kind;
	}
	/* fast path: nothing held and the piece fits */
	while (n) {
		size_t take = n;
		if (t->run.size + take > RUN_MAX)
			take = RUN_MAX + 4 - t->run.size;
		if (take > n)
			take = n;
		if ((st = ar_buf__put(&t->run, p, take)) != AR_OK)
			return st;
		p += take;
		n -= take;
		while (t->run.size > RUN_MAX) {
			size_t c = cut_point(t->run.ptr);
			if ((st = do_run(t, t->run.ptr, c, t->run_start, kind,
			                 1)) != AR_OK)
				return st;
			memmove(t->run.ptr, t->run.ptr + c, t->run.size - c);
			t->run.size -= c;
			t->run_start += c;
		}
	}
	return AR_OK;
}

/* End the current run (the next character is of the other kind). */
static ar_status run_end(ar_tokenizer *t)
{
	ar_status st = AR_OK;

	if (t->run.size) {
		st = do_run(t, t->run.ptr, t->run.size, t->run_start,
		            t->run_kind, 1);
		t->run_start += t->run.size;
		ar_buf__clear(&t->run);
	}
	return st;
}

static ar_status utf8_error(ar_tokenizer *t, const char *data, size_t len,
                            uint64_t data_off, uint64_t bad)
{
	ar_pos p = t->pos;

	if (bad >= data_off) {
		ar_pos__advance(&p, data, (size_t)(bad - data_off));
	} else if (p.col > 1) {
		p.col--; /* inside the held partial character */
	}
	(void)len;
	ar_error__set(t->err, p.line, p.col, bad, "invalid UTF-8 at byte %llu",
	              (unsigned long long)bad);
	t->stopped = 1;
	return AR_EUTF8;
}

/* Process a complete run data[0..n) that is not buffered, cutting it
 * every RUN_MAX bytes as run_append() would. */
static ar_status direct_run(ar_tokenizer *t, const char *p, size_t n, int kind)
{
	ar_status st;

	while (n > RUN_MAX) {
		size_t c = cut_point(p);
		if ((st = do_run(t, p, c, t->run_start, kind, 0)) != AR_OK)
			return st;
		t->run_start += c;
		p += c;
		n -= c;
	}
	if ((st = do_run(t, p, n, t->run_start, kind, 0)) != AR_OK)
		return st;
	t->run_start += n;
	return AR_OK;
}

/* Where the run of `kind` starting at data[i] ends: the first character
 * of the other kind, an incomplete character at the end (*trunc set), an
 * invalid sequence with AR_INVALID_ERROR (*bad set), or len. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t
run_end_at(ar_tokenizer *t, const char *data, size_t len, size_t j, int kind,
           int *trunc, int *bad, int *pure)
{
	int want_space = kind == RUN_SPACE;
	const unsigned char *q = (const unsigned char *)data;

	*trunc = *bad = 0;
	/* pure: only Arabic letters and harakat (U+0620-U+065F), which the
	 * scanner would make one word; found here for free */
	*pure = !want_space;
	while (j < len) {
		unsigned char c = (unsigned char)data[j];
		uint32_t cp;
		size_t l;

		if (!want_space) {
			/* the bulk of the text: Arabic letters and harakat,
			 * ASCII letters, digits and signs */
			int pu = *pure;
			/* eight bytes at a time: four characters of
			 * U+0600-U+067F (lead D8 or D9, then a continuation
			 * byte); pure when each pair is in U+0620-U+065F,
			 * i.e. bit 0 of the lead differs from bit 5 of the
			 * second byte */
			while (j + 8 <= len) {
				uint64_t x;
				memcpy(&x, q + j, 8);
				x = le64(x);
				if ((x & 0xC0FEC0FEC0FEC0FEull) !=
				    0x80D880D880D880D8ull)
					break;
				if (((x ^ (x >> 13)) & 0x0001000100010001ull) !=
				    0x0001000100010001ull)
					pu = 0;
				j += 8;
			}
			while (j + 1 < len) {
				unsigned c0 = q[j], c1 = q[j + 1];
				if ((c0 == 0xD8 && c1 >= 0xA0 && c1 <= 0xBF) ||
				    (c0 == 0xD9 && c1 >= 0x80 && c1 <= 0x9F)) {
					j += 2;
					continue;
				}
				if (c0 > 0x20 && c0 < 0x80) {
					pu = 0;
					j++;
					continue;
				}
				break;
			}
			*pure = pu;
			if (j >= len)
				break;
			c = q[j];
		}

		if (c < 0x80) {
			if ((c == ' ' || (c >= 0x09 && c <= 0x0D)) !=
			    want_space)
				return j;
			*pure = 0;
			j++;
			continue;
		}
		if (c >= 0xD8 && c <= 0xDB && j + 1 < len &&
		    ((unsigned char)data[j + 1] & 0xC0) == 0x80) {
			/* the Arabic block: never a space */
			unsigned char b1 = (unsigned char)data[j + 1];
			if (want_space)
				return j;
			if (!((c == 0xD8 && b1 >= 0xA0) ||
			      (c == 0xD9 && b1 <= 0x9F)))
				*pure = 0;
			j += 2;
			continue;
		}
		*pure = 0;
		if (c >= 0xC2 && c <= 0xDF && j + 1 < len &&
		    ((unsigned char)data[j + 1] & 0xC0) == 0x80) {
			/* U+0085 and U+00A0 are the only two-byte spaces */
			int sp = c == 0xC2 &&
			         ((unsigned char)data[j + 1] == 0x85 ||
			          (unsigned char)data[j + 1] == 0xA0);
			if (sp != want_space)
				return j;
			j += 2;
			continue;
		}
		l = ar_utf8_decode(&cp, data + j, len - j);
		if (l == 0) {
			if (ar_utf8__partial_tail(data + j, len - j) ==
			    len - j) {
				*trunc = 1;
				return j;
			}
			if (t->opts.invalid == AR_INVALID_ERROR && !t->norm) {
				*bad = 1;
				return j;
			}
			if (want_space)
				return j; /* invalid bytes are text */
			j += ar_utf8__invalid_len(data + j, len - j);
			continue;
		}
		if (is_space(cp) != want_space)
			return j;
		j += l;
	}
	return j;
}

/* Length of an ASCII punctuation mark, or of ، ؛ ؟, at q[j] that the
 * fast lane takes as a token of its own (no sign, hashtag, mention,
 * keycap or URL starts with it); *term is set for . ! ? ؟, which end a
 * sentence.  0 for anything else. */
static inline size_t lane_mark(const unsigned char *q, size_t j, size_t len,
                               int *term)
{
	switch (q[j]) {
	case '.':
	case '!':
	case '?':
		*term = 1;
		return 1;
	case ',':
	case ':':
	case ';':
	case '(':
	case ')':
	case '"':
	case '\'':
	case '-':
	case '/':
		return 1;
	case 0xD8:
		if (j + 1 < len && (q[j + 1] == 0x8C || q[j + 1] == 0x9B ||
		                    q[j + 1] == 0x9F)) {
			*term = q[j + 1] == 0x9F;
			return 2;
		}
		return 0;
	default:
		return 0;
	}
}

static inline int ascii_letter(unsigned c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/*
 * See core_feed(): a chunk that is one of
 *  - a word of U+0620-U+065F starting with a letter (U+0620-U+064A),
 *    maybe followed by a punctuation mark (lane_mark());
 *  - a word of ASCII letters, or a number of ASCII digits;
 *  - a punctuation mark alone (lane_mark());
 * followed by a single space or line feed that is followed by neither a
 * space nor a possible one; *pi advances past each.  The general path
 * gives the same: the word and the mark are tokens of one chunk (no URL,
 * e-mail address, abbreviation, sign or emoji can be there, the mark
 * takes no marks after it), handed over when the space arrives, which
 * ends the sentence after a terminator.
 */
static ar_status fast_lane(ar_tokenizer *t, const char *data, size_t len,
                           size_t *pi)
{
	const unsigned char *q = (const unsigned char *)data;
	size_t i = *pi;
	ar_token tok;
	ar_segment segs[AR_SEG_MAX];
	ar_status st = AR_OK;
	/* kept in registers: a token's fields loaded whole right after
	 * the last iteration stored them would wait for the store */
	uint64_t base = t->run_start, sent = t->sentence;

	while (i + 1 < len) {
		unsigned c0 = q[i], c1 = q[i + 1];
		size_t j, pe;
		int term = 0;
		ar_token_type ty;
		ar_script sc;

		if ((c0 == 0xD8 && c1 >= 0xA0 && c1 <= 0xBF) ||
		    (c0 == 0xD9 && c1 >= 0x81 && c1 <= 0x8A)) {
			j = pure_end(q, i + 2, len);
			/* a tatweel at the end is a dash: push_arabic()
			 * (of U+0620-U+065F, only U+0640 ends in 80) */
			if (AR_UNLIKELY(q[j - 1] == TATWEEL_1))
				break;
			/* one letter and a full stop: an initial
			 * (arabic_initial()) */
			if (AR_UNLIKELY(j == i + 2) && j < len && q[j] == '.')
				break;
			pe = j < len ? j + lane_mark(q, j, len, &term) : j;
			ty = AR_TOKEN_ARABIC;
			sc = AR_SCRIPT_ARABIC;
		} else if (ascii_letter(c0)) {
			j = i + 1;
			while (j < len && ascii_letter(q[j]))
				j++;
			pe = j;
			ty = AR_TOKEN_LATIN;
			sc = AR_SCRIPT_LATIN;
		} else if (c0 >= '0' && c0 <= '9') {
			j = i + 1;
			while (j < len && q[j] >= '0' && q[j] <= '9')
				j++;
			pe = j;
			ty = AR_TOKEN_NUMBER;
			sc = AR_SCRIPT_NONE;
		} else {
			j = i;
			pe = j + lane_mark(q, j, len, &term);
			if (pe == j)
				break;
			ty = AR_TOKEN_PUNCT;
			sc = AR_SCRIPT_NONE;
		}
		if (pe - i > RUN_MAX || pe + 1 >= len ||
		    (q[pe] != ' ' && q[pe] != '\n') ||
		    !(q[pe + 1] > ' ' && q[pe + 1] != 0xC2 && q[pe + 1] < 0xE1))
			break;
		tok.start = base;
		tok.end = base;
		tok.sentence = sent;
		if (j != i) {
			tok.type = ty;
			tok.script = sc;
			tok.text = data + i;
			tok.len = j - i;
			tok.end = base + (j - i);
			tok.flags = pe == j && term ? AR_TOKF_SENTENCE_END : 0;
			tok.segments = NULL;
			tok.nsegments = 0;
			if (t->seg && ty == AR_TOKEN_ARABIC) {
				/* as emit_chunk() does; offsets need no map */
				size_t ns = segment(t, &tok, segs), k;
				if (ns == SEG_NOMEM) {
					st = AR_ENOMEM;
					goto out;
				}
				for (k = 0; k < ns; k++) {
					segs[k].start =
					        tok.start +
					        (uint64_t)(segs[k].text -
					                   tok.text);
					segs[k].end =
					        segs[k].start + segs[k].len;
				}
				if (ns) {
					tok.segments = segs;
					tok.nsegments = ns;
				}
			}
			if ((st = call_sink(t, &tok)) != AR_OK)
				goto out;
		}
		if (pe != j) {
			tok.type = AR_TOKEN_PUNCT;
			tok.script = AR_SCRIPT_NONE;
			tok.text = data + j;
			tok.len = pe - j;
			tok.start = tok.end;
			tok.end = base + (pe - i);
			tok.flags = term ? AR_TOKF_SENTENCE_END : 0;
			tok.segments = NULL;
			tok.nsegments = 0;
			if ((st = call_sink(t, &tok)) != AR_OK)
				goto out;
		}
		if (t->opts.flags & AR_TOK_WHITESPACE) {
			ar_token sp = tok;
			sp.type = AR_TOKEN_SPACE;
			sp.script = AR_SCRIPT_NONE;
			sp.text = data + pe;
			sp.len = 1;
			sp.start = tok.end;
			sp.end = tok.end + 1;
			sp.flags = 0;
			sp.segments = NULL;
			sp.nsegments = 0;
			if ((st = call_sink(t, &sp)) != AR_OK)
				goto out;
		}
		sent += (uint64_t)term;
		base += pe + 1 - i;
		t->pend_end = 0;
		i = pe + 1;
	}
out:
	t->run_start = base;
	t->sentence = sent;
	*pi = i;
	return st;
}

/*
 * The tokenizer proper, on valid or kept text: split data into runs of
 * whitespace and text.  Runs that end inside data are processed where
 * they are; only the last, unfinished one is copied.
 */
static ar_status core_feed(ar_tokenizer *t, const char *data, size_t len)
{
	size_t i = 0;
	ar_status st;
	uint64_t data_off = t->off;

	/* complete a character held from the previous piece */
	if (t->ntail) {
		unsigned char need = (unsigned char)t->tail[0] >= 0xF0   ? 4
		                     : (unsigned char)t->tail[0] >= 0xE0 ? 3
		                                                         : 2;
		unsigned char tmp[4];
		uint32_t cp;
		size_t have = t->ntail, l;

		memcpy(tmp, t->tail, have);
		while (have < need && i < len &&
		       ((unsigned char)data[i] & 0xC0) == 0x80)
			tmp[have++] = (unsigned char)data[i++];
		if (have < need && i == len) {
			memcpy(t->tail, tmp, have);
			t->ntail = have;
			t->off += len;
			return AR_OK;
		}
		l = ar_utf8_decode(&cp, (const char *)tmp, have);
		if (l == 0) {
			if (t->opts.invalid == AR_INVALID_ERROR && !t->norm)
				return utf8_error(t, data, len, data_off,
				                  data_off - t->ntail);
			st = run_append(t, (const char *)tmp, have, RUN_TEXT);
		} else {
			st = run_append(t, (const char *)tmp, have,
			                is_space(cp) ? RUN_SPACE : RUN_TEXT);
		}
		if (st != AR_OK)
			return st;
		t->ntail = 0;
	}

	while (i < len) {
		int kind, trunc, bad, pure;
		size_t j;
		uint32_t cp;

		/* the fast lane, for the bulk of the text: a plain word
		 * (maybe with a punctuation mark), a number or a mark, one
		 * space or line feed, and then a word.  With nothing held
		 * back, the general path would hold the tokens and the
		 * space would hand them over at once: do that directly. */
		if (!t->have_held && !t->run.size && !t->norm) {
			size_t i0 = i;
			if ((st = fast_lane(t, data, len, &i)) != AR_OK)
				return st;
			if (i != i0) {
				t->run_kind = RUN_SPACE;
				continue;
			}
		}

		size_t l0 = dec(data, len, i, &cp);

		if (l0 == 0 &&
		    ar_utf8__partial_tail(data + i, len - i) == len - i) {
			/* an incomplete character: its kind is not known */
			memcpy(t->tail, data + i, len - i);
			t->ntail = len - i;
			break;
		}
		kind = (l0 && is_space(cp)) ? RUN_SPACE : RUN_TEXT;
		j = run_end_at(t, data, len, i, kind, &trunc, &bad, &pure);
		if (bad) {
			/* tokens up to the fault first */
			if ((st = run_append(t, data + i, j - i, kind)) !=
			            AR_OK ||
			    (st = run_end(t)) != AR_OK)
				return st;
			return utf8_error(t, data, len, data_off, data_off + j);
		}
		if (j == len || trunc) {
			/* the run may go on in the next piece */
			if ((st = run_append(t, data + i, j - i, kind)) !=
			    AR_OK)
				return st;
			if (trunc) {
				memcpy(t->tail, data + j, len - j);
				t->ntail = len - j;
			}
			break;
		}
		/* the run ends at j */
		if (t->run.size || (t->run_kind != kind &&
		                    t->run_kind != RUN_NONE && t->run.size)) {
			if ((st = run_append(t, data + i, j - i, kind)) !=
			            AR_OK ||
			    (st = run_end(t)) != AR_OK)
				return st;
		} else if (pure && j - i <= RUN_MAX && cp >= 0x620 &&
		           cp <= 0x64A && cp != 0x640 &&
		           (unsigned char)data[j - 1] != TATWEEL_1) {
			/* one Arabic word, as scan_chunk() would find (a
			 * tatweel at its edge, the only character of the
			 * run that ends in byte 80: push_arabic()) */
			t->run_kind = kind;
			if ((st = do_word(t, data + i, j - i)) != AR_OK)
				return st;
			t->run_start += j - i;
		} else {
			t->run_kind = kind;
			if ((st = direct_run(t, data + i, j - i, kind)) !=
			    AR_OK)
				return st;
		}
		i = j;
		/* the usual case, one ASCII space between two words: no need
		 * to look for the end of the run */
		if (kind == RUN_TEXT && j + 1 < len && data[j] == ' ' &&
		    (unsigned char)data[j + 1] > ' ' &&
		    (unsigned char)data[j + 1] != 0xC2 &&
		    (unsigned char)data[j + 1] < 0xE1) {
			t->run_kind = RUN_SPACE;
			if ((st = t->norm ? do_run(t, data + j, 1, t->run_start,
			                           RUN_SPACE, 0)
			                  : do_space1(t, data + j)) != AR_OK)
				return st;
			t->run_start++;
			i = j + 1;
		}
	}
	t->off = data_off + len;
	/* the caller's piece goes away: keep the held token's text */
	return pin(t);
}

static ar_status core_finish(ar_tokenizer *t)
{
	ar_status st;

	if (t->ntail) {
		/* a truncated character at the very end */
		if (t->opts.invalid == AR_INVALID_ERROR && !t->norm)
			return utf8_error(t, NULL, 0, t->off,
			                  t->off - t->ntail);
		if ((st = run_append(t, (const char *)t->tail, t->ntail,
		                     RUN_TEXT)) != AR_OK)
			return st;
		t->ntail = 0;
	}
	if ((st = run_end(t)) != AR_OK)
		return st;
	return flush_held(t, 1);
}

/* ------------------------------------------------------------------ */
/* Normalization in front                                               */

static int norm_sink(const char *data, size_t len, const ar_norm_span *sp,
                     size_t nsp, void *payload)
{
	ar_tokenizer *t = payload;
	ar_status st;

	if (nsp) {
		if (ar_array__grow((void **)&t->spans, &t->aspans,
		                   t->nspans + nsp, sizeof *t->spans) != 0) {
			t->stopped = 2;
			return 1;
		}
		memcpy(t->spans + t->nspans, sp, nsp * sizeof *sp);
		t->nspans += nsp;
	}
	st = core_feed(t, data, len);
	if (st != AR_OK) {
		if (st == AR_ENOMEM)
			t->stopped = 2;
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Public API                                                           */

static const char *const type_names[] = { "arabic",  "latin",   "word",
	                                  "number",  "punct",   "symbol",
	                                  "hashtag", "mention", "url",
	                                  "email",   "emoji",   "space" };

const char *ar_token_type_name(ar_token_type ty)
{
	if ((unsigned)ty >= sizeof type_names / sizeof type_names[0])
		return NULL;
	return type_names[ty];
}

const char *ar_script_name(ar_script s)
{
	static const char *const names[] = { "none", "arabic", "latin",
		                             "other" };
	if ((unsigned)s >= 4)
		return NULL;
	return names[s];
}

ar_status ar_tokenizer_new(ar_tokenizer **out, const ar_tok_options *opts,
                           ar_error *err)
{
	ar_tokenizer *t;
	ar_tok_options def = AR_TOK_OPTIONS_INIT;
	ar_status st;

	if (!out)
		return AR_EINVAL;
	*out = NULL;
	if (!opts)
		opts = &def;
	if (opts->version < 1 || opts->version > AR_TOK_OPTIONS_VERSION ||
	    opts->invalid > AR_INVALID_KEEP)
		return AR_EINVAL;
	t = calloc(1, sizeof *t);
	if (!t)
		return AR_ENOMEM;
	/* version 1 of the options ends before the lexicon */
	memcpy(&t->opts, opts,
	       opts->version >= 2 ? sizeof *opts
	                          : offsetof(ar_tok_options, lexicon));
	t->opts.version = AR_TOK_OPTIONS_VERSION;
	if (t->opts.flags & AR_TOK_SEGMENT_UD)
		t->opts.flags |= AR_TOK_SEGMENT;
	if (opts->flags & AR_TOK_NORMALIZE) {
		ar_norm_options no = AR_NORM_OPTIONS_INIT;
		no.flags = opts->norm_flags;
		no.invalid = opts->invalid;
		no.want_offsets = 1;
		if ((st = ar_normalizer_new(&t->norm, &no)) != AR_OK) {
			free(t);
			return st;
		}
	}
	if (t->opts.flags & AR_TOK_SEGMENT) {
		ar_lexicon *lex = t->opts.lexicon;
		st = AR_OK;
		if (!lex)
			st = ar_lexicon__open(&lex, "ar", opts->dict_dir, err);
		else
			ar_lexicon__ref(lex);
		if (st == AR_OK) {
			st = ar_seg__new(&t->seg, lex, err);
			ar_lexicon_free(lex);
		}
		t->opts.lexicon = NULL; /* the segmenter holds it */
		if (st != AR_OK) {
			if (t->norm)
				ar_normalizer_free(t->norm);
			free(t);
			return st;
		}
	}
	ar_tok_reset(t);
	*out = t;
	return AR_OK;
}

void ar_tokenizer_free(ar_tokenizer *t)
{
	if (!t)
		return;
	if (t->norm)
		ar_normalizer_free(t->norm);
	ar_seg__free(t->seg);
	ar_buf_dispose(&t->run);
	ar_buf_dispose(&t->held_text);
	ar_buf_dispose(&t->held_segtext);
	free(t->spans);
	free(t->ct);
	free(t);
}

void ar_tok_reset(ar_tokenizer *t)
{
	ar_pos p0 = AR_POS_INIT;

	if (!t)
		return;
	if (t->norm)
		ar_norm_reset(t->norm);
	ar_buf__clear(&t->run);
	t->run_kind = RUN_NONE;
	t->run_start = 0;
	t->ntail = 0;
	t->off = 0;
	t->pos = p0;
	t->nspans = t->span0 = 0;
	t->nct = 0;
	t->have_held = 0;
	t->pend_end = 0;
	t->sentence = 0;
	t->stopped = 0;
}

static void begin(ar_tokenizer *t, ar_token_sink sink, void *payload,
                  ar_error *err)
{
	t->sink = sink;
	t->payload = payload;
	t->err = err;
}

ar_status ar_tok_feed(ar_tokenizer *t, const char *s, size_t len,
                      ar_token_sink sink, void *payload, ar_error *err)
{
	ar_status st;

	if (!t || !sink || (!s && len))
		return AR_EINVAL;
	if (t->stopped)
		return t->stopped == 1 ? AR_EUSER : AR_ENOMEM;
	begin(t, sink, payload, err);
	if (len == 0)
		return AR_OK;
	if (t->norm) {
		st = ar_norm_feed(t->norm, s, len, norm_sink, t, err);
		if (st == AR_EUSER && t->stopped == 2)
			st = AR_ENOMEM;
		if (st == AR_EUTF8)
			t->stopped = 1;
		return st;
	}
	st = core_feed(t, s, len);
	if (st == AR_OK)
		ar_pos__advance(&t->pos, s, len);
	return st;
}

ar_status ar_tok_finish(ar_tokenizer *t, ar_token_sink sink, void *payload,
                        ar_error *err)
{
	ar_status st;

	if (!t || !sink)
		return AR_EINVAL;
	if (t->stopped) {
		st = t->stopped == 1 ? AR_EUSER : AR_ENOMEM;
		ar_tok_reset(t);
		return st;
	}
	begin(t, sink, payload, err);
	if (t->norm) {
		st = ar_norm_finish(t->norm, norm_sink, t, err);
		if (st == AR_EUSER && t->stopped == 2)
			st = AR_ENOMEM;
		if (st == AR_OK)
			st = core_finish(t);
	} else {
		st = core_finish(t);
	}
	ar_tok_reset(t);
	return st;
}
