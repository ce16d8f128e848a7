/*
 * norm.c - the Arabic normalizer: one buffer or a stream cut anywhere.
 *
 * The text goes through four stages, one "cluster" at a time.  A cluster
 * is a character that starts a new normalization segment (ICU
 * unorm2_hasBoundaryBefore on the NFC instance, UAX #15 section 9) and
 * everything up to the next such character: its combining marks, and the
 * characters stage 1 removes.
 *
 *  1. per character: compatibility decomposition (--nfkc, or --nfkc-arabic
 *     for the presentation forms only), then --invisible and
 *     --strip-tatweel remove characters.  Removing before composing means
 *     a mark behind a tatweel reaches its letter, which keeps every
 *     profile idempotent.
 *  2. per cluster: canonical composition and ordering with ICU (--nfc,
 *     --nfkc, or a cluster holding a decomposed presentation form, or a
 *     hamza or madda mark that --strip-diacritics must compose first).
 *     NFKC(s) = NFC(NFKD(s)), and NFC of the concatenated per-character
 *     decompositions equals that, so stage 1 may decompose alone.
 *  3. per character: --strip-diacritics (only on Arabic letters and on
 *     marks with no letter), then the letter folds of norm_tables.c.
 *  4. --spaces: unify, collapse and trim horizontal space.
 *
 * Speed: most text needs nothing.  fast() copies runs of such characters
 * with one memcpy and does the common one-to-one folds and removals of 1-
 * and 2-byte characters in place, driven by a per-normalizer table of the
 * 2048 code points below U+0800 (all of ASCII and of the Arabic blocks).
 * Whenever a cluster holds anything else it gives the whole cluster back
 * and slow() redoes it with the general code above, so the two paths
 * cannot disagree.  Where the CPU has AVX2 (asked at run time), fast()
 * first takes the text 32 bytes at a time (simd_blocks()): ASCII and the
 * Arabic block are classified with vector table lookups and the rules
 * between neighbours are checked on bit masks, so that plain, diacritized
 * and folded Arabic text rarely reaches the per-character code.
 * Building with -DAR_NORM_NO_SIMD leaves that out, -DAR_NORM_NO_FAST all
 * of fast(); tests/unit/test_norm_fast compares the paths.
 *
 * Streaming: process() handles as many complete clusters as the data
 * holds and reports how far it got; the rest (a partial UTF-8 sequence, a
 * letter that may still get marks, a U+06CC whose shape depends on the
 * next letter) is kept in `carry` and processed again with the next piece.
 * Only horizontal space pending for --spaces lives in the state instead
 * of the carry, so runs of blanks of any length take no memory.
 */
#include "config.h"

#include "private.h"
#include "norm_tables.h"

#include <stdlib.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>

#define ALL_FLAGS   ((1u << 15) - 1)
#define OUT_FLUSH   (64 * 1024) /* hand output to the sink past this */
#define FAST_BUDGET (32 * 1024) /* input bytes per round of fast() */
#define CARRY_STEP  4096        /* bytes appended to the carry at once */
#define MAX_DECOMP  64          /* longest NFKD mapping is 18 (U+FDFA) */
#define NEED_MORE   1           /* internal: cut here, wait for input */

/* What fast() does with a code point below U+0800. */
enum {
	K_SLOW,  /* give the cluster to slow() */
	K_COPY,  /* unchanged starter */
	K_MAP,   /* starter folded to map[cp] */
	K_NL,    /* line break under --spaces */
	K_SPACE, /* ' ' under --spaces */
	K_DROPT, /* removed by stage 1, transparent to clusters */
	K_DROPS, /* starter removed by --strip-diacritics */
	K_MARK,  /* combining mark, kept */
	K_MARKS  /* combining mark, removed unless its letter is not Arabic */
};
#define K_MASK    0x0F
#define K_NOSTRIP 0x10 /* starter whose marks --strip-diacritics keeps */

enum { IT_CHAR, IT_RAW, IT_DEL };

/* One character of a cluster, with the input bytes it came from. */
typedef struct item {
	uint64_t in_s, in_e;
	uint32_t cp;
	uint8_t type;   /* IT_CHAR, IT_RAW (kept invalid bytes), IT_DEL */
	uint8_t ident;  /* output bytes are the input bytes */
	uint8_t compat; /* from a compatibility decomposition */
	uint8_t rawlen;
	unsigned char raw[4];
} item;

/* The state of one stream. */
typedef struct nstate {
	ar_buf carry; /* input not processed yet */
	char *out;    /* output not handed to the sink yet */
	size_t olen, ocap;
	ar_norm_span *spans; /* its offset map */
	size_t nspans, scap;
	uint64_t out_total;   /* bytes handed to the sink so far */
	ar_pos pos;           /* position of carry[0] (next input byte) */
	int at_ls;            /* --spaces: at the start of a line */
	int pend, pend_ident; /* --spaces: blanks waiting for what follows */
	uint64_t pend_s, pend_e;
	ar_status failed;  /* set by an error until reset */
	item *items, *tmp; /* the cluster in slow() */
	size_t nitems, icap, tcap;
	UChar *u16; /* two halves: ICU source, ICU result */
	size_t ucap;
	uint64_t *ninvalid; /* where to count invalid sequences */
} nstate;

struct ar_normalizer {
	unsigned flags;
	ar_invalid_mode invalid;
	int want_offsets;
	int compose; /* --nfc or --nfkc */
	const UNormalizer2 *nfc, *nfkc;
	uint64_t ninvalid;
	nstate st;
	unsigned char kind[0x800];      /* K_* for fast() */
	unsigned char ccc[0x800];       /* canonical combining class */
	unsigned char map[0x800][3];    /* K_MAP: length, UTF-8 bytes */
	unsigned char pair[0x10000];    /* by two bytes: see fast() */
	int simd;                       /* simd_blocks() may run */
	unsigned char simd_asc[3][16];  /* ASCII classes: simd_blocks() */
	unsigned char simd_key[5][32];  /* U+06xx classes */
	unsigned char simd_out[256][3]; /* U+06xx mapped: length, bytes */
};

/* ---- names and profiles ------------------------------------------- */

static const struct {
	const char *name;
	unsigned flag;
} flag_names[] = {
	{ "nfc", AR_NORM_NFC },
	{ "nfkc-arabic", AR_NORM_NFKC_ARABIC },
	{ "nfkc", AR_NORM_NFKC },
	{ "strip-diacritics", AR_NORM_STRIP_DIACRITICS },
	{ "strip-tatweel", AR_NORM_STRIP_TATWEEL },
	{ "alef", AR_NORM_ALEF },
	{ "ya", AR_NORM_YA },
	{ "ta-marbuta", AR_NORM_TA_MARBUTA },
	{ "hamza", AR_NORM_HAMZA },
	{ "persian", AR_NORM_PERSIAN },
	{ "digits=ascii", AR_NORM_DIGITS_ASCII },
	{ "digits=arabic", AR_NORM_DIGITS_ARABIC },
	{ "punct", AR_NORM_PUNCT },
	{ "invisible", AR_NORM_INVISIBLE },
	{ "spaces", AR_NORM_SPACES },
};
#define NFLAGS (sizeof flag_names / sizeof flag_names[0])

ar_status ar_norm_profile(unsigned *out, const char *name)
{
	if (!out || !name)
		return AR_EINVAL;
	if (strcmp(name, "clean") == 0)
		*out = AR_NORM_PROFILE_CLEAN;
	else if (strcmp(name, "search") == 0)
		*out = AR_NORM_PROFILE_SEARCH;
	else if (strcmp(name, "none") == 0)
		*out = AR_NORM_PROFILE_NONE;
	else
		return AR_EINVAL;
	return AR_OK;
}

ar_status ar_norm_flag_from_name(unsigned *out, const char *name)
{
	size_t i;

	if (!out || !name)
		return AR_EINVAL;
	for (i = 0; i < NFLAGS; i++)
		if (strcmp(name, flag_names[i].name) == 0) {
			*out = flag_names[i].flag;
			return AR_OK;
		}
	return AR_EINVAL;
}

const char *ar_norm_flag_name(unsigned flag)
{
	size_t i;

	for (i = 0; i < NFLAGS; i++)
		if (flag_names[i].flag == flag)
			return flag_names[i].name;
	return NULL;
}

/* ---- character properties ----------------------------------------- */

static unsigned ccc_of(const ar_normalizer *n, uint32_t cp)
{
	return unorm2_getCombiningClass(n->nfc, (UChar32)cp);
}

static int boundary_before(const ar_normalizer *n, uint32_t cp)
{
	return unorm2_hasBoundaryBefore(n->nfc, (UChar32)cp);
}

/* May --strip-diacritics remove the marks of this letter?  Not on the
 * letters and digits of other scripts (Café, naïve stay); yes on Arabic
 * ones and on anything that is not a letter (a space, a line start). */
