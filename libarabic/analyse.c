/*
 * analyse.c - the speller's verdict on one word: accepted by a dictionary
 * or a word list, a misspelled name (with the gazetteer's candidates), or
 * unknown.
 *
 * Words are checked against the lexicon's dictionaries (dict.c: the
 * library's reader of hunspell files where it can read them, hunspell
 * otherwise), the word store (names.c: gazetteer, loanwords, personal
 * words), and regular derivations of names.  An Arabic word is read with
 * each of its proclitic readings (clitic.c).  The common slips of hamza
 * and final letters are told apart from names' typos.
 */
#include "config.h"

#include "chars.h"
#include "clitic.h"
#include "freq.h"
#include "rank.h"
#include "spell_int.h"

#include <math.h>
#include <stdlib.h>
#ifdef AR_PLAUSIBLE_TRACE
#include <stdio.h>
#endif

/* Does a dictionary of the word's script accept w (NUL-terminated)?
 * -1 when out of memory. */
static int dict_ok(ar_speller *sp, int arabic, const char *w)
{
	size_t i, n = ar_lexicon_count(sp->lex), len = strlen(w);
	for (i = 0; i < n; i++)
		if (ar_lexicon__arabic(sp->lex, i) == arabic) {
			int r = ar_dict__check(sp->lex, i, w, len);
			if (r != 0)
				return r;
		}
	return 0;
}

/* Copy of w without the harakat and tatweel (ar_char__harakat_or_tatweel:
 * what the Arabic dictionary is written without) nor zero-width joiners,
 * NUL-terminated in sp->norm.  Byte by byte, on the UTF-8 of those
 * characters: this is on the path of every new Arabic word. */
ar_status ar_spell__strip_marks(ar_speller *sp, const char *w, size_t len)
{
	const unsigned char *u = (const unsigned char *)w;
	size_t i = 0, n = 0;
	char *o;

	ar_buf__clear(&sp->norm);
	if (ar_buf__grow(&sp->norm, len) != AR_OK)
		return AR_ENOMEM;
	o = sp->norm.ptr;
	while (i < len) {
		/* U+064B..U+065F, U+0670, U+0640; U+200C, U+200D */
		if (u[i] == 0xD9 && i + 1 < len &&
		    ((u[i + 1] >= 0x8B && u[i + 1] <= 0x9F) ||
		     u[i + 1] == 0xB0 || u[i + 1] == 0x80)) {
			i += 2;
			continue;
		}
		if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x80 &&
		    (u[i + 2] == 0x8C || u[i + 2] == 0x8D)) {
			i += 3;
			continue;
		}
		o[n++] = w[i++];
	}
	o[n] = '\0';
	sp->norm.size = n;
	return AR_OK;
}

/* Byte offset in w just after its first n letters (marks skipped). */
static size_t after_letters(const char *w, size_t len, size_t n)
{
	size_t i = 0;
	while (i < len) {
		uint32_t c;
		size_t k = ar_utf8_decode(&c, w + i, len - i);
		if (k == 0)
			k = 1;
		else if (ar_char__harakat_or_tatweel(c)) {
			i += k;
			continue;
		}
		if (n == 0)
			return i;
		n--;
		i += k;
	}
	return i;
}

/* Put "ا" + f[0..len) in b and point *f, *len at it: the stem of a
 * reading where لل stands for ل + ال, whose alef is not written. */
static ar_status restore_alef(ar_buf *b, const char **f, size_t *len)
{
	ar_buf__clear(b);
	if (ar_buf__put(b, A_ALEF, 2) != AR_OK ||
	    ar_buf__put(b, *f, *len) != AR_OK)
		return AR_ENOMEM;
	*f = b->ptr;
	*len = b->size;
	return AR_OK;
}

/* Look a folded stem up in the word lists, as written or with the hamza
 * of its alefs left out. */
static long find_stem(ar_speller *sp, const char *f, size_t len, int elided,
                      unsigned *flags)
{
	long id;
	if (elided && restore_alef(&sp->tmp, &f, &len) != AR_OK)
		return -1;
	id = ar_names__find(sp->names, f, len, flags);
	if (id < 0)
		id = ar_names__find_variant(sp->names, f, len, flags);
	return id;
}

/* Is a folded stem a word of evidence only (freq.h), as written or after
 * the alef of the article that لل leaves out?  1, 0, -1 when out of
 * memory. */
static int evidence_stem(ar_speller *sp, const char *f, size_t len, int elided)
{
	if (elided && restore_alef(&sp->tmp, &f, &len) != AR_OK)
		return -1;
	return ar_freq__evidence_has(f, len);
}

static int has_digit(const char *w, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t c;
		size_t k = ar_utf8_decode(&c, w + i, len - i);
		if (k == 0)
			k = 1;
		else if ((c >= '0' && c <= '9') ||
		         (c >= 0x0660 && c <= 0x0669) ||
		         (c >= 0x06F0 && c <= 0x06F9))
			return 1;
		i += k;
	}
	return 0;
}

static int is_acronym(const char *w, size_t len)
{
	size_t i, letters = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 'a' && c <= 'z')
			return 0;
		if (c >= 'A' && c <= 'Z')
			letters++;
		else if (c >= 0x80)
			return 0;
	}
	return letters >= 2;
}

/* Candidates that are ordinary dictionary words found only inside longer
 * names (World in "World Bank", الحريري in "رفيق الحريري") are less likely
 * targets: they cost one edit more.  A typo close only to such words is a
 * typo of an ordinary word: returns 0 then (no name candidate), else nm,
 * or -1 when out of memory. */
static int rank_names(ar_speller *sp, ar_names_match *m, int nm, int arabic)
{
	int i, names = 0;
	for (i = 0; i < nm; i++) {
		size_t l, j;
		const char *d;
		if (!(ar_names__flags(sp->names, m[i].id) & AR_NAMES_SOLO)) {
			d = ar_names__display(sp->names, m[i].id, &l);
			ar_buf__clear(&sp->tmp);
			if (ar_buf__put(&sp->tmp, d, l) != AR_OK ||
			    ar_buf__put(&sp->tmp, "", 1) != AR_OK)
				return -1;
			for (j = 0; j < l; j++)
				if (sp->tmp.ptr[j] >= 'A' &&
				    sp->tmp.ptr[j] <= 'Z')
					sp->tmp.ptr[j] =
					        (char)(sp->tmp.ptr[j] + 32);
			int r = dict_ok(sp, arabic, sp->tmp.ptr);
			if (r < 0)
				return -1;
			if (r) {
				m[i].cost += 64;
				continue;
			}
		}
		names++;
	}
	return names ? nm : 0;
}

/* Merge name candidates of one reading into v, keeping the best. */
static void add_matches(verdict *v, const ar_names_match *m, int nm, size_t pre,
                        size_t suf, int elided)
{
	int i, j;
	for (i = 0; i < nm; i++) {
		for (j = 0; j < v->nm; j++)
			if (v->m[j].id == m[i].id)
				break;
		if (j < v->nm) {
			if (v->m[j].cost <= m[i].cost)
				continue;
			/* remove the worse copy */
			for (; j + 1 < v->nm; j++) {
				v->m[j] = v->m[j + 1];
				v->mpre[j] = v->mpre[j + 1];
				v->msuf[j] = v->msuf[j + 1];
				v->elided[j] = v->elided[j + 1];
			}
			v->nm--;
		}
		for (j = v->nm; j > 0 && v->m[j - 1].cost > m[i].cost; j--)
			if (j < NAME_SUGS) {
				v->m[j] = v->m[j - 1];
				v->mpre[j] = v->mpre[j - 1];
				v->msuf[j] = v->msuf[j - 1];
				v->elided[j] = v->elided[j - 1];
			}
		if (j < NAME_SUGS) {
			v->m[j] = m[i];
			v->mpre[j] = pre;
			v->msuf[j] = suf;
			v->elided[j] = elided;
			if (v->nm < NAME_SUGS)
				v->nm++;
		}
	}
}