static int base_ok(uint32_t cp)
{
	UErrorCode e = U_ZERO_ERROR;

	if (ar_norm__is_arabic(cp) || !u_isalnum((UChar32)cp))
		return 1;
	return uscript_getScript((UChar32)cp, &e) == USCRIPT_ARABIC;
}

/* Does a letter before `cp` take its joining (dotted, for U+06CC) form?
 * Yes before dual-joining, right-joining and join-causing characters
 * (Unicode ch. 9.2, ArabicShaping.txt). */
static int joins(uint32_t cp)
{
	int jt = u_getIntPropertyValue((UChar32)cp, UCHAR_JOINING_TYPE);
	return jt == U_JT_DUAL_JOINING || jt == U_JT_RIGHT_JOINING ||
	       jt == U_JT_JOIN_CAUSING;
}

/* Skipped when looking for the character after a U+06CC: transparent
 * marks, and what --strip-diacritics will remove anyway. */
static int skip_for_join(const ar_normalizer *n, uint32_t cp)
{
	if ((n->flags & AR_NORM_STRIP_DIACRITICS) && ar_norm__is_strip(cp))
		return 1;
	return u_getIntPropertyValue((UChar32)cp, UCHAR_JOINING_TYPE) ==
	       U_JT_TRANSPARENT;
}

static int removed_s1(const ar_normalizer *n, uint32_t cp)
{
	return ((n->flags & AR_NORM_INVISIBLE) && ar_norm__is_invisible(cp)) ||
	       ((n->flags & AR_NORM_STRIP_TATWEEL) && cp == 0x0640);
}

/* Stage 1 mapping of one code point: its compatibility decomposition when
 * an option asks for it, else itself.  Returns the count; *compat says
 * whether it was decomposed. */
static size_t expand(const ar_normalizer *n, uint32_t cp,
                     uint32_t out[MAX_DECOMP], int *compat)
{
	UChar buf[MAX_DECOMP];
	UErrorCode e = U_ZERO_ERROR;
	int32_t len, i;
	size_t k = 0;

	*compat = 0;
	if (cp < 0xA0 ||
	    !((n->flags & AR_NORM_NFKC) || ((n->flags & AR_NORM_NFKC_ARABIC) &&
	                                    ar_norm__is_presentation(cp)))) {
		out[0] = cp;
		return 1;
	}
	len = unorm2_getDecomposition(n->nfkc, (UChar32)cp, buf, MAX_DECOMP,
	                              &e);
	if (U_FAILURE(e) || len <= 0) {
		/* --nfkc-arabic spells out the phrase ligatures that
		 * Unicode does not decompose (NFKC keeps them) */
		const char *ph = (n->flags & AR_NORM_NFKC_ARABIC)
		                         ? ar_norm__phrase(cp)
		                         : NULL;
		size_t i8 = 0, l8;
		if (!ph) {
			out[0] = cp;
			return 1;
		}
		/* a phrase ligature: its words */
		l8 = strlen(ph);
		while (i8 < l8 && k < MAX_DECOMP) {
			uint32_t c;
			size_t l = ar_utf8_decode(&c, ph + i8, l8 - i8);
			if (l == 0)
				break;
			out[k++] = c;
			i8 += l;
		}
		*compat = 1;
		return k;
	}
	for (i = 0; i < len && k < MAX_DECOMP;) {
		UChar32 c;
		U16_NEXT(buf, i, len, c);
		out[k++] = (uint32_t)c;
	}
	*compat = 1;
	return k;
}

/* ---- output and offset map ---------------------------------------- */

static ar_status out_reserve(nstate *st, size_t need)
{
	if (st->ocap - st->olen >= need)
		return AR_OK;
	if (need > SIZE_MAX - st->olen ||
	    ar_array__grow((void **)&st->out, &st->ocap,
	                   st->olen + need > 2 * OUT_FLUSH ? st->olen + need
	                                                   : 2 * OUT_FLUSH,
	                   1) != 0)
		return AR_ENOMEM;
	return AR_OK;
}

/* Record that the last `nbytes` output bytes came from input [in_s,
 * in_e).  Neighbouring identity spans merge; a span that reaches back
 * into the previous one (bytes of one group, such as the letters of a
 * decomposed ligature) merges into it as a non-identity span. */
static ar_status span_add(nstate *st, size_t nbytes, uint64_t in_s,
                          uint64_t in_e, int ident)
{
	uint64_t oe = st->out_total + st->olen, os = oe - nbytes;
	ar_norm_span *l;

	if (st->nspans) {
		l = &st->spans[st->nspans - 1];
		if (in_s < l->in_end) {
			l->out_end = oe;
			if (in_e > l->in_end)
				l->in_end = in_e;
			l->identity = 0;
			return AR_OK;
		}
		if (ident && l->identity && l->in_end == in_s &&
		    l->out_end == os) {
			l->in_end = in_e;
			l->out_end = oe;
			return AR_OK;
		}
	}
	if (ar_array__grow((void **)&st->spans, &st->scap, st->nspans + 1,
	                   sizeof *st->spans) != 0)
		return AR_ENOMEM;
	l = &st->spans[st->nspans++];
	l->out_start = os;
	l->out_end = oe;
	l->in_start = in_s;
	l->in_end = in_e;
	l->identity = ident;
	return AR_OK;
}

/* Append output bytes made from input [in_s, in_e); n == 0 records a
 * removal. */
static ar_status w_put(const ar_normalizer *n, nstate *st, const void *b,
                       size_t len, uint64_t in_s, uint64_t in_e, int ident)
{
	if (len) {
		ar_status rc = out_reserve(st, len);
		if (rc != AR_OK)
			return rc;
		memcpy(st->out + st->olen, b, len);
		st->olen += len;
	}
	if (n->want_offsets)
		return span_add(st, len, in_s, in_e, ident);
	return AR_OK;
}

static ar_status flush(const ar_normalizer *n, nstate *st, ar_norm_sink sink,
                       void *payload)
{
	int r;

	if (st->olen == 0 && st->nspans == 0)
		return AR_OK;
	r = sink ? sink(st->out, st->olen, n->want_offsets ? st->spans : NULL,
	                n->want_offsets ? st->nspans : 0, payload)
	         : 0;
	st->out_total += st->olen;
	st->olen = 0;
	st->nspans = 0;
	return r ? AR_EUSER : AR_OK;
}

/* Stage 4 and output of one item. */
static ar_status emit(const ar_normalizer *n, nstate *st, const item *it)
{
	char b[4];
	size_t len;
	ar_status rc;
	int spaces = n->flags & AR_NORM_SPACES;

	if (it->type == IT_DEL) {
		if (spaces && st->pend) {
			st->pend_e = it->in_e;
			st->pend_ident = 0;
			return AR_OK;
		}
		return w_put(n, st, NULL, 0, it->in_s, it->in_e, 0);
	}
	if (spaces && it->type == IT_CHAR && ar_norm__is_hspace(it->cp)) {
		if (st->at_ls)
			return w_put(n, st, NULL, 0, it->in_s, it->in_e, 0);
		if (!st->pend) {
			st->pend = 1;
			st->pend_s = it->in_s;
			st->pend_ident = it->ident && it->cp == ' ';
		} else {
			st->pend_ident = 0;
		}
		st->pend_e = it->in_e;
		return AR_OK;
	}
	if (spaces) {
		int lb = it->type == IT_CHAR && ar_norm__is_linebreak(it->cp);
		if (st->pend) {
			st->pend = 0;
			rc = w_put(n, st, " ", lb ? 0 : 1, st->pend_s,
			           st->pend_e, lb ? 0 : st->pend_ident);
			if (rc != AR_OK)
				return rc;
		}
		st->at_ls = lb;
	}
	if (it->type == IT_RAW)
		return w_put(n, st, it->raw, it->rawlen, it->in_s, it->in_e, 1);
	len = ar_utf8__encode(it->cp, b);
	return w_put(n, st, b, len, it->in_s, it->in_e, it->ident);
}

/* ---- the general path: one cluster -------------------------------- */

static ar_status items_reserve(nstate *st, size_t need)
{
	if (st->icap - st->nitems < need &&
	    ar_array__grow((void **)&st->items, &st->icap, st->nitems + need,
	                   sizeof *st->items) != 0)
		return AR_ENOMEM;
	return AR_OK;
}

static void set_error(nstate *st, ar_error *err, const unsigned char *d,
                      size_t j)
{
	ar_pos p = st->pos;

	ar_pos__advance(&p, (const char *)d, j);
	ar_error__set(err, p.line, p.col, p.offset, "invalid UTF-8");
}

/* Is d[j..len) the start of a valid sequence cut by the end of data? */
static int truncated(const unsigned char *d, size_t j, size_t len)
{
	return len - j < 4 &&
	       ar_utf8__partial_tail((const char *)d + j, len - j) == len - j;
}

/* Does the character after items[k..] (then the input from d[j]) join a
 * preceding letter?  1 yes, 0 no, -1 the input ends too soon. */
static int next_joins(const ar_normalizer *n, const nstate *st, size_t k,
                      const unsigned char *d, size_t len, size_t j, int final)
{
	uint32_t cps[MAX_DECOMP], cp;
	size_t m, c, cnt;
	int compat;

	for (m = k; m < st->nitems; m++) {
		const item *it = &st->items[m];
		if (it->type == IT_DEL)
			continue;
		if (it->type == IT_RAW)
			return 0;
		if (!skip_for_join(n, it->cp))
			return joins(it->cp);
	}
	while (j < len) {
		size_t len1 = ar_utf8_decode(&cp, (const char *)d + j, len - j);
		if (len1 == 0)
			return !final && truncated(d, j, len) ? -1 : 0;
		cnt = expand(n, cp, cps, &compat);
		for (c = 0; c < cnt; c++)
			if (!removed_s1(n, cps[c]) && !skip_for_join(n, cps[c]))
				return joins(cps[c]);
		j += len1;
	}
	return final ? 0 : -1;
}

/* Stage 2: compose the cluster with ICU.  If that changes it, the result
 * replaces the whole cluster as one group spanning all its input. */
static ar_status compose(const ar_normalizer *n, nstate *st, int *changed)
{
	size_t i, ns = 0, nd, need = 0, k;
	UErrorCode e = U_ZERO_ERROR;
	UChar *src, *dst;
	int32_t r, p;
	uint64_t s0, e0;

	*changed = 0;
	for (i = 0; i < st->nitems; i++) {
		if (st->items[i].type == IT_RAW)
			return AR_OK;
		if (st->items[i].type == IT_CHAR)
			need += 2;
	}
	if (need == 0)
		return AR_OK;
	/* NFC never needs more than 3 times its input (UAX #15, 13). */
	if (st->ucap < 5 * need + 16) {
		UChar *u = realloc(st->u16, (5 * need + 16) * sizeof *u);
		if (!u)
			return AR_ENOMEM;
		st->u16 = u;
		st->ucap = 5 * need + 16;
	}
	src = st->u16;
	dst = st->u16 + need;
	for (i = 0; i < st->nitems; i++)
		if (st->items[i].type == IT_CHAR)
			U16_APPEND_UNSAFE(src, ns, st->items[i].cp);
	if (unorm2_spanQuickCheckYes(n->nfc, src, (int32_t)ns, &e) ==
	            (int32_t)ns &&
	    U_SUCCESS(e))
		return AR_OK;
	e = U_ZERO_ERROR;
	r = unorm2_normalize(n->nfc, src, (int32_t)ns, dst,
	                     (int32_t)(st->ucap - need), &e);
	if (U_FAILURE(e))
		return AR_ENOMEM;
	nd = (size_t)r;
	if (nd == ns && memcmp(src, dst, ns * sizeof *src) == 0)
		return AR_OK;
	/* Replace the items by the composed characters, as one group. */
	if (st->tcap < nd) {
		item *t = realloc(st->tmp, nd * sizeof *t);
		if (!t)
			return AR_ENOMEM;
		st->tmp = t;
		st->tcap = nd;
	}
	s0 = st->items[0].in_s;
	e0 = st->items[st->nitems - 1].in_e;
	for (p = 0, k = 0; p < r; k++) {
		UChar32 c;
		U16_NEXT(dst, p, r, c);
		memset(&st->tmp[k], 0, sizeof st->tmp[k]);
		st->tmp[k].cp = (uint32_t)c;
		st->tmp[k].type = IT_CHAR;
		st->tmp[k].in_s = s0;
		st->tmp[k].in_e = e0;
	}
	{
		item *t = st->items;
		size_t tc = st->icap;
		st->items = st->tmp;
		st->icap = st->tcap;
		st->tmp = t;
		st->tcap = tc;
		st->nitems = k;
	}
	*changed = 1;
	return AR_OK;
}

/* Stage 3 folds.  Returns -1 if a U+06CC waits for more input. */
static int fold_items(const ar_normalizer *n, nstate *st,
                      const unsigned char *d, size_t len, size_t j, int final,
                      int *changed)
{
	size_t k;

	for (k = 0; k < st->nitems; k++) {
		item *it = &st->items[k];
		uint32_t cp;
		if (it->type != IT_CHAR)
			continue;
		if ((n->flags & AR_NORM_PERSIAN) &&
		    it->cp == AR_NORM__FARSI_YEH) {
			int r = next_joins(n, st, k + 1, d, len, j, final);
			if (r < 0)
				return -1;
			cp = ar_norm__fold_tail(r ? 0x064A : 0x0649, n->flags);
		} else {
			cp = ar_norm__fold(it->cp, n->flags);
		}
		if (cp != it->cp) {
			it->cp = cp;
			it->ident = 0;
			*changed = 1;
		}
	}
	return 0;
}

/* --strip-diacritics on the items of a cluster: a mark of the set goes
 * unless it sits on a letter of another script (base_ok()).  With
 * `early`, before composition, the hamza and madda marks stay: they may
 * still compose with their letter. */
static void strip_marks(const ar_normalizer *n, nstate *st, int early)
{
	uint32_t basecp = 0;
	int have_base = 0;
	size_t k;

	for (k = 0; k < st->nitems; k++) {
		item *it = &st->items[k];
		unsigned cc;
		if (it->type == IT_RAW) {
			basecp = 0xFFFD;
			have_base = 1;
		}
		if (it->type != IT_CHAR)
			continue;
		cc = ccc_of(n, it->cp);
		if (cc == 0) {
			basecp = it->cp;
			have_base = 1;
		}
		if (ar_norm__is_strip(it->cp) &&
		    !(early && ar_norm__is_hamza_mark(it->cp)) &&
		    (cc == 0 || !have_base || base_ok(basecp)))
			it->type = IT_DEL;
	}
}

/*
 * Normalize the cluster that starts at d[i] and write it out.  On AR_OK
 * *next is where the next cluster starts; NEED_MORE means the data ends
 * before the cluster can be decided (nothing was written).
 */
static int slow(const ar_normalizer *n, nstate *st, const unsigned char *d,
                size_t len, size_t i, int final, size_t *next, ar_error *err)
{
	uint64_t base = st->pos.offset, ninv = 0;
	uint32_t cps[MAX_DECOMP], cp;
	size_t j = i, k, c, cnt, nchar;
	int have = 0, compat, need, changed, strip;
	ar_status rc;

	st->nitems = 0;
	for (;;) {
		size_t len1;
		int surv = -1;

		if (j == len) {
			if (!final)
				return NEED_MORE;
			break;
		}
		len1 = ar_utf8_decode(&cp, (const char *)d + j, len - j);
		if (len1 == 0) {
			item *it;
			if (!final && truncated(d, j, len))
				return NEED_MORE;
			if (have)
				break; /* invalid input starts its own cluster */
			if (n->invalid == AR_INVALID_ERROR) {
				set_error(st, err, d, j);
				return AR_EUTF8;
			}
			len1 = ar_utf8__invalid_len((const char *)d + j,
			                            len - j);
			if ((rc = items_reserve(st, 1)) != AR_OK)
				return rc;
			it = &st->items[st->nitems++];
			memset(it, 0, sizeof *it);
			it->in_s = base + j;
			it->in_e = base + j + len1;
			if (n->invalid == AR_INVALID_REPLACE) {
				it->type = IT_CHAR;
				it->cp = 0xFFFD;
			} else {
				it->type = IT_RAW;
				it->ident = 1;
				it->rawlen = (uint8_t)len1;
				memcpy(it->raw, d + j, len1);
			}
			ninv++;
			have = 1;
			j += len1;
			continue;
		}
		cnt = expand(n, cp, cps, &compat);
		for (c = 0; c < cnt; c++)
			if (!removed_s1(n, cps[c])) {
				surv = (int)c;
				break;
			}
		if (have && surv >= 0 && boundary_before(n, cps[surv]))
			break;
		if ((rc = items_reserve(st, cnt)) != AR_OK)
			return rc;
		for (c = 0; c < cnt; c++) {
			item *it = &st->items[st->nitems++];
			memset(it, 0, sizeof *it);
			it->in_s = base + j;
			it->in_e = base + j + len1;
			it->cp = cps[c];
			it->compat = (uint8_t)compat;
			it->ident = !compat;
			it->type = removed_s1(n, cps[c]) ? IT_DEL : IT_CHAR;
		}
		if (surv >= 0)
			have = 1;
		j += len1;
	}

	/* Stage 2.  Marks that --strip-diacritics removes and that compose
	 * with nothing (all but U+0653..U+0655) are removed first: composing
	 * would only reorder them, and a reordered cluster maps as one
	 * group, while the fast path drops each of them on its own.  The
	 * offset map must not depend on which path a cluster took (that is,
	 * on where the stream was cut), so both map them one by one. */
	strip = (n->flags & AR_NORM_STRIP_DIACRITICS) != 0;
	if (strip)
		strip_marks(n, st, 1);
	need = n->compose;
	for (k = 0; k < st->nitems && !need; k++)
		if (st->items[k].type == IT_CHAR &&
		    (st->items[k].compat ||
		     (strip && ar_norm__is_hamza_mark(st->items[k].cp))))
			need = 1;
	if (need && (rc = compose(n, st, &changed)) != AR_OK)
		return rc;

	/* Stage 3: diacritics, judged by the letter they sit on. */
	if (strip)
		strip_marks(n, st, 0);
	changed = 0;
	if (fold_items(n, st, d, len, j, final, &changed) < 0)
		return NEED_MORE;
	/* A folded letter may compose with a mark that is still there
	 * (U+06CC -> U+064A before U+0654): compose again, so that a second
	 * pass finds nothing to do. */
	for (k = 0, nchar = 0; k < st->nitems; k++)
		nchar += st->items[k].type == IT_CHAR;
	if (changed && n->compose && nchar > 1) {
		if ((rc = compose(n, st, &changed)) != AR_OK)
			return rc;
		if (changed)
			fold_items(n, st, d, len, j, 1, &changed);
	}

	for (k = 0; k < st->nitems; k++)
		if ((rc = emit(n, st, &st->items[k])) != AR_OK)
			return rc;
	*st->ninvalid += ninv;
	*next = j;
	return AR_OK;
}