/* The letters an edit may put in a word: the Arabic letters ء..غ ف..ي,
 * or the Latin a..z. */
static size_t edit_letter(int arabic, size_t k, char *out)
{
	uint32_t c;
	if (!arabic) {
		out[0] = (char)('a' + k);
		return 1;
	}
	c = k < 26 ? 0x0621 + (uint32_t)k : 0x0641 + (uint32_t)(k - 26);
	return ar_utf8__encode(c, out);
}

#define EDIT_LETTERS(arabic) ((arabic) ? 36u : 26u)
#define NEAR_MAX             24 /* letters: longer words are not tried */

/*
 * Is a dictionary word of the script one edit (a letter deleted, added,
 * replaced, or two neighbours swapped) from word w[0..len) (marks
 * removed)?  Such a word is that dictionary word's typo before it is a
 * name's.  -1 when out of memory.
 */
static int near_dict(ar_speller *sp, int arabic, const char *w, size_t len)
{
	size_t off[NEAR_MAX + 1], n = 0, i, k, a, b;
	char buf[4 * NEAR_MAX + 16], ch[4];
	int r;

	for (i = 0; i < len && n <= NEAR_MAX;) {
		uint32_t c;
		size_t l = ar_utf8_decode(&c, w + i, len - i);
		off[n++] = i;
		i += l ? l : 1;
	}
	if (n > NEAR_MAX || n < 2)
		return 0;
	off[n] = len;
#define TRY(blen)                                                              \
	do {                                                                   \
		buf[blen] = '\0';                                              \
		if ((r = dict_ok(sp, arabic, buf)) != 0)                       \
			return r;                                              \
	} while (0)
	for (i = 0; i < n; i++) {
		size_t li = off[i + 1] - off[i];
		/* deletion */
		memcpy(buf, w, off[i]);
		memcpy(buf + off[i], w + off[i + 1], len - off[i + 1]);
		TRY(len - li);
		/* transposition with the next letter */
		if (i + 1 < n) {
			size_t lj = off[i + 2] - off[i + 1];
			memcpy(buf, w, off[i]);
			memcpy(buf + off[i], w + off[i + 1], lj);
			memcpy(buf + off[i] + lj, w + off[i], li);
			memcpy(buf + off[i + 2], w + off[i + 2],
			       len - off[i + 2]);
			TRY(len);
		}
		/* replacement */
		for (k = 0; k < EDIT_LETTERS(arabic); k++) {
			size_t cl = edit_letter(arabic, k, ch);
			if (cl == li && memcmp(ch, w + off[i], cl) == 0)
				continue;
			memcpy(buf, w, off[i]);
			memcpy(buf + off[i], ch, cl);
			memcpy(buf + off[i] + cl, w + off[i + 1],
			       len - off[i + 1]);
			TRY(len - li + cl);
		}
	}
	/* insertion */
	for (i = 0; i <= n; i++)
		for (k = 0; k < EDIT_LETTERS(arabic); k++) {
			size_t cl = edit_letter(arabic, k, ch);
			a = off[i];
			b = len - a;
			memcpy(buf, w, a);
			memcpy(buf + a, ch, cl);
			memcpy(buf + a + cl, w + a, b);
			TRY(len + cl);
		}
#undef TRY
	return 0;
}

/*
 * An unknown Arabic word that reads like a word is not reported
 * (plausible_unknown()): a name or a term no list has, which an editor
 * need not look at, rather than a slip.  A slip of a word leaves a
 * listed word one likely slip away, often a common one, or letters that
 * one edit makes read far better; a name leaves neither, or only a rare
 * word or another transliteration of a name.  No one of these tells them
 * apart, so the word's neighbours (the strings one edit away) give a few
 * measures, weighed together as a logistic score of how likely the word
 * is a slip:
 *   - its length: shorter words have more neighbours by chance;
 *   - the count in the corpus of the commonest word one likely slip away
 *     (ar_rank__likely_slip()), and of the commonest word one edit away;
 *   - a name of the word store one likely slip away; a name of the
 *     gazetteer (not only attested) one edit away;
 *   - a word of the place lists one likely slip away: another
 *     transliteration of a name more often than a slip;
 *   - how much likelier the letter model finds the best edit;
 *   - a listed neighbour as the rule before this one took it (a corpus
 *     word one likely slip away or counted COMMON_COUNT times, a place
 *     one likely slip away, a name of the store one likely slip away or
 *     of the gazetteer by any edit);
 * and the word's own letters give two:
 *   - how well they read by the letter model, per letter: a slip
 *     leaves an odd sequence where a name reads like a word;
 *   - how much better they read by a letter model of the names of
 *     places of the world (the place lists) than by the model of all
 *     words, per letter: transliterations of foreign names have
 *     letters of their own (غ for g, long vowels, endings such as ستون
 *     and برغ).
 * The weights were fitted by logistic regression on the words this test
 * sees in the two tuning sets of doc/accuracy.md (their words and their
 * injected typos; bench/plausible-fit.py), never on the evaluation set,
 * and the threshold was chosen on them, with a band above it: a score
 * in the band marks the word (verdict.beside), which a text does not
 * report beside a word no dictionary has (spell.c).  A word one
 * likely slip from a name of the gazetteer (the misspelled names this
 * checker is for: بشايكوفسكي for تشايكوفسكي) has a lower line of its
 * own, PLAUSIBLE_GAZ_SCORE, the highest that accepts none of the
 * tuning sets' typos of that kind.  Some words are reported whatever
 * the score: two words run together, a doubled consonant, a word of
 * fewer than PLAUSIBLE_LETTERS letters.
 */
#define PLAUSIBLE_LETTERS 4
#define COMMON_COUNT      8
/* the weights below, one for each measure x[] of plausible_unknown() */
#define PLAUSIBLE_MEASURES 13

static const double plausible_w[PLAUSIBLE_MEASURES] = {
	-2.592, /* bias */
	-0.542, /* fewer than five letters */
	-0.641, /* five letters */
	0.306,  /* eight letters or more */
	0.782,  /* log(1 + count of the commonest slip neighbour) */
	-0.225, /* log(1 + count of the commonest neighbour) */
	1.074,  /* a name of the store one likely slip away */
	-0.034, /* a name of the gazetteer one edit away */
	-0.537, /* a place one likely slip away */
	1.704,  /* best gain of the letter model, clamped to [-2, 10], / 5 */
	0.367,  /* a listed neighbour */
	-0.326, /* how much likelier by the letter model of places, per
	           letter, clamped to [-3, 3] */
	-0.883, /* how well the word reads by the letter model, per letter,
	           + 3 */
};
/* reported when the score is at least this; in a text, a score below
 * PLAUSIBLE_SLIP_SCORE + PLAUSIBLE_BESIDE is not reported beside a word
 * no dictionary has (spell.c: names come in runs) */
#define PLAUSIBLE_SLIP_SCORE (-1.1)
#define PLAUSIBLE_BESIDE     0.5
/* a word one likely slip from a name of the gazetteer is reported when
 * its score is at least this */
#define PLAUSIBLE_GAZ_SCORE (-1.6)

typedef struct neighbours {
	ar_speller *sp;
	const char *w;
	size_t len;
	unsigned long fslip, fany;
	int nslip, ngaz, gslip, evslip, listed;
	double gain;
} neighbours;

/* The corpus count of s[0..n) written with a hamza on its first bare
 * alef, at the start or behind ال or a one-letter proclitic (اعضائه:
 * أعضائه), in *count: a text that drops the hamza (a house style) has
 * its typos' words in that spelling, which the corpus may not count.
 * 1 when found, else 0. */