/* ---- the fast path ------------------------------------------------ */

#ifndef AR_NORM_NO_FAST

#define REORDER_MAX 16
#define MARK_SLACK  4096 /* bytes of marks fast() takes past its budget */

/*
 * The cluster at d[cl] is an unchanged starter followed by marks that the
 * table knows (none composes with anything: NFC_QC=Yes) and by characters
 * stage 1 removes.  Its NFC is then the canonical ordering alone: a stable
 * sort of the marks by combining class (UAX #15, Unicode ch. 3.11).  Write
 * the starter and the kept marks in that order into buf, and the end of
 * the cluster into *end.  Returns 0 when the cluster is not of that kind,
 * is too long, or may continue past the data; slow() then handles it.
 * Not used when an offset map is built.
 */
static int reorder(const ar_normalizer *n, const unsigned char *d, size_t len,
                   size_t cl, int nostrip, size_t *end, char *buf, size_t *blen)
{
	unsigned char cc[REORDER_MAX];
	unsigned short cps[REORDER_MAX];
	size_t i = cl, nm = 0, a, b, o = 0;
	int first = 1;

	if (n->want_offsets)
		return 0;
	while (i < len) {
		unsigned c = d[i], cp, k;
		size_t clen;
		if (c < 0x80) {
			cp = c;
			clen = 1;
		} else if (c - 0xC2 < 0x1E && i + 1 < len &&
		           (d[i + 1] & 0xC0) == 0x80) {
			cp = ((c & 0x1F) << 6) | (d[i + 1] & 0x3F);
			clen = 2;
		} else {
			return 0;
		}
		k = n->kind[cp] & K_MASK;
		if (first) {
			if (k != K_COPY)
				return 0;
			o = ar_utf8__encode(cp, buf);
			first = 0;
		} else if (k == K_MARK || k == K_MARKS) {
			if (k == K_MARKS && !nostrip) {
				i += clen;
				continue;
			}
			if (nm == REORDER_MAX)
				return 0;
			/* insertion keeps equal classes in input order */
			for (a = nm; a > 0 && cc[a - 1] > n->ccc[cp]; a--) {
				cc[a] = cc[a - 1];
				cps[a] = cps[a - 1];
			}
			cc[a] = n->ccc[cp];
			cps[a] = (unsigned short)cp;
			nm++;
		} else if (k == K_DROPT) {
			/* removed by stage 1: transparent */
		} else if (k == K_COPY || k == K_MAP || k == K_NL ||
		           k == K_SPACE || k == K_DROPS) {
			break; /* the next cluster starts */
		} else {
			return 0;
		}
		i += clen;
	}
	if (i == len)
		return 0;
	for (b = 0; b < nm; b++)
		o += ar_utf8__encode(cps[b], buf + o);
	*blen = o;
	*end = i;
	return 1;
}

/*
 * Blocks of 32 bytes with AVX2 (x86-64, chosen at run time): the text
 * of the Arabic block U+0600-06FF and ASCII is classified 32 bytes at a
 * time by table lookups (one 256-bit set per class, indexed by the low
 * byte of the code point), the rules that tie a character to its
 * neighbours are checked on the bit masks, and the block is written out
 * up to the start of its last starter (so every cluster written is
 * complete).  What the block cannot decide it leaves to the code below,
 * which handles it as before.  Classes, by the last byte of each
 * character:
 *   PA  unchanged ASCII        BL  ' ' kept by --spaces if a starter follows
 *   NL  ASCII line break       PS  unchanged Arabic starter (not K_NOSTRIP)
 *   MK  kept mark (ordered by its code point, see build_tables)
 *   EM  Arabic starter mapped to 1 or 2 bytes  ED  mark --strip removes
 *   ET  removed by stage 1 (tatweel, U+061C)
 * Anything else stops the block.  Not used for an offset map.
 */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) &&        \
        !defined(AR_NORM_NO_SIMD)
#define NORM_AVX2 1
#include <immintrin.h>

enum { S_PA, S_BL, S_NL, S_NASC };             /* simd_asc[] */
enum { S_PS, S_MK, S_EM, S_ED, S_ET, S_NKEY }; /* simd_key[] */

/* Which bytes of v are in the set tbl (bit h of tbl[lo] for the byte
 * 16 h + lo, h < 8): a 32-bit mask.  sel: 1 << (v >> 4), 0 past 0x7F. */
__attribute__((target("avx2"))) static inline uint32_t
in_set(__m256i lo, __m256i sel, const unsigned char *tbl)
{
	__m256i t = _mm256_broadcastsi128_si256(
	        _mm_loadu_si128((const __m128i *)(const void *)tbl));
	__m256i r = _mm256_and_si256(_mm256_shuffle_epi8(t, lo), sel);
	return ~(uint32_t)_mm256_movemask_epi8(
	        _mm256_cmpeq_epi8(r, _mm256_setzero_si256()));
}

/* The same for a 256-entry set of keys: i0 indexes the keys below 0x80
 * (bit 7 set for the others, which pshufb turns into 0), i1 the rest. */
__attribute__((target("avx2"))) static inline uint32_t
in_keyset(__m256i i0, __m256i i1, __m256i sel, const unsigned char *tbl)
{
	__m256i t0 = _mm256_broadcastsi128_si256(
	        _mm_loadu_si128((const __m128i *)(const void *)tbl));
	__m256i t1 = _mm256_broadcastsi128_si256(
	        _mm_loadu_si128((const __m128i *)(const void *)(tbl + 16)));
	__m256i r = _mm256_or_si256(_mm256_shuffle_epi8(t0, i0),
	                            _mm256_shuffle_epi8(t1, i1));
	r = _mm256_and_si256(r, sel);
	return ~(uint32_t)_mm256_movemask_epi8(
	        _mm256_cmpeq_epi8(r, _mm256_setzero_si256()));
}

/* The key of the 2-byte character ending at each byte (valid where the
 * byte before is a lead byte D8-DB): its code point minus U+0600. */
__attribute__((target("avx2"))) static inline __m256i key_of(__m256i prev,
                                                             __m256i cur)
{
	__m256i hi = _mm256_and_si256(_mm256_slli_epi16(prev, 6),
	                              _mm256_set1_epi8((char)0xC0));
	return _mm256_or_si256(hi,
	                       _mm256_and_si256(cur, _mm256_set1_epi8(0x3F)));
}

/* 1 << (v >> 4) for bytes below 0x80, else 0. */
__attribute__((target("avx2"))) static inline __m256i nibble_sel(__m256i v)
{
	const __m256i bits = _mm256_setr_epi8(
	        1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4,
	        8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0);
	__m256i hi = _mm256_and_si256(_mm256_srli_epi16(v, 4),
	                              _mm256_set1_epi8(0x0F));
	return _mm256_shuffle_epi8(bits, hi);
}

/* Copy len bytes; short ones as one 32-byte move when the source has
 * room (the output always has 32 bytes of slack). */
__attribute__((target("avx2"))) static inline char *
copy_out(char *o, const unsigned char *s, size_t len, const unsigned char *end)
{
	if (len <= 32 && s + 32 <= end)
		_mm256_storeu_si256(
		        (__m256i *)(void *)o,
		        _mm256_loadu_si256((const __m256i *)(const void *)s));
	else
		memcpy(o, s, len);
	return o + len;
}