static int find_hamza(const char *s, size_t n, unsigned long *count)
{
	char buf[128];
	size_t at = 0;
	unsigned long c;
	uint32_t first;
	int found = 0;
	const char *seat;

	*count = 0;
	if (n > sizeof buf || n < 6)
		return 0;
	/* a conjunction or a preposition before (clitic.h) */
	if (ar_utf8_decode(&first, s, n) == 2 &&
	    (ar_clitic__conj(first) || ar_clitic__prep(first)))
		at = 2;
	if (at + 4 <= n && memcmp(s + at, A_ALEF "\xd9\x84", 4) == 0)
		at += 4; /* ال */
	if (at + 2 > n || memcmp(s + at, A_ALEF, 2) != 0)
		return 0;
	memcpy(buf, s, n);
	for (seat = "\xa3\xa5"; *seat; seat++) { /* أ إ */
		buf[at + 1] = *seat;
		if (ar_freq__find(buf, n, &c) == 1 && c > *count) {
			*count = c;
			found = 1;
		}
	}
	return found;
}

/* ar_charlm__each_edit() callback: the store's and the lists' words one
 * edit from the word, and the best gain of the letter model. */
static int listed_neighbour(void *ctx, const char *s, size_t n, double gain)
{
	neighbours *e = ctx;
	ar_speller *sp = e->sp;
	unsigned long c;
	unsigned fl;
	int slip = ar_rank__likely_slip(s, n, e->w, e->len);

	if (gain > e->gain)
		e->gain = gain;
	if (ar_freq__find(s, n, &c)) {
		if (c > e->fany)
			e->fany = c;
		if (slip && c > e->fslip)
			e->fslip = c;
		if (slip || c >= COMMON_COUNT)
			e->listed = 1;
	} else if (slip && find_hamza(s, n, &c)) {
		if (c > e->fslip)
			e->fslip = c;
		e->listed = 1;
	}
	if (slip && ar_freq__evidence_has(s, n))
		e->evslip = e->listed = 1;
	if (ar_names__fold(&sp->fold, s, n, AR_FOLD_LIGHT) < 0)
		return -1;
	if (ar_names__find(sp->names, sp->fold.ptr, sp->fold.size, &fl) >= 0) {
		if (slip)
			e->nslip = e->listed = 1;
		if (fl & ~(unsigned)AR_NAMES_ATTESTED) {
			e->ngaz = e->listed = 1;
			if (slip)
				e->gslip = 1;
		}
	}
	return 0;
}

/* Is w[0..len) (two-byte letters) two words of three letters or more
 * that the corpus counts RUN_COUNT times or more, run together
 * (مررناعلى, محمدراسم)?  A space left out is a slip, however word-like
 * the letters read.  2 when one of the two is common (RUN_COMMON) or the
 * second starts with the article (مدارالعام): a space left out is mostly
 * beside a common word, while a long foreign name often falls into two
 * rarer words by chance (تشير + نوبل, بيني + ستون); 1 for that; else 0. */
#define RUN_COUNT  3
#define RUN_COMMON 100

static int run_together(const char *w, size_t len)
{
	size_t i;
	unsigned long a, b;
	int found = 0;

	for (i = 6; i + 6 <= len; i += 2)
		if (ar_freq__find(w, i, &a) && a >= RUN_COUNT &&
		    ar_freq__find(w + i, len - i, &b) && b >= RUN_COUNT) {
			if (a >= RUN_COMMON || b >= RUN_COMMON ||
			    memcmp(w + i, A_ALEF A_LAM, 4) == 0)
				return 2;
			found = 1;
		}
	return found;
}

/* Does w[0..len) (two-byte letters) write a consonant twice in a row?
 * Arabic writes a doubled consonant once, with a shadda; two in a row
 * come from the article before ل (الليل, للدولة) or a slip (فيللبيرت),
 * and long vowels, ا و ي, may repeat in a transliteration. */
static int doubled_consonant(const char *w, size_t len)
{
	size_t i;

	for (i = 0; i + 4 <= len; i += 2) {
		const char *c = w + i;
		if (memcmp(c, c + 2, 2) != 0 || memcmp(c, A_ALEF, 2) == 0 ||
		    memcmp(c, A_WAW, 2) == 0 || memcmp(c, "\xd9\x8a", 2) == 0)
			continue;
		/* لل, الل, ولل, فلل, والل: the article */
		if (memcmp(c, A_LAM, 2) == 0 &&
		    (i == 0 || memcmp(c - 2, A_ALEF, 2) == 0 ||
		     (i == 2 &&
		      (memcmp(w, A_WAW, 2) == 0 || memcmp(w, A_FA, 2) == 0))))
			continue;
		return 1;
	}
	return 0;
}

/* How likely unknown word w[0..len) (Arabic letters, marks removed) is a
 * slip, by the score above, into *z; HUGE_VAL for a word reported whatever
 * the score (too short, two words run together, a consonant doubled, a
 * likely slip of a gazetteer name).  0, or -1 when out of memory. */
static int plausible_unknown(ar_speller *sp, const char *w, size_t len,
                             double *z)
{
	neighbours e = { sp, w, len, 0, 0, 0, 0, 0, 0, 0, -2.0 };
	size_t i, n = 0;
	double x[PLAUSIBLE_MEASURES], reads, places;
	int run = 0;

	*z = HUGE_VAL;
	for (i = 0; i + 1 < len; i += 2, n++) {
		unsigned char a = (unsigned char)w[i],
		              b = (unsigned char)w[i + 1];
		/* U+0621-U+063A, U+0641-U+064A */
		if (!((a == 0xD8 && b >= 0xA1 && b <= 0xBA) ||
		      (a == 0xD9 && b >= 0x81 && b <= 0x8A)))
			return 0;
	}
	if (i != len || n < PLAUSIBLE_LETTERS ||
	    (run = run_together(w, len)) == 2 || doubled_consonant(w, len))
		return 0;
	if (!sp->lm && ar_charlm__new(&sp->lm, sp->names) != AR_OK)
		return -1;
	/* (strings with a sequence of three letters that no word has are
	 * left out: no listed word has one, but for a few places) */
	if (ar_charlm__each_edit(sp->lm, w, len, 3, 1, listed_neighbour, &e) <
	    0)
		return -1;
	if (!sp->plm && ar_charlm__new_places(&sp->plm) != AR_OK)
		return -1;
	reads = ar_charlm__logp(sp->lm, w, len) / (double)(n + 1);
	places = ar_charlm__logp(sp->plm, w, len) / (double)(n + 1) - reads;
	if (places < -3)
		places = -3;
	if (places > 3)
		places = 3;
#ifdef AR_PLAUSIBLE_TRACE
	/* the measures, for bench/plausible-fit.py */
	fprintf(stderr,
	        "plausible\t%.*s\t%zu\t%lu\t%lu\t%d\t%d\t%d\t%.3f\t%d\t%d"
	        "\t%.3f\t%.3f\n",
	        (int)len, w, n, e.fslip, e.fany, e.nslip, e.ngaz, e.evslip,
	        e.gain, e.listed, e.gslip, places, reads);
#endif
	if (e.gain > 10)
		e.gain = 10;
	x[0] = 1;
	x[1] = n < 5;
	x[2] = n == 5;
	x[3] = n >= 8;
	x[4] = log1p((double)e.fslip);
	x[5] = log1p((double)e.fany);
	x[6] = e.nslip;
	x[7] = e.ngaz;
	x[8] = e.evslip;
	x[9] = e.gain / 5;
	x[10] = e.listed;
	x[11] = places;
	x[12] = reads + 3; /* (a word reads about -3 a letter) */
	*z = 0;
	for (i = 0; i < PLAUSIBLE_MEASURES; i++)
		*z += plausible_w[i] * x[i];
	/* a likely slip of a gazetteer name, unless it reads far more like
	 * a word than like a slip (دافير beside دافيز); not when it reads
	 * like one only as two rarer words run together (ماركون: مار + كون,
	 * beside ماكرون) */
	if (e.gslip && (*z >= PLAUSIBLE_GAZ_SCORE || run))
		*z = HUGE_VAL;
	return 0;
}

/*
 * The decision on unknown word w[0..len) (without a possessive) that has
 * name candidates v->m[0..nm): sets v->v and v->name_sugs.  Distance alone
 * does not tell a name's typo from a correct name the gazetteer lacks
 * (they are as close to the known names at every distance and length), so
 * more evidence is asked:
 *  - a Latin word starting in lower case is a name's typo only when no
 *    English word is one edit away (recieve is receive misspelled), and
 *    so is a capitalised one whose best name is farther than one edit
 *    and sounds different (Cabnet is Cabinet, not Conte);
 *  - an Arabic word is a misspelled name when the name is one edit away,
 *    is a likely name (attested in real text, or in a gazetteer the
 *    caller added for the texts at hand), and no dictionary word is one
 *    edit away; else it is an unknown word, whose suggestions are
 *    still the names when one is a single edit away or no dictionary word
 *    is, and the dictionary's otherwise.
 * AR_OK or AR_ENOMEM.
 */
static ar_status name_decision(ar_speller *sp, const char *w, size_t len,
                               int arabic, verdict *v)
{
	const ar_names_match *b = &v->m[0];
	int near;

	if (!arabic && !(w[0] >= 'a' && w[0] <= 'z') &&
	    (b->dist <= 1 || b->kdist == 0)) {
		v->v = V_NAME;
		return AR_OK;
	}
	ar_buf__clear(&sp->tmp);
	if (arabic) {
		if (ar_spell__strip_marks(sp, w, len) != AR_OK ||
		    ar_buf__put(&sp->tmp, sp->norm.ptr, sp->norm.size) != AR_OK)
			return AR_ENOMEM;
	} else if (ar_buf__put(&sp->tmp, w, len) != AR_OK)
		return AR_ENOMEM;
	near = near_dict(sp, arabic, sp->tmp.ptr, sp->tmp.size);
	if (near < 0)
		return AR_ENOMEM;
	if (!arabic) {
		if (!near)
			v->v = V_NAME;
		return AR_OK;
	}
	if (b->dist == 1 && !near &&
	    (ar_names__flags(sp->names, b->id) &
	     (AR_NAMES_ATTESTED | AR_NAMES_USER)))
		v->v = V_NAME;
	else if (b->dist == 1 || !near)
		v->name_sugs = 1;
	return AR_OK;
}

static ar_status analyse_latin(ar_speller *sp, const char *w, size_t len,
                               verdict *v)
{
	size_t base = len, i;
	unsigned fl = 0;
	long id;
	int script;
	ar_names_match m[NAME_SUGS];
	int nm, r;

	if (!(sp->flags & AR_SPELL_CHECK_ACRONYMS) && is_acronym(w, len))
		return AR_OK;
	/* possessive 's, ’s and s' */
	if (len > 3 && w[len - 1] == 's' && w[len - 2] == '\'')
		base = len - 2;
	else if (len > 5 && w[len - 1] == 's' &&
	         memcmp(w + len - 4, "\xe2\x80\x99", 3) == 0)
		base = len - 4;
	else if (len > 3 && w[len - 1] == '\'' && w[len - 2] == 's')
		base = len - 1;
	else if (len > 5 && w[len - 4] == 's' &&
	         memcmp(w + len - 3, "\xe2\x80\x99", 3) == 0)
		base = len - 3;
	script = ar_names__fold(&sp->fold, w, base, AR_FOLD_LIGHT);
	if (script < 0)
		return AR_ENOMEM;
	id = ar_names__find(sp->names, sp->fold.ptr, sp->fold.size, &fl);
	if (id >= 0) {
		v->gaz = (fl & AR_NAMES_GAZ) ? id : -1;
		v->suf = len - base;
		return AR_OK;
	}
	ar_buf__clear(&sp->norm);
	if (ar_buf__put(&sp->norm, w, len) != AR_OK)
		return AR_ENOMEM;
	if ((r = dict_ok(sp, 0, sp->norm.ptr)) != 0)
		return r < 0 ? AR_ENOMEM : AR_OK;
	if (base < len) {
		sp->norm.ptr[base] = '\0';
		if ((r = dict_ok(sp, 0, sp->norm.ptr)) != 0)
			return r < 0 ? AR_ENOMEM : AR_OK;
	}
	/* a hyphenated word is right when each part is */
	if (memchr(w, '-', base) && w[0] != '-' && w[base - 1] != '-') {
		size_t a = 0;
		int all = 1;
		for (i = 0; i <= base && all; i++)
			if (i == base || w[i] == '-') {
				verdict pv;
				memset(&pv, 0, sizeof pv);
				pv.gaz = -1;
				if (i == a ||
				    analyse_latin(sp, w + a, i - a, &pv) !=
				            AR_OK ||
				    pv.v != V_OK)
					all = 0;
				a = i + 1;
			}
		if (all)
			return AR_OK;
	}
	/* the plural of a one-word name (the Houthis, two iPhones) */
	if (base == len && len >= 6 && w[len - 1] == 's' && w[len - 2] != 's') {
		if (ar_names__fold(&sp->fold, w, len - 1, AR_FOLD_LIGHT) < 0)
			return AR_ENOMEM;
		id = ar_names__find(sp->names, sp->fold.ptr, sp->fold.size,
		                    &fl);
		if (id >= 0 && (fl & AR_NAMES_GAZ) && (fl & AR_NAMES_SOLO))
			return AR_OK;
	}
	script = ar_names__fold(&sp->fold, w, base, AR_FOLD_LIGHT);
	if (script < 0)
		return AR_ENOMEM;
	v->v = V_UNKNOWN;
	if (sp->flags & AR_SPELL_NO_SUGGEST)
		return AR_OK;
	nm = ar_names__match(sp->names, sp->fold.ptr, sp->fold.size,
	                     AR_NAMES_LATIN, m, NAME_SUGS);
	if (nm > 0)
		nm = rank_names(sp, m, nm, 0);
	if (nm < 0)
		return AR_ENOMEM;
	if (nm > 0) {
		add_matches(v, m, nm, 0, len - base, 0);
		return name_decision(sp, w, base, 0, v);
	}
	return AR_OK;
}

/*
 * Is folded stem st (sl bytes) an adjective or plural made from a name
 * with the nisba suffix -ī (ي, ية, يين, يون, يات, يان: الترامبية from
 * ترامب, الأوكرانيين from أوكرانيا), or a name ending in ي with a gender or
 * plural ending (الحوثية, الحوثيون from الحوثي)?  Such derivations are
 * regular for any name, so no list holds them all, and a typo rarely
 * adds one.  The name must be a one-word spelling of at least four
 * letters: shorter ones, and words of longer names, turn too many typos
 * into derivations (بوتيين is not بوت + يين).
 */
static int long_vowel_end(const char *s, size_t len)
{
	return len >= 2 && (memcmp(s + len - 2, A_ALEF, 2) == 0 ||
	                    memcmp(s + len - 2, "\xd9\x8a", 2) == 0 ||
	                    memcmp(s + len - 2, A_WAW, 2) == 0 ||
	                    memcmp(s + len - 2, "\xd9\x89", 2) == 0);
}

static int name_derivation(ar_speller *sp, const char *st, size_t sl)
{
	static const char *const nisba[] = { "\xd9\x8a",
		                             "\xd9\x8a\xd8\xa9",
		                             "\xd9\x8a\xd9\x8a\xd9\x86",
		                             "\xd9\x8a\xd9\x88\xd9\x86",
		                             "\xd9\x8a\xd8\xa7\xd8\xaa",
		                             "\xd9\x8a\xd8\xa7\xd9\x86",
		                             NULL };
	static const char *const ending[] = {
		"\xd8\xa9",         "\xd9\x8a\xd9\x86", "\xd9\x88\xd9\x86",
		"\xd8\xa7\xd8\xaa", "\xd8\xa7\xd9\x86", NULL
	};
	char b[256];
	int i, k;

	if (sl + 2 > sizeof b)
		return 0;
	for (k = 0; k < 2; k++)
		for (i = 0; (k ? ending : nisba)[i]; i++) {
			const char *x = (k ? ending : nisba)[i];
			size_t xl = strlen(x), bl = sl - xl;
			unsigned fl = 0;
			long id;
			if (sl < xl + 8 || memcmp(st + bl, x, xl) != 0)
				continue;
			/* the name itself ends in ي: keep it */
			if (k && memcmp(st + bl - 2, "\xd9\x8a", 2) != 0)
				continue;
			memcpy(b, st, bl);
			/* the nisba replaces a final long vowel: a name
			 * ending in one plus ي is a doubled letter */
			id = -1;
			if (k || !long_vowel_end(b, bl))
				id = find_stem(sp, b, bl, 0, &fl);
			if (id < 0 && !k) {
				/* أوكرانيا -> أوكراني: the final alef goes */
				memcpy(b + bl, A_ALEF, 2);
				id = find_stem(sp, b, bl + 2, 0, &fl);
			}
			if (id >= 0 && (fl & AR_NAMES_GAZ) &&
			    (fl & AR_NAMES_SOLO))
				return 1;
		}
	return 0;
}