#define SIMD_CHUNK 64 /* blocks looked at before writing */

/*
 * Handle the text from d[i] (i >= 3, at the start of a character, not at
 * a line start) in blocks of 32 bytes at fixed steps, so that the loads
 * of one block do not wait for the last: each block is classified and
 * checked against its neighbours (the classes of the two bytes before it
 * are carried over), up to SIMD_CHUNK blocks or the first character the
 * blocks cannot decide.  Then the text is written up to the start of the
 * last starter before that point, so that every cluster written is
 * complete: copied segments, with the mapped letters and nothing of the
 * removed characters between them.  Stops at lim, or 34 bytes before the
 * data ends (a blank at the end of a block looks at the next character).
 * Output goes to out (with 32 bytes of slack); *olen gets its length,
 * *nl whether the last character taken is a line break.  Returns the
 * count of input bytes taken.
 */
__attribute__((target("avx2"))) static size_t
simd_blocks(const ar_normalizer *n, const unsigned char *d, size_t len,
            size_t i, size_t lim, char *out, size_t *olen, int *nl)
{
	const __m256i low4 = _mm256_set1_epi8(0x0F);
	const __m256i hi8 = _mm256_set1_epi8((char)0x80);
	const __m256i fc = _mm256_set1_epi8((char)0xFC);
	const __m256i d8 = _mm256_set1_epi8((char)0xD8);
	const int order = n->compose;
	const size_t i0 = i;
	uint32_t evs[SIMD_CHUNK];
	char *o = out;

	*nl = 0;
	for (;;) {
		size_t b = i, cut = i, last_sts = i, from;
		uint32_t cA = 0, cM = 0, cE = 0, cT = 0, cL, cN;
		unsigned nb = 0, bb;
		int stop = 0;

		/* lead byte and line break just before the first block */
		cL = (d[i - 1] & 0xFC) == 0xD8;
		cN = d[i - 1] < 0x80 &&
		     ((n->simd_asc[S_NL][d[i - 1] & 15] >> (d[i - 1] >> 4)) &
		      1);
		while (b + 34 <= len && b < lim && nb < SIMD_CHUNK) {
			const unsigned char *p = d + b;
			__m256i v = _mm256_loadu_si256(
			        (const __m256i *)(const void *)p);
			__m256i v1 = _mm256_loadu_si256(
			        (const __m256i *)(const void *)(p - 1));
			__m256i key, i0v, i1v, ksel, lo, sel;
			uint32_t asc, cont, leadA, leadAp, arab, PA, BL, NL,
			        NLp, PS, MK, EM, ED, ET, bad, ns, sts, late,
			        rest;

			asc = ~(uint32_t)_mm256_movemask_epi8(v);
			cont = (uint32_t)_mm256_movemask_epi8(
			        _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v));
			leadA = (uint32_t)_mm256_movemask_epi8(
			        _mm256_cmpeq_epi8(_mm256_and_si256(v, fc), d8));
			leadAp = leadA << 1 | cL;
			/* every non-ASCII character is D8-DB + one continuation
			 * byte; a 2-byte character may begin in the block before */
			bad = (~asc & ~cont & ~leadA) | (cont ^ leadAp);
			arab = cont & leadAp;

			lo = _mm256_and_si256(v, low4);
			sel = nibble_sel(v);
			/* the classes are disjoint: look up the rarer ones only
			 * for what is left */
			PA = asc & in_set(lo, sel, n->simd_asc[S_PA]);
			BL = NL = 0;
			if ((rest = asc & ~PA) != 0) {
				BL = rest & in_set(lo, sel, n->simd_asc[S_BL]);
				if ((rest &= ~BL) != 0)
					NL = rest &
					     in_set(lo, sel, n->simd_asc[S_NL]);
			}
			/* line breaks one byte back: a blank after one is trimmed */
			NLp = NL << 1 | cN;

			key = key_of(v1, v);
			lo = _mm256_and_si256(key, low4);
			{
				__m256i top = _mm256_and_si256(key, hi8);
				i0v = _mm256_or_si256(lo, top);
				i1v = _mm256_or_si256(
				        lo, _mm256_xor_si256(top, hi8));
				ksel = nibble_sel(
				        _mm256_andnot_si256(hi8, key));
			}
			PS = arab &
			     in_keyset(i0v, i1v, ksel, n->simd_key[S_PS]);
			MK = EM = ED = ET = 0;
			if ((rest = arab & ~PS) != 0) {
				MK = rest & in_keyset(i0v, i1v, ksel,
				                      n->simd_key[S_MK]);
				ED = rest & in_keyset(i0v, i1v, ksel,
				                      n->simd_key[S_ED]);
				if ((rest &= ~(MK | ED)) != 0) {
					EM = rest &
					     in_keyset(i0v, i1v, ksel,
					               n->simd_key[S_EM]);
					ET = rest &
					     in_keyset(i0v, i1v, ksel,
					               n->simd_key[S_ET]);
				}
			}

			bad |= (asc & ~(PA | BL | NL)) |
			       (arab & ~(PS | MK | EM | ED | ET));
			/* a blank stays only between a character and a starter
			 * (the last two bytes look into the next block) */
			ns = (PA >> 1) | ((PS | EM) >> 2);
			bad |= BL & (NLp | (~ns & 0x3FFFFFFFu));
			late = BL & ~ns & 0xC0000000u;
			while (late) {
				unsigned j = (unsigned)__builtin_ctz(late);
				const unsigned char *q = p + j + 1;
				unsigned k = K_SLOW;
				late &= late - 1;
				if (q[0] < 0x80)
					k = n->kind[q[0]];
				else if (q[0] - 0xC2u < 0x1E &&
				         (q[1] & 0xC0) == 0x80)
					k = n->kind[((q[0] & 0x1F) << 6) |
					            (q[1] & 0x3F)];
				k &= K_MASK;
				if (k != K_COPY && k != K_MAP)
					bad |= 1u << j;
			}
			/* a kept mark follows a starter or a kept mark, in order */
			if (MK) {
				uint32_t ord = ~0u;
				if (order) {
					__m256i v2 = _mm256_loadu_si256(
					        (const __m256i
					                 *)(const void *)(p -
					                                  2));
					__m256i v3 = _mm256_loadu_si256(
					        (const __m256i
					                 *)(const void *)(p -
					                                  3));
					__m256i key2 = key_of(v3, v2);
					ord = (uint32_t)_mm256_movemask_epi8(
					        _mm256_cmpeq_epi8(
					                _mm256_max_epu8(key,
					                                key2),
					                key));
				}
				bad |= MK & ~(((PA | PS) << 2 | cA) |
				              ((MK << 2 | cM) & ord));
			}
			/* a removed mark sits on an Arabic letter (or its marks) */
			bad |= ED & ~((PS | EM | ED) << 2 | cE);
			/* tatweel: not at a line start nor after a blank */
			bad |= ET & ~((PA | PS | EM | MK | ED) << 2 | cT);

			/* starters known as such, by their first byte */
			sts = PA | BL | NL | ((PS | EM) >> 1);
			if (nb == 0 && !(sts & 1))
				return 0; /* not at a starter */
			evs[nb++] = EM | ED | ET;
			if (bad) {
				/* cut before the first bad byte, at a starter */
				unsigned fb = (unsigned)__builtin_ctz(bad);
				sts &= (1u << fb) - 1;
				cut = sts ? b + 31 -
				                      (unsigned)__builtin_clz(
				                              sts)
				          : last_sts;
				stop = 1;
				break;
			}
			if (sts)
				last_sts =
				        b + 31 - (unsigned)__builtin_clz(sts);
			cA = ((PA | PS) >> 30);
			cM = MK >> 30;
			cE = (PS | EM | ED) >> 30;
			cT = (PA | PS | EM | MK | ED) >> 30;
			cL = leadA >> 31;
			cN = NL >> 31;
			b += 32;
		}
		if (!stop)
			cut = last_sts;
		if (cut == i)
			break;
		/* write [i, cut) */
		from = i;
		for (bb = 0, b = i; bb < nb && b < cut; bb++, b += 32) {
			uint32_t ev = evs[bb];
			if (cut - b < 32)
				ev &= (1u << (cut - b)) - 1;
			while (ev) {
				size_t e = b + (unsigned)__builtin_ctz(ev);
				const unsigned char *m =
				        n->simd_out[((d[e - 1] << 6) & 0xC0) |
				                    (d[e] & 0x3F)];
				ev &= ev - 1;
				o = copy_out(o, d + from, e - 1 - from,
				             d + len);
				o[0] = (char)m[1];
				o[1] = (char)m[2];
				o += m[0];
				from = e + 1;
			}
		}
		o = copy_out(o, d + from, cut - from, d + len);
		{
			unsigned c = d[cut - 1];
			*nl = c < 0x80 &&
			      ((n->simd_asc[S_NL][c & 15] >> (c >> 4)) & 1);
		}
		i = cut;
		if (stop)
			break;
	}
	*olen = (size_t)(o - out);
	return i - i0;
}
#endif