/* Does the dictionary accept the correction fix behind the proclitics
 * pre[0..n) (و + حتى, ب + شيء; not ب + حتى)?  1, 0, or -1 when out of
 * memory. */
static int takes_proclitics(ar_speller *sp, const char *pre, size_t n,
                            const char *fix)
{
	size_t fl = strlen(fix);

	ar_buf__clear(&sp->tmp);
	if (ar_buf__put(&sp->tmp, pre, n) != AR_OK ||
	    ar_buf__put(&sp->tmp, fix, fl + 1) != AR_OK)
		return -1;
	return dict_ok(sp, 1, sp->tmp.ptr);
}

static int known_name(ar_speller *sp, const char *f, size_t flen);

/*
 * Is light-folded Arabic word f two words written without a space, the
 * first one of those that writers often join to the next (لايزال, ماتزال,
 * عبدالكريم, أبوسليمان), behind و or ف or not?  -1 when out of memory.
 */
/* Does folded word b start like an imperfect verb (ي ت ن)? */
static int imperfect(const char *b)
{
	return memcmp(b, "\xd9\x8a", 2) == 0 || memcmp(b, "\xd8\xaa", 2) == 0 ||
	       memcmp(b, "\xd9\x86", 2) == 0;
}

static int joined(ar_speller *sp, const char *f, size_t flen)
{
	static const char *const first[] = {
		"\xd9\x84\xd8\xa7",         /* لا */
		"\xd9\x85\xd8\xa7",         /* ما */
		"\xd8\xb9\xd8\xa8\xd8\xaf", /* عبد */
		"\xd8\xa3\xd8\xa8\xd9\x88", /* أبو */
		"\xd8\xa7\xd8\xa8\xd9\x88", /* ابو */
		NULL
	};
	char b[256];
	size_t p, i;

	for (p = 0; p <= 2; p += 2) {
		if (p && memcmp(f, A_WAW, 2) != 0 && memcmp(f, A_FA, 2) != 0)
			break;
		for (i = 0; first[i]; i++) {
			size_t jl = strlen(first[i]), rl;
			int r;
			if (flen < p + jl + 6 || flen - p - jl >= sizeof b ||
			    memcmp(f + p, first[i], jl) != 0)
				continue;
			rl = flen - p - jl;
			memcpy(b, f + p + jl, rl);
			b[rl] = '\0';
			/* a name that starts with ما or لا is likelier than
			 * a verb joined to them: only an imperfect verb
			 * (لايزال, ماتزال); after عبد and أبو, a word with
			 * the article (عبدالكريم) or a name (أبوسليمان) */
			if (i < 2 ? !imperfect(b) : rl < 8)
				continue;
			r = 0;
			if (i < 2 || memcmp(b, A_ALEF A_LAM, 4) == 0)
				r = dict_ok(sp, 1, b);
			if (r == 0 && i >= 2)
				r = known_name(sp, b, rl);
			if (r != 0)
				return r;
		}
	}
	return 0;
}

/* Is folded word f, after some proclitic reading, a gazetteer word? */
static int known_name(ar_speller *sp, const char *f, size_t flen)
{
	ar_clitic_reading s[AR_CLITIC_READINGS];
	int ns = ar_clitic__readings(f, flen, s), i;

	for (i = 0; i < ns; i++) {
		unsigned fl = 0;
		if (find_stem(sp, f + s[i].skip, flen - s[i].skip, s[i].elided,
		              &fl) >= 0 &&
		    (fl & AR_NAMES_GAZ))
			return 1;
	}
	return 0;
}

/* The slips ar_spell__ortho_fix() corrects: an alef that lost its hamza, and a
 * final letter written for another. */
static const char *const ortho_hamza[] = { "\xd8\xa3", "\xd8\xa5",
	                                   "\xd8\xa2" }; /* أ إ آ */
static const char *const ortho_ends[][2] = {
	{ "\xd9\x87", A_TA_MARBUTA }, /* ه -> ة */
	{ "\xd9\x8a", "\xd9\x89" },   /* ي -> ى */
	{ "\xd9\x89", "\xd9\x8a" },   /* ى -> ي */
};
#define ORTHO_ENDS (sizeof ortho_ends / sizeof ortho_ends[0])

/*
 * The dictionary word that an unknown Arabic word misspells by the most
 * common slips of Arabic typing: the hamza of an initial alef left out
 * (الى for إلى; also after the article: الاخرى, بالاضافة), ه
 * written for a final ة, ي for a final ى or the reverse.  f is the
 * light-folded word and s[0..ns) its proclitic readings.  On success the
 * corrected word, folded and NUL-terminated, is in out and 1 is returned.
 * Only spellings that the Arabic dictionary accepts count.
 */
/* What ortho_fix() may undo (bits): */
enum {
	SLIP_HAMZA = 1,    /* an alef without its hamza */
	SLIP_ENDS = 2,     /* a final letter for another (ortho_ends) */
	SLIP_YA_ONLY = 4,  /* of those, only ى for ي */
	SLIP_CLITICS = 8,  /* a hamza right after any proclitic too */
	SLIP_NO_NAMES = 16 /* the dictionary only, not the gazetteer */
};

static int ortho_fix(ar_speller *sp, const char *f, size_t flen,
                     const ar_clitic_reading *s, int ns, char *out, size_t size,
                     unsigned mask);

int ar_spell__ortho_fix(ar_speller *sp, const char *f, size_t flen,
                        const ar_clitic_reading *s, int ns, char *out,
                        size_t size)
{
	return ortho_fix(sp, f, flen, s, ns, out, size,
	                 SLIP_HAMZA | SLIP_ENDS | SLIP_NO_NAMES);
}

static int ortho_fix(ar_speller *sp, const char *f, size_t flen,
                     const ar_clitic_reading *s, int ns, char *out, size_t size,
                     unsigned mask)
{
	size_t pos[24];
	int np = 0, i, j, h, e = -1, fixed_end;

	/* a NUL would end the word early for hunspell and the caller */
	if (flen < 4 || flen + 1 > size || memchr(f, '\0', flen))
		return 0;
	for (i = 0; i < ns && (mask & SLIP_HAMZA); i++) {
		size_t p = s[i].skip;
		if (s[i].elided || p + 4 > flen ||
		    memcmp(f + p, A_ALEF, 2) != 0)
			continue;
		/* the alef of the article takes no hamza: ال + a stem of
		 * three letters or more */
		if (flen - p > 8 && memcmp(f + p + 2, A_LAM, 2) == 0)
			continue;
		/* at the start, or after the article; right after و ب ل...
		 * a hamza would make too many words of names' typos
		 * (باقل: ب + أقل) */
		if (p != 0 && !(mask & SLIP_CLITICS) &&
		    (p < 4 || memcmp(f + p - 4, A_ALEF A_LAM, 4) != 0))
			continue;
		for (j = 0; j < np && pos[j] != p; j++)
			;
		if (j == np)
			pos[np++] = p;
	}
	for (i = 0; i < (int)ORTHO_ENDS && (mask & SLIP_ENDS); i++)
		if (memcmp(f + flen - 2, ortho_ends[i][0], 2) == 0 &&
		    (!(mask & SLIP_YA_ONLY) ||
		     memcmp(ortho_ends[i][0], "\xd9\x89", 2) == 0))
			e = i;
	if (np == 0 && e < 0)
		return 0;
	/* the end as written, then corrected; each with no hamza added, then
	 * with one at each place an alef may have lost it */
	for (fixed_end = 0; fixed_end < (e >= 0 ? 2 : 1); fixed_end++)
		for (j = -1; j < np; j++)
			for (h = 0; h < (j < 0 ? 1 : 3); h++) {
				if (!fixed_end && j < 0)
					continue;
				memcpy(out, f, flen);
				out[flen] = '\0';
				if (fixed_end)
					memcpy(out + flen - 2, ortho_ends[e][1],
					       2);
				if (j >= 0)
					memcpy(out + pos[j], ortho_hamza[h], 2);
				int r = dict_ok(sp, 1, out);
				if (r == 0 && !(mask & SLIP_NO_NAMES))
					r = known_name(sp, out, strlen(out));
				if (r != 0)
					return r; /* 1, or -1 */
			}
	return 0;
}

/* Is the accepted word of id, flags fl, found after reading i of the
 * folded word f, only an inner word of longer names (ان of "سي ان ان")? */
static int inner_only(unsigned fl)
{
	return (fl & (AR_NAMES_GAZ | AR_NAMES_SOLO | AR_NAMES_LOAN |
	              AR_NAMES_PERSONAL | AR_NAMES_ATTESTED)) == AR_NAMES_GAZ;
}

/* Is the light-folded Arabic word f (readings s[0..ns)) a dictionary word,
 * or one written without a hamza or with another final letter?  For the
 * consistency check on names only.  -1 when out of memory. */
static int common_word(ar_speller *sp, const char *w, size_t len, const char *f,
                       size_t flen, const ar_clitic_reading *s, int ns)
{
	char fix[512];
	int r;
	if (ar_spell__strip_marks(sp, w, len) != AR_OK)
		return -1;
	if ((r = dict_ok(sp, 1, sp->norm.ptr)) != 0)
		return r;
	return ortho_fix(sp, f, flen, s, ns, fix, sizeof fix,
	                 SLIP_HAMZA | SLIP_ENDS | SLIP_CLITICS | SLIP_NO_NAMES);
}

int ar_spell__house_spelling(ar_speller *sp, const char *w, size_t len)
{
	ar_clitic_reading r[AR_CLITIC_READINGS];
	char fix[512];
	int script = ar_names__fold(&sp->fold, w, len, AR_FOLD_LIGHT), ns;

	if (script < 0)
		return -1;
	if (script != AR_NAMES_ARABIC)
		return 0;
	ns = ar_clitic__readings(sp->fold.ptr, sp->fold.size, r);
	return ortho_fix(sp, sp->fold.ptr, sp->fold.size, r, ns, fix,
	                 sizeof fix,
	                 SLIP_HAMZA | SLIP_ENDS | SLIP_CLITICS | SLIP_NO_NAMES);
}

/* Is w[0..len) written with Persian or Urdu letters that look like
 * Arabic ones (ar_rank__look_alike()), where the same word in Arabic
 * letters is one the dictionary knows (یقول, کتاب)?  Those letters are
 * then a slip of the keyboard, reported like one, though the word store
 * folds them to find names written with them.  -1 when out of memory. */
static int look_alike_word(ar_speller *sp, const char *w, size_t len)
{
	size_t i;
	int pass;

	/* the first pass only looks (this is on the path of every new
	 * Arabic word), the second writes the Arabic letters */
	for (pass = 0; pass < 2; pass++) {
		int any = 0;
		ar_buf__clear(&sp->tmp);
		for (i = 0; i < len;) {
			uint32_t c, a;
			char b[4];
			size_t k = ar_utf8_decode(&c, w + i, len - i);
			if (k == 0)
				return 0;
			i += k;
			if (ar_char__harakat_or_tatweel(c))
				continue;
			a = ar_rank__look_alike(c);
			any |= a != c;
			if (pass && ar_buf__put(&sp->tmp, b,
			                        ar_utf8__encode(a, b)) != AR_OK)
				return -1;
		}
		if (!any)
			return 0;
	}
	if (ar_buf__put(&sp->tmp, "", 1) != AR_OK)
		return -1;
	return dict_ok(sp, 1, sp->tmp.ptr);
}

/*
 * Is the folded stem st[0..sl), whose first letter (or first after the
 * article) is آ, a name of the lists when that letter is written أ or a
 * bare alef?  Transliteration writes the long a that begins a foreign
 * name either way (آندرو and أندرو, آفيفا and أفيفا), so the two are
 * one name's spellings.  A word of the dictionary alone is not enough:
 * آثاث is أثاث misspelled.  1, 0, -1 when out of memory.
 */
static int madda_name(ar_speller *sp, const char *st, size_t sl)
{
	static const char seat[][2] = { { '\xd8', '\xa3' },   /* أ */
		                        { '\xd8', '\xa7' } }; /* ا */
	char buf[256];
	size_t at = 0;
	int k;

	if (sl >= 4 && memcmp(st, A_ALEF A_LAM, 4) == 0)
		at = 4;
	if (sl < at + 6 || sl > sizeof buf || memcmp(st + at, "\xd8\xa2", 2))
		return 0;
	for (k = 0; k < 2; k++) {
		unsigned fl = 0;
		long id;
		int r;
		memcpy(buf, st, sl);
		memcpy(buf + at, seat[k], 2);
		id = find_stem(sp, buf, sl, 0, &fl);
		if (id >= 0 && !inner_only(fl))
			return 1;
		if ((r = evidence_stem(sp, buf, sl, 0)) != 0)
			return r;
	}
	return 0;
}