typedef struct snapshot {
	size_t olen, nspans, run;
	ar_norm_span last;
} snapshot;

static void snap_take(const nstate *st, snapshot *s, size_t run)
{
	s->olen = st->olen;
	s->nspans = st->nspans;
	s->run = run;
	if (st->nspans)
		s->last = st->spans[st->nspans - 1];
}

static void snap_restore(nstate *st, const snapshot *s)
{
	st->olen = s->olen;
	st->nspans = s->nspans;
	if (s->nspans)
		st->spans[s->nspans - 1] = s->last;
}

/*
 * Handle the clusters from d[i] that need only the table.  *stop is where
 * it stopped; *need_slow tells whether slow() must take the cluster that
 * starts there (else the budget ran out at a cluster start, or the data
 * ended).  A cluster is written only when it is complete: if one of its
 * characters is not for the table, its output is taken back.
 */
static ar_status fast(const ar_normalizer *n, nstate *st,
                      const unsigned char *d, size_t len, size_t i, int final,
                      size_t *stop, int *need_slow)
{
	const unsigned char *kind = n->kind;
	const uint64_t base = st->pos.offset;
	size_t run = i, cl = SIZE_MAX, lim;
	int at_ls = st->at_ls, cl_ls = at_ls, nostrip = 0, mapped = 0;
	int dirty = 0, order = n->compose;
	const int spaces = (n->flags & AR_NORM_SPACES) != 0;
	const int offs = n->want_offsets;
	unsigned last_ccc = 0, cp, k, cc;
#ifdef NORM_AVX2
	size_t simd_from = i;
#endif
	snapshot snap;
	ar_status rc;
	size_t clen;

	memset(&snap, 0, sizeof snap);
	/* Without an offset map, output goes straight into the buffer,
	 * reserved below; short runs are copied 16 bytes at a time. */
#define RUN_FLUSH(to)                                                          \
	do {                                                                   \
		size_t L_ = (to)-run;                                          \
		if (L_ == 0)                                                   \
			break;                                                 \
		if (!offs) {                                                   \
			char *o_ = st->out + st->olen;                         \
			if (L_ <= 16 && run + 16 <= len)                       \
				memcpy(o_, d + run, 16);                       \
			else                                                   \
				memcpy(o_, d + run, L_);                       \
			st->olen += L_;                                        \
		} else {                                                       \
			rc = w_put(n, st, d + run, L_, base + run,             \
			           base + (to), 1);                            \
			if (rc != AR_OK)                                       \
				return rc;                                     \
		}                                                              \
	} while (0)
#define DIRTY()                                                                \
	do {                                                                   \
		if (cl != SIZE_MAX && !dirty) {                                \
			snap_take(st, &snap, run);                             \
			dirty = 1;                                             \
		}                                                              \
	} while (0)
#define NEW_CLUSTER()                                                          \
	do {                                                                   \
		if (i >= lim)                                                  \
			goto budget;                                           \
		cl = i;                                                        \
		cl_ls = at_ls;                                                 \
		dirty = 0;                                                     \
		last_ccc = 0;                                                  \
	} while (0)

	lim = len - i > FAST_BUDGET ? i + FAST_BUDGET : len;
	/* Output is at most twice the input (an ASCII digit becomes an
	 * Arabic-Indic one); marks may run MARK_SLACK bytes past lim. */
	if (!offs &&
	    (rc = out_reserve(st, 2 * (lim - i + MARK_SLACK) + 64)) != AR_OK)
		return rc;
	while (i < len) {
		unsigned c;
#ifdef NORM_AVX2
		/* Whole blocks first; what they leave goes on below. */
		if (n->simd && !offs && !at_ls && i >= simd_from && i >= 3 &&
		    i + 32 <= len && i < lim) {
			size_t wrote, adv, pl = i - run;
			char *o = st->out + st->olen;
			int nl;
			adv = simd_blocks(n, d, len, i, lim, o + pl, &wrote,
			                  &nl);
			if (adv) {
				memcpy(o, d + run, pl);
				st->olen += pl + wrote;
				i += adv;
				run = i;
				cl = SIZE_MAX;
				dirty = 0;
				mapped = 0;
				nostrip = 0;
				last_ccc = 0;
				at_ls = nl;
				if (i >= len)
					continue;
			}
			/* not again before the character that stopped it */
			simd_from = i + (adv ? 1 : 32);
		}
#endif
		/* The hot loop: unchanged characters and single spaces, which
		 * are nearly all of the text.  pair[] is indexed by two bytes:
		 * 1 for an unchanged ASCII character (whatever follows), 2
		 * for an unchanged 2-byte character.  The loop only remembers
		 * where the last character started: the open cluster. */
		if (i + 2 < len && i < lim) {
			const unsigned char *p = d + i, *p0 = p, *lastp = NULL;
			const unsigned char *pe =
			        d + (len - 2 < lim ? len - 2 : lim);
			const unsigned char *pair = n->pair;
#ifdef NORM_AVX2
			/* With blocks, only get past what stopped them. */
			if (n->simd && !offs && pe > d + simd_from + 16)
				pe = d + simd_from + 16;
#endif
			/* combining class of the last kept mark; 255 when no
			 * mark may follow in this loop */
			unsigned pcc =
			        (mapped || cl == SIZE_MAX) ? 255 : last_ccc;
			do {
				uint16_t w;
				unsigned v, cc_;
				memcpy(&w, p, 2);
				v = pair[w];
				if (v == 0) {
					/* A single blank before a starter. */
					if (p[0] != ' ' || !spaces ||
					    (p == p0 && at_ls))
						break;
					memcpy(&w, p + 1, 2);
					v = pair[w];
					if (v == 0 || v > 3)
						break;
					v = 1;
				}
				cc_ = v >> 2;
				if (cc_ == 0) {
					lastp = p;
					pcc = 0;
				} else if (cc_ < pcc) {
					break;
				} else {
					pcc = cc_;
				}
				p += v & 3;
			} while (p < pe);
			i = (size_t)(p - d);
			if (lastp) {
				size_t last = (size_t)(lastp - d);
				c = d[last];
				k = c < 0x80 ? kind[c]
				             : kind[((c & 0x1F) << 6) |
				                    (d[last + 1] & 0x3F)];
				cl = last;
				cl_ls = lastp == p0 ? at_ls : 0;
				nostrip = k & K_NOSTRIP;
				dirty = 0;
				mapped = 0;
			}
			if (p != p0) {
				last_ccc = pcc;
				at_ls = 0;
			}
		}
		c = d[i];
		if (c < 0x80) {
			cp = c;
			clen = 1;
		} else if (c - 0xC2 < 0x1E && i + 1 < len &&
		           (d[i + 1] & 0xC0) == 0x80) {
			cp = ((c & 0x1F) << 6) | (d[i + 1] & 0x3F);
			clen = 2;
		} else {
			goto slow;
		}
		k = kind[cp];
		switch (k & K_MASK) {
		case K_COPY:
			NEW_CLUSTER();
			nostrip = k & K_NOSTRIP;
			mapped = 0;
			at_ls = 0;
			i += clen;
			continue;
		case K_NL:
			NEW_CLUSTER();
			nostrip = 0;
			mapped = 0;
			at_ls = 1;
			i += clen;
			continue;
		case K_SPACE: {
			/* One blank between two visible characters stays. */
			unsigned b, nk;
			if (at_ls || i + 1 >= len)
				goto slow;
			b = d[i + 1];
			if (b < 0x80)
				nk = kind[b];
			else if (b - 0xC2 < 0x1E && i + 2 < len &&
			         (d[i + 2] & 0xC0) == 0x80)
				nk = kind[((b & 0x1F) << 6) |
				          (d[i + 2] & 0x3F)];
			else
				goto slow;
			nk &= K_MASK;
			if (nk != K_COPY && nk != K_MAP)
				goto slow;
			NEW_CLUSTER();
			nostrip = 0;
			mapped = 0;
			i += clen;
			continue;
		}
		case K_MAP:
			NEW_CLUSTER();
			nostrip = k & K_NOSTRIP;
			mapped = 1;
			at_ls = 0;
			snap_take(st, &snap, run);
			dirty = 1;
			RUN_FLUSH(i);
			if (!offs) {
				char *o = st->out + st->olen;
				o[0] = (char)n->map[cp][1];
				o[1] = (char)n->map[cp][2];
				st->olen += n->map[cp][0];
			} else if ((rc = w_put(n, st, &n->map[cp][1],
			                       n->map[cp][0], base + i,
			                       base + i + clen, 0)) != AR_OK) {
				return rc;
			}
			i += clen;
			run = i;
			continue;
		case K_DROPS:
			NEW_CLUSTER();
			nostrip = 0;
			mapped = 0;
			snap_take(st, &snap, run);
			dirty = 1;
			goto drop;
		case K_DROPT:
			if (i >= lim + MARK_SLACK)
				goto slow;
			DIRTY();
			goto drop;
		case K_MARK:
		case K_MARKS:
			if (cl == SIZE_MAX || i >= lim + MARK_SLACK)
				goto slow;
			if ((k & K_MASK) == K_MARKS && !nostrip) {
				/* Removed: its place in the canonical order
				 * cannot matter. */
				DIRTY();
				goto drop;
			}
			cc = n->ccc[cp];
			if (order && cc < last_ccc) {
				/* Kept marks out of canonical order (shadda
				 * typed before the vowel): sort the cluster. */
				char buf[REORDER_MAX * 2 + 2];
				size_t end, blen;
				if (mapped || !reorder(n, d, len, cl, nostrip,
				                       &end, buf, &blen))
					goto slow;
				if (dirty) {
					snap_restore(st, &snap);
					run = snap.run;
				}
				RUN_FLUSH(cl);
				rc = w_put(n, st, buf, blen, base + cl,
				           base + end, 0);
				if (rc != AR_OK)
					return rc;
				run = i = end;
				cl = SIZE_MAX;
				at_ls = 0;
				continue;
			}
			last_ccc = cc;
			if (mapped)
				goto slow;
			at_ls = 0;
			i += clen;
			continue;
		default:
			goto slow;
		}
	drop:
		RUN_FLUSH(i);
		if (offs && (rc = w_put(n, st, NULL, 0, base + i,
		                        base + i + clen, 0)) != AR_OK)
			return rc;
		i += clen;
		run = i;
	}
	if (final) {
		RUN_FLUSH(len);
		st->at_ls = at_ls;
		*stop = len;
		*need_slow = 0;
		return AR_OK;
	}
	/* The last cluster may still get marks: hand it to slow(), which
	 * will ask for more input. */
slow:
	if (cl != SIZE_MAX) {
		if (dirty) {
			snap_restore(st, &snap);
			run = snap.run;
		}
		RUN_FLUSH(cl);
		st->at_ls = cl_ls;
		*stop = cl;
	} else {
		RUN_FLUSH(i);
		st->at_ls = at_ls;
		*stop = i;
	}
	*need_slow = *stop < len || !final;
	if (*stop == len)
		*need_slow = 0;
	return AR_OK;
budget:
	RUN_FLUSH(i);
	st->at_ls = at_ls;
	*stop = i;
	*need_slow = 0;
	return AR_OK;
#undef RUN_FLUSH
#undef DIRTY
#undef NEW_CLUSTER
}
#endif /* AR_NORM_NO_FAST */

/* ---- streams ------------------------------------------------------ */

/* Normalize d[0..len), which starts at st->pos; *consumed tells how much
 * was decided (all of it when final). */
static ar_status process(const ar_normalizer *n, nstate *st,
                         const unsigned char *d, size_t len, int final,
                         size_t *consumed, ar_norm_sink sink, void *payload,
                         ar_error *err)
{
	size_t i = 0, next;
	int r;
	ar_status rc = AR_OK;

	while (i < len) {
#ifndef AR_NORM_NO_FAST
		if (!st->pend) {
			int need_slow;
			rc = fast(n, st, d, len, i, final, &next, &need_slow);
			if (rc != AR_OK)
				break;
			i = next;
			if (!need_slow) {
				if (st->olen >= OUT_FLUSH &&
				    (rc = flush(n, st, sink, payload)) != AR_OK)
					break;
				continue;
			}
		}
#endif
		r = slow(n, st, d, len, i, final, &next, err);
		if (r == NEED_MORE)
			break;
		if (r != AR_OK) {
			rc = (ar_status)r;
			break;
		}
		i = next;
		if (st->olen >= OUT_FLUSH &&
		    (rc = flush(n, st, sink, payload)) != AR_OK)
			break;
	}
	*consumed = i;
	ar_pos__advance(&st->pos, (const char *)d, i);
	return rc;
}

static void state_reset(nstate *st)
{
	st->carry.size = 0;
	st->olen = 0;
	st->nspans = 0;
	st->out_total = 0;
	st->pos.offset = 0;
	st->pos.line = 1;
	st->pos.col = 1;
	st->at_ls = 1;
	st->pend = 0;
	st->failed = AR_OK;
	st->nitems = 0;
}

static void state_free(nstate *st)
{
	ar_buf_dispose(&st->carry);
	free(st->out);
	free(st->spans);
	free(st->items);
	free(st->tmp);
	free(st->u16);
	memset(st, 0, sizeof *st);
}

static ar_status state_feed(const ar_normalizer *n, nstate *st,
                            const unsigned char *s, size_t len,
                            ar_norm_sink sink, void *payload, ar_error *err)
{
	size_t c;
	ar_status rc;

	if (st->failed != AR_OK)
		return st->failed;
	/* First finish what the carry holds, with as little of the new
	 * piece as it takes. */
	while (st->carry.size && len) {
		size_t old = st->carry.size;
		size_t take = old > CARRY_STEP ? old : CARRY_STEP;
		if (take > len)
			take = len;
		if ((rc = ar_buf__put(&st->carry, s, take)) != AR_OK)
			goto fail;
		rc = process(n, st, (const unsigned char *)st->carry.ptr,
		             st->carry.size, 0, &c, sink, payload, err);
		if (rc != AR_OK)
			goto fail;
		if (c >= old) {
			s += c - old;
			len -= c - old;
			st->carry.size = 0;
			break;
		}
		memmove(st->carry.ptr, st->carry.ptr + c, st->carry.size - c);
		st->carry.size -= c;
		s += take;
		len -= take;
	}
	if (len && st->carry.size == 0) {
		rc = process(n, st, s, len, 0, &c, sink, payload, err);
		if (rc != AR_OK)
			goto fail;
		if (c < len &&
		    (rc = ar_buf__put(&st->carry, s + c, len - c)) != AR_OK)
			goto fail;
	}
	rc = flush(n, st, sink, payload);
	if (rc != AR_OK)
		goto fail;
	return AR_OK;
fail:
	/* What was decided before the fault still goes out. */
	if (rc != AR_EUSER)
		flush(n, st, sink, payload);
	st->failed = rc;
	return rc;
}

static ar_status state_finish(const ar_normalizer *n, nstate *st,
                              ar_norm_sink sink, void *payload, ar_error *err)
{
	size_t c;
	ar_status rc = st->failed;

	if (rc == AR_OK)
		rc = process(n, st, (const unsigned char *)st->carry.ptr,
		             st->carry.size, 1, &c, sink, payload, err);
	if (rc == AR_OK && st->pend) {
		st->pend = 0;
		rc = w_put(n, st, NULL, 0, st->pend_s, st->pend_e, 0);
	}
	if (rc != AR_EUSER && st->failed == AR_OK) {
		ar_status f = flush(n, st, sink, payload);
		if (rc == AR_OK)
			rc = f;
	}
	state_reset(st);
	return rc;
}

/* ---- public API --------------------------------------------------- */