static ar_status analyse_arabic(ar_speller *sp, const char *w, size_t len,
                                verdict *v)
{
	ar_clitic_reading sp_[AR_CLITIC_READINGS];
	int ns, i, r;
	ar_names_match m[NAME_SUGS];
	char *f, fix[512];
	size_t flen, inner_pre = 0;
	long inner = -1;

	if ((r = look_alike_word(sp, w, len)) != 0) {
		if (r < 0)
			return AR_ENOMEM;
		v->v = V_UNKNOWN;
		return AR_OK;
	}
	if (ar_names__fold(&sp->fold, w, len, AR_FOLD_LIGHT) < 0)
		return AR_ENOMEM;
	/* keep the folded word: sp->fold is reused below */
	ar_buf__clear(&sp->cand);
	if (ar_buf__put(&sp->cand, sp->fold.ptr, sp->fold.size) != AR_OK)
		return AR_ENOMEM;
	f = sp->cand.ptr;
	flen = sp->cand.size;
	ns = ar_clitic__readings(f, flen, sp_);
	/* a known error, as written or behind proclitics that its
	 * correction takes (وحتي; not بحتا, ب + حتا: no بحتى) */
	for (i = 0; i < ns; i++) {
		uint32_t val;
		if (!sp_[i].elided &&
		    ar_strmap__get(&sp->known, f + sp_[i].skip,
		                   flen - sp_[i].skip, &val)) {
			if (sp_[i].skip &&
			    (r = takes_proclitics(sp, f, sp_[i].skip,
			                          sp->known_fix.ptr + val)) <=
			            0) {
				if (r < 0)
					return AR_ENOMEM;
				continue;
			}
			v->v = V_KNOWN;
			v->kfix = (long)val;
			v->pre = after_letters(w, len, sp_[i].letters);
			return AR_OK;
		}
	}
	for (i = 0; i < ns; i++) {
		unsigned fl = 0;
		long id = find_stem(sp, f + sp_[i].skip, flen - sp_[i].skip,
		                    sp_[i].elided, &fl);
		if (id < 0) {
			/* a name of the lists of places (freq.h) */
			r = evidence_stem(sp, f + sp_[i].skip,
			                  flen - sp_[i].skip, sp_[i].elided);
			if (r < 0)
				return AR_ENOMEM;
			if (r) {
				v->pre = after_letters(w, len, sp_[i].letters);
				return AR_OK;
			}
			continue;
		}
		if (inner_only(fl)) {
			if (inner < 0) {
				inner = id;
				inner_pre =
				        after_letters(w, len, sp_[i].letters);
			}
			continue;
		}
		v->gaz = (fl & AR_NAMES_GAZ) ? id : -1;
		v->pre = after_letters(w, len, sp_[i].letters);
		if (v->gaz >= 0 && (sp->flags & AR_SPELL_CONSISTENCY_NAMES)) {
			r = common_word(sp, w, len, f, flen, sp_, ns);
			if (r < 0)
				return AR_ENOMEM;
			if (r)
				v->gaz = -1;
		}
		return AR_OK;
	}
	if (ar_spell__strip_marks(sp, w, len) != AR_OK)
		return AR_ENOMEM;
	if ((r = dict_ok(sp, 1, sp->norm.ptr)) != 0)
		return r < 0 ? AR_ENOMEM : AR_OK;
	/* a word found only inside longer names is accepted, unless it is a
	 * short word or one with the article, without its hamza or with
	 * another final letter (ان, او, الان, الاول: from سي ان ان...): that
	 * one is the common word misspelled.  A longer bare word stays a
	 * name (ايلون of ايلون ماسك). */
	if (inner >= 0) {
		r = 0;
		if (flen <= 4 || memcmp(f, A_ALEF A_LAM, 4) == 0)
			r = ortho_fix(sp, f, flen, sp_, ns, fix, sizeof fix,
			              SLIP_HAMZA | SLIP_ENDS | SLIP_NO_NAMES);
		if (r < 0)
			return AR_ENOMEM;
		if (!r) {
			v->gaz = (sp->flags & AR_SPELL_CONSISTENCY_NAMES)
			                 ? -1
			                 : inner;
			v->pre = inner_pre;
			return AR_OK;
		}
	}
	for (i = 0; i < ns; i++) {
		const char *st = f + sp_[i].skip;
		size_t sl = flen - sp_[i].skip;
		if (sp_[i].elided && restore_alef(&sp->norm, &st, &sl) != AR_OK)
			return AR_ENOMEM;
		if (name_derivation(sp, st, sl))
			return AR_OK;
	}
	/* two words joined (لايزال, عبدالكريم) */
	if ((r = joined(sp, f, flen)) != 0)
		return r < 0 ? AR_ENOMEM : AR_OK;
	/* a name whose first long a is written آ, where the lists have أ or ا */
	for (i = 0; i < ns; i++) {
		if (sp_[i].elided)
			continue;
		r = madda_name(sp, f + sp_[i].skip, flen - sp_[i].skip);
		if (r)
			return r < 0 ? AR_ENOMEM : AR_OK;
	}
	/* the house styles: hamza-less alefs, final ى for ي */
	if (sp->flags & (AR_SPELL_HAMZA_FREE | AR_SPELL_FINAL_YA)) {
		unsigned mask = SLIP_CLITICS;
		if (sp->flags & AR_SPELL_HAMZA_FREE)
			mask |= SLIP_HAMZA;
		if (sp->flags & AR_SPELL_FINAL_YA)
			mask |= SLIP_ENDS | SLIP_YA_ONLY;
		r = ortho_fix(sp, f, flen, sp_, ns, fix, sizeof fix, mask);
		if (r < 0)
			return AR_ENOMEM;
		if (r)
			return AR_OK;
	}
	v->v = V_UNKNOWN;
	if (sp->flags & AR_SPELL_NO_SUGGEST)
		return AR_OK;
	/* a common word with a slip of hamza, ة or ى is not a name's typo,
	 * unless the corrected word is a name */
	r = ar_spell__ortho_fix(sp, f, flen, sp_, ns, fix, sizeof fix);
	if (r < 0)
		return AR_ENOMEM;
	/* else a name or a term no list has, that reads like a word, is
	 * not reported */
	if (!r && !(sp->flags & AR_SPELL_ALL_UNKNOWN)) {
		double z;
		if (ar_spell__strip_marks(sp, w, len) != AR_OK ||
		    plausible_unknown(sp, sp->norm.ptr, sp->norm.size, &z) < 0)
			return AR_ENOMEM;
		if (z < PLAUSIBLE_SLIP_SCORE) {
			v->v = V_OK;
			return AR_OK;
		}
		v->beside = z < PLAUSIBLE_SLIP_SCORE + PLAUSIBLE_BESIDE;
	}
	if (r && !known_name(sp, fix, strlen(fix)))
		return AR_OK;
	for (i = 0; i < ns; i++) {
		int nm;
		const char *stem = f + sp_[i].skip;
		size_t sl = flen - sp_[i].skip;
		if (sp_[i].elided &&
		    restore_alef(&sp->tmp, &stem, &sl) != AR_OK)
			return AR_ENOMEM;
		nm = ar_names__match(sp->names, stem, sl, AR_NAMES_ARABIC, m,
		                     NAME_SUGS);
		/* a reading with proclitics costs a little more */
		{
			int k;
			for (k = 0; k < nm; k++)
				m[k].cost += sp_[i].skip ? 64 : 0;
		}
		if (nm > 0)
			nm = rank_names(sp, m, nm, 1);
		if (nm < 0)
			return AR_ENOMEM;
		add_matches(v, m, nm, after_letters(w, len, sp_[i].letters), 0,
		            sp_[i].elided);
	}
	if (v->nm > 0)
		return name_decision(sp, w, len, 1, v);
	return AR_OK;
}

/* Script of a word: Arabic when it has an Arabic letter, else Latin
 * when it has a Latin letter (of ASCII to Latin Extended-B, without the
 * multiplication and division signs), else other. */
int ar_spell__script(const char *w, size_t len)
{
	size_t i = 0;
	int latin = 0;
	while (i < len) {
		uint32_t c;
		size_t k = ar_utf8__next(&c, w + i, len - i);
		if (k == 0)
			k = 1;
		else if (ar_char__arabic_letter(c) ||
		         (c >= 0x0750 && c <= 0x077F) ||
		         (c >= 0xFB50 && c <= 0xFEFC))
			return AR_NAMES_ARABIC;
		else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		         (c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7))
			latin = 1;
		i += k;
	}
	return latin ? AR_NAMES_LATIN : AR_NAMES_OTHER;
}

int ar_spell__hyphen_wrong_parts(ar_speller *sp, const char *w, size_t len,
                                 size_t *a, size_t *b)
{
	size_t s, e;
	int wrong = 0;
	verdict pv;

	for (s = 0; s < len && wrong < 2; s = e + 1) {
		const char *h = memchr(w + s, '-', len - s);
		e = h ? (size_t)(h - w) : len;
		if (e == s)
			continue;
		if (ar_spell__analyse(sp, w + s, e - s, &pv) != AR_OK)
			return -1;
		if (pv.v != V_OK) {
			*a = s;
			*b = e;
			wrong++;
		}
	}
	return wrong;
}

/*
 * Is w[0..len), an Arabic word with hyphens inside (هارلي-ديفيدسون,
 * الواي-فاي), right because each of its parts is?  Latin words get the
 * same from hunspell (its BREAK rule: well-known).  1 or 0, -1 when out
 * of memory.
 */
static int hyphen_parts_ok(ar_speller *sp, const char *w, size_t len)
{
	size_t a, b;
	int r;

	if (!memchr(w, '-', len) || w[0] == '-' || w[len - 1] == '-')
		return 0;
	r = ar_spell__hyphen_wrong_parts(sp, w, len, &a, &b);
	return r < 0 ? -1 : r == 0;
}

int ar_spell__dict_word(ar_speller *sp, const char *w, size_t len)
{
	int script = ar_spell__script(w, len);

	if (script == AR_NAMES_OTHER || has_digit(w, len))
		return 1;
	if (ar_spell__strip_marks(sp, w, len) != AR_OK)
		return -1;
	return dict_ok(sp, script == AR_NAMES_ARABIC, sp->norm.ptr);
}