/* Fill the fast() tables for the code points below U+0800. */
static void build_tables(ar_normalizer *n)
{
	unsigned f = n->flags;
	uint32_t cp;

	for (cp = 0; cp < 0x800; cp++) {
		UChar u[2] = { (UChar)cp, 0 };
		UErrorCode e = U_ZERO_ERROR;
		unsigned cc = ccc_of(n, cp), k;
		uint32_t m;
		int qc_nfc, qc_nfkc;

		n->ccc[cp] = (unsigned char)cc;
		qc_nfc = unorm2_quickCheck(n->nfc, u, 1, &e) == UNORM_YES;
		e = U_ZERO_ERROR;
		qc_nfkc = unorm2_quickCheck(n->nfkc, u, 1, &e) == UNORM_YES;
		k = K_SLOW;
		if ((f & AR_NORM_NFKC) && !qc_nfkc)
			k = K_SLOW;
		else if (n->compose && !qc_nfc)
			k = K_SLOW;
		else if (removed_s1(n, cp))
			k = K_DROPT;
		else if ((f & AR_NORM_SPACES) && cp == ' ')
			k = K_SPACE;
		else if ((f & AR_NORM_SPACES) && ar_norm__is_hspace(cp))
			k = K_SLOW;
		else if ((f & AR_NORM_SPACES) && ar_norm__is_linebreak(cp))
			k = cc == 0 ? K_NL : K_SLOW;
		else if ((f & AR_NORM_STRIP_DIACRITICS) &&
		         ar_norm__is_hamza_mark(cp))
			k = K_SLOW;
		else if ((f & AR_NORM_STRIP_DIACRITICS) &&
		         ar_norm__is_strip(cp))
			k = cc == 0 ? K_DROPS : K_MARKS;
		else if (cc != 0)
			k = K_MARK;
		else if ((f & AR_NORM_PERSIAN) && cp == AR_NORM__FARSI_YEH)
			k = K_SLOW;
		else if (n->compose && !boundary_before(n, cp))
			k = K_SLOW;
		else if ((m = ar_norm__fold(cp, f)) != cp) {
			char b[4];
			size_t len = ar_utf8__encode(m, b);
			k = K_MAP;
			n->map[cp][0] = (unsigned char)len;
			memcpy(&n->map[cp][1], b, len);
		} else {
			k = K_COPY;
		}
		if ((k == K_COPY || k == K_MAP) && !base_ok(cp))
			k |= K_NOSTRIP;
		n->kind[cp] = (unsigned char)k;
	}
	/* pair[b0 b1]: 1 if b0 is an unchanged ASCII character, 2 if b0 b1
	 * is an unchanged 2-byte starter, else 0. */
	/* Kept marks are in it too, as 2 | class << 2, so that the loop can
	 * check their canonical order (classes up to 63: the harakat; the
	 * order does not matter when nothing composes).  It is read with a
	 * native 16-bit load, so the index is b0 b1 in the machine's byte
	 * order. */
	{
		const unsigned char probe[2] = { 1, 2 };
		uint16_t w;
		unsigned b0, b1, big;
		memcpy(&w, probe, 2);
		big = w == 0x0102;
		memset(n->pair, 0, sizeof n->pair);
		for (cp = 0; cp < 0x800; cp++) {
			unsigned v = 0, kk = n->kind[cp] & K_MASK;
			if (kk == K_COPY)
				v = cp < 0x80 ? 1 : 2;
			else if (kk == K_MARK && cp >= 0x80 && n->ccc[cp] < 64)
				v = 2 | (n->compose ? n->ccc[cp] : 1) << 2;
			if (v == 0)
				continue;
			if (cp < 0x80) {
				for (b1 = 0; b1 < 256; b1++)
					n->pair[big ? (cp << 8 | b1)
					            : (b1 << 8 | cp)] = 1;
				continue;
			}
			b0 = 0xC0 | (cp >> 6);
			b1 = 0x80 | (cp & 0x3F);
			n->pair[big ? (b0 << 8 | b1) : (b1 << 8 | b0)] =
			        (unsigned char)v;
		}
	}
}

#ifdef NORM_AVX2
/* The classes of simd_blocks(), from kind[]. */
static void build_simd(ar_normalizer *n)
{
	unsigned cp, key, maxccc = 0;

	for (cp = 0; cp < 0x80; cp++) {
		unsigned kk = n->kind[cp] & K_MASK;
		int set = kk == K_COPY    ? S_PA
		          : kk == K_SPACE ? S_BL
		          : kk == K_NL    ? S_NL
		                          : -1;
		if (set >= 0)
			n->simd_asc[set][cp & 15] |=
			        (unsigned char)(1u << (cp >> 4));
	}
	for (key = 0; key < 256; key++) {
		unsigned k, kk;
		int set = -1;
		cp = 0x600 + key;
		k = n->kind[cp];
		kk = k & K_MASK;
		if (kk == K_COPY && !(k & K_NOSTRIP)) {
			set = S_PS;
		} else if (kk == K_MARK && !n->compose) {
			set = S_MK;
		} else if (kk == K_MARK) {
			/* The block compares kept marks by code point: take
			 * the harakat range, where that is the order of their
			 * combining classes (checked here); the others stop a
			 * block. */
			if (key >= 0x40 && key < 0x80 && n->ccc[cp] < 64 &&
			    n->ccc[cp] >= maxccc) {
				set = S_MK;
				maxccc = n->ccc[cp];
			}
		} else if (kk == K_MAP && !(k & K_NOSTRIP) &&
		           n->map[cp][0] <= 2) {
			set = S_EM;
			memcpy(n->simd_out[key], n->map[cp], 3);
		} else if (kk == K_MARKS) {
			set = S_ED;
		} else if (kk == K_DROPT) {
			set = S_ET;
		}
		if (set >= 0)
			n->simd_key[set][(key >> 7) * 16 + (key & 15)] |=
			        (unsigned char)(1u << ((key >> 4) & 7));
	}
	__builtin_cpu_init();
	n->simd = __builtin_cpu_supports("avx2") != 0;
}
#endif

ar_status ar_normalizer_new(ar_normalizer **out, const ar_norm_options *opts)
{
	static const ar_norm_options defaults = AR_NORM_OPTIONS_INIT;
	ar_normalizer *n;
	UErrorCode e = U_ZERO_ERROR;

	if (!out)
		return AR_EINVAL;
	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->version != AR_NORM_OPTIONS_VERSION ||
	    (opts->flags & ~ALL_FLAGS) ||
	    ((opts->flags & AR_NORM_DIGITS_ASCII) &&
	     (opts->flags & AR_NORM_DIGITS_ARABIC)) ||
	    (opts->invalid != AR_INVALID_ERROR &&
	     opts->invalid != AR_INVALID_REPLACE &&
	     opts->invalid != AR_INVALID_KEEP))
		return AR_EINVAL;
	n = calloc(1, sizeof *n);
	if (!n)
		return AR_ENOMEM;
	n->flags = opts->flags;
	n->invalid = opts->invalid;
	n->want_offsets = opts->want_offsets != 0;
	n->compose = (opts->flags & (AR_NORM_NFC | AR_NORM_NFKC)) != 0;
	n->nfc = unorm2_getNFCInstance(&e);
	if (U_SUCCESS(e))
		n->nfkc = unorm2_getNFKCInstance(&e);
	if (U_FAILURE(e)) {
		free(n);
		return AR_ENOMEM;
	}
	build_tables(n);
#ifdef NORM_AVX2
	build_simd(n);
#endif
	state_reset(&n->st);
	n->st.ninvalid = &n->ninvalid;
	*out = n;
	return AR_OK;
}

void ar_normalizer_free(ar_normalizer *n)
{
	if (!n)
		return;
	state_free(&n->st);
	free(n);
}

uint64_t ar_norm_invalid_count(const ar_normalizer *n)
{
	return n ? n->ninvalid : 0;
}

ar_status ar_norm_feed(ar_normalizer *n, const char *s, size_t len,
                       ar_norm_sink sink, void *payload, ar_error *err)
{
	if (!n || (!s && len))
		return AR_EINVAL;
	return state_feed(n, &n->st, (const unsigned char *)s, len, sink,
	                  payload, err);
}

ar_status ar_norm_finish(ar_normalizer *n, ar_norm_sink sink, void *payload,
                         ar_error *err)
{
	if (!n)
		return AR_EINVAL;
	return state_finish(n, &n->st, sink, payload, err);
}

void ar_norm_reset(ar_normalizer *n)
{
	if (n)
		state_reset(&n->st);
}

typedef struct buf_sink {
	ar_buf *out, *spans;
	ar_status rc;
} buf_sink;

static int to_bufs(const char *data, size_t len, const ar_norm_span *spans,
                   size_t nspans, void *payload)
{
	buf_sink *b = payload;

	if (ar_buf__put(b->out, data, len) != AR_OK ||
	    (b->spans && nspans &&
	     ar_buf__put(b->spans, spans, nspans * sizeof *spans) != AR_OK)) {
		b->rc = AR_ENOMEM;
		return 1;
	}
	return 0;
}

ar_status ar_norm_buffer(ar_buf *out, ar_buf *spans, ar_normalizer *n,
                         const char *s, size_t len, ar_error *err)
{
	nstate st;
	buf_sink b;
	ar_status rc;
	int want = n ? n->want_offsets : 0;

	if (!out || !n || (!s && len))
		return AR_EINVAL;
	memset(&st, 0, sizeof st);
	state_reset(&st);
	st.ninvalid = &n->ninvalid;
	ar_buf__clear(out);
	if (spans)
		ar_buf__clear(spans);
	b.out = out;
	b.spans = spans;
	b.rc = AR_OK;
	/* The map is built only when asked for, here or in the options. */
	n->want_offsets = want || spans != NULL;
	rc = state_feed(n, &st, (const unsigned char *)s, len, to_bufs, &b,
	                err);
	if (rc == AR_OK)
		rc = state_finish(n, &st, to_bufs, &b, err);
	n->want_offsets = want;
	state_free(&st);
	if (rc == AR_EUSER)
		rc = b.rc;
	if (rc == AR_OK && (rc = ar_buf__grow(out, 0)) == AR_OK) {
		out->ptr[out->size] = '\0';
		if (spans && (rc = ar_buf__grow(spans, 0)) == AR_OK)
			spans->ptr[spans->size] = '\0';
	}
	return rc;
}