ar_status ar_spell__analyse(ar_speller *sp, const char *w, size_t len,
                            verdict *v)
{
	int script;
	unsigned fl = 0;

	memset(v, 0, sizeof *v);
	v->gaz = -1;
	if (has_digit(w, len))
		return AR_OK;
	script = ar_spell__script(w, len);
	if (script == AR_NAMES_OTHER)
		return AR_OK;
	/* personal words, as written (folded) */
	if (ar_names__fold(&sp->fold, w, len, AR_FOLD_LIGHT) < 0)
		return AR_ENOMEM;
	if (ar_names__find(sp->names, sp->fold.ptr, sp->fold.size, &fl) >= 0 &&
	    (fl & AR_NAMES_PERSONAL))
		return AR_OK;
	if (script == AR_NAMES_ARABIC) {
		int r = hyphen_parts_ok(sp, w, len);
		if (r != 0)
			return r < 0 ? AR_ENOMEM : AR_OK;
		return analyse_arabic(sp, w, len, v);
	}
	return analyse_latin(sp, w, len, v);
}

/* ---- the cache -------------------------------------------------------- */

/* Is letter y (2 bytes) letter x with a slip undone: a hamza on an alef,
 * or at the end of the word (last) one of ortho_ends? */
static int ortho_pair(const char *x, const char *y, int last)
{
	size_t i;

	if (memcmp(x, A_ALEF, 2) == 0)
		for (i = 0; i < 3; i++)
			if (memcmp(y, ortho_hamza[i], 2) == 0)
				return 1;
	for (i = 0; last && i < ORTHO_ENDS; i++)
		if (memcmp(x, ortho_ends[i][0], 2) == 0 &&
		    memcmp(y, ortho_ends[i][1], 2) == 0)
			return 1;
	return 0;
}

/* Is folded word b the folded word a with the slips ar_spell__ortho_fix() corrects
 * undone: hamzas on some alefs, ة for ه or ى for ي at the end? */
int ar_spell__ortho_variant(const char *a, size_t al, const char *b, size_t bl)
{
	size_t k;
	int diff = 0;

	if (al != bl || al < 4 || al % 2)
		return 0;
	for (k = 0; k < al; k += 2) {
		if (memcmp(a + k, b + k, 2) == 0)
			continue;
		if (!ortho_pair(a + k, b + k, k + 2 == al))
			return 0;
		diff = 1;
	}
	return diff;
}

/* ---- the repetition rule ---------------------------------------------- */

int ar_spell__stem_spans(ar_speller *sp, const char *w, size_t len,
                         stem_span *out, int max)
{
	ar_clitic_reading r[AR_CLITIC_READINGS];
	int script = ar_names__fold(&sp->fold, w, len, AR_FOLD_ALEF), ns, i, n;

	if (script < 0)
		return -1;
	if (script != AR_NAMES_ARABIC) {
		size_t l = sp->fold.size, end = len;
		if (l > 2 && sp->fold.ptr[l - 2] == '\'' &&
		    sp->fold.ptr[l - 1] == 's') {
			l -= 2;
			/* the s, then the apostrophe (typographic ones are
			 * longer) */
			end = len - 1;
			while (end > 0 &&
			       ((unsigned char)w[--end] & 0xC0) == 0x80)
				;
		}
		if (max < 1 || l < 3)
			return 0;
		out[0].h = ar_hash__bytes(sp->fold.ptr, l);
		out[0].fskip = 0;
		out[0].flen = l;
		out[0].pre = 0;
		out[0].end = end;
		return 1;
	}
	ns = ar_clitic__readings(sp->fold.ptr, sp->fold.size, r);
	for (i = 0, n = 0; i < ns && n < max; i++) {
		const char *st = sp->fold.ptr + r[i].skip;
		size_t sl = sp->fold.size - r[i].skip;
		int k;
		uint64_t h;
		/* stems of three letters or more */
		if (r[i].elided || sl < 6)
			continue;
		h = ar_hash__bytes(st, sl);
		for (k = 0; k < n && out[k].h != h; k++)
			;
		if (k < n)
			continue;
		out[n].h = h;
		out[n].fskip = r[i].skip;
		out[n].flen = sl;
		out[n].pre = after_letters(w, len, r[i].letters);
		out[n].end = len;
		n++;
	}
	return n;
}

/* The endings that make an adjective, or its plural, of a name (الأخمينية
 * of الأخميني, الإسبارطيين of إسبارطة, الكاريبي of الكاريب), longest first:
 * a stem with one of them and the stem without it share a key of its
 * own (CORE_SALT), so that a document that writes a name and the
 * adjective made from it uses one word twice. */
static const char *const core_ends[] = {
	"\xd9\x8a\xd9\x8a\xd9\x86", /* يين */
	"\xd9\x8a\xd9\x88\xd9\x86", /* يون */
	"\xd9\x8a\xd8\xa7\xd8\xaa", /* يات */
	"\xd9\x8a\xd8\xa9",         /* ية */
	"\xd8\xa7\xd8\xaa",         /* ات */
	"\xd9\x8a",                 /* ي */
	"\xd8\xa9",                 /* ة */
};
#define CORE_SALT    0x9e3779b97f4a7c15ull
#define CORE_LETTERS 4 /* in what is left: shorter cores meet by chance */

/* Put key h in out[0..*n) unless it is there or out is full. */
static void add_key(uint64_t *out, int *n, int max, uint64_t h)
{
	int k;
	for (k = 0; k < *n && out[k] != h; k++)
		;
	if (k == *n && *n < max)
		out[(*n)++] = h;
}

int ar_spell__stems(ar_speller *sp, const char *w, size_t len, uint64_t *out,
                    int max)
{
	stem_span s[AR_CLITIC_READINGS];
	int ns = ar_spell__stem_spans(sp, w, len, s, AR_CLITIC_READINGS), i,
	    n = 0;
	size_t e;

	if (ns < 0)
		return -1;
	for (i = 0; i < ns; i++)
		add_key(out, &n, max, s[i].h);
	/* the cores: Arabic stems only */
	if (ar_spell__script(w, len) != AR_NAMES_ARABIC)
		return n;
	for (i = 0; i < ns; i++) {
		const char *st = sp->fold.ptr + s[i].fskip;
		size_t sl = s[i].flen;
		add_key(out, &n, max, ar_hash__bytes(st, sl) ^ CORE_SALT);
		for (e = 0; e < sizeof core_ends / sizeof core_ends[0]; e++) {
			size_t el = strlen(core_ends[e]);
			if (sl >= el + 2 * CORE_LETTERS &&
			    memcmp(st + sl - el, core_ends[e], el) == 0) {
				add_key(out, &n, max,
				        ar_hash__bytes(st, sl - el) ^
				                CORE_SALT);
				break;
			}
		}
	}
	return n;
}

int ar_spell__related_keys(ar_speller *sp, const char *w, size_t len,
                           uint64_t *out, int max)
{
	ar_clitic_reading r[AR_CLITIC_READINGS];
	int script = ar_names__fold(&sp->fold, w, len, AR_FOLD_LIGHT), ns, i,
	    n = 0;
	char buf[256];

	if (script < 0)
		return -1;
	if (script != AR_NAMES_ARABIC)
		return 0;
	ns = ar_clitic__readings(sp->fold.ptr, sp->fold.size, r);
	for (i = 0; i < ns; i++) {
		const char *st = sp->fold.ptr + r[i].skip;
		size_t sl = sp->fold.size - r[i].skip;
		if (r[i].elided || sl < 6)
			continue;
		/* the stem, behind proclitics, unless the last of them is
		 * its first letter: ككابرال is كابرال with a letter typed
		 * twice more often than ك + كابرال */
		if (r[i].skip && memcmp(st - 2, st, 2) != 0)
			add_key(out, &n, max, ar_hash__bytes(st, sl));
		/* the stem with the article */
		if (memcmp(st, A_ALEF A_LAM, 4) != 0 && sl + 4 <= sizeof buf) {
			memcpy(buf, A_ALEF A_LAM, 4);
			memcpy(buf + 4, st, sl);
			add_key(out, &n, max, ar_hash__bytes(buf, sl + 4));
		}
	}
	return n;
}
