/*
 * rank.c - the suggestions for an unknown Arabic word, ranked by a noisy
 * channel.
 *
 * A typist who meant word c and wrote w made a slip; the likeliest c is
 * the one that maximises P(c) x P(slip c -> w).  P(c) is the word's count
 * in the bench corpus plus one half (dict/ar-freq.tsv, built into the
 * library), P(slip) a weight per kind of slip.  The weights were first
 * set by hand from the kinds of typing error, then fitted on the tuning
 * sets of the bench corpus (bench/rank-fit.py: the weights that put the
 * intended word first for the most injected typos, never the evaluation
 * set; doc/accuracy.md):
 *   2    a final ه for ة or ي for ى, and the reverse;
 *   1.5  a hamza seat (أ إ آ written ا, ئ ؤ ء confused);
 *   1.4  a letter for one of the same sound (س ص, ت ط, ذ ز...), a letter
 *        left out, a letter doubled, two letters swapped;
 *   1    a letter with other dots (ب ت ث ن ي, ج ح خ...);
 *   1    the space between two words left out, 10 after a letter
 *        that does not join the next (ا د ذ ر ز و ة ى: the slip does
 *        not show);
 *   0.7  a neighbour key on the Arabic 101 keyboard (a letter has
 *        three to six neighbours: a common word one of them away beat
 *        the rarer word meant);
 *   0.425 a letter added next to its key's neighbour;
 *   0.05 the same before the first letter, or the first letter left
 *        out (a typist seldom slips before the word begins: a stray
 *        first letter is rarer than one inside, and dropping it yields a
 *        word too often, و ف ب ل ك being proclitics; nor leaves out the
 *        letter a word starts with: بيروس is بيزوس, not إبيروس);
 *   0.015 a candidate of the caller (a name the matcher found) more
 *        than one such slip away, its count no more than a name's of
 *        the store (STORE_COUNT);
 *   0.005 any other letter written for another or added (such slips
 *        are rare, and a common word behind one beat the rarer word one
 *        likely slip away).
 * The fit leaves alone the dots, the unit; the hamza seat, the final
 * letter and the first letter left out, slips the injected typos never
 * make (0.05 was fitted before the last joined the stray key's kind);
 * the space, weighed by the pair's count; and the caller's names, which
 * tests/names weighs (the injected typos are of the texts' words, few of
 * them names of the gazetteer).
 * The candidates are every string one slip from w (with a hamza put on
 * one of its alefs too) that the Arabic dictionary (the library's reader
 * of it: no hunspell call), the word store or the frequency table knows;
 * the strings one slip from w that no list has but whose letters read
 * like a word, by a letter model (charlm.c: a typo of a name no list
 * knows is undone only so); the two words w runs together, when the
 * corpus counted both (a space left out, weighed as above: add_splits());
 * the caller's candidates; and hunspell's
 * suggestions, asked for only
 * when the caller wants many (they cost about 15 ms a word, and loading
 * hunspell some 0.3 s).
 */
#include "config.h"

#include "rank.h"
#include "norm_tables.h"
#include "spell_int.h"

#include <math.h>
#include <stdlib.h>
#ifdef AR_RANK_TRACE
#include <stdio.h>
#endif

/* ---- slips ------------------------------------------------------------- */

/* Kinds of slip, least likely first, and their weights. */
enum {
	K_OTHER,  /* any other letter for another, or added */
	K_FAR,    /* a caller's candidate farther than one likely slip */
	K_EDGE,   /* a letter added before the first, next to its key's
	           * neighbour, or the first letter left out */
	K_ADDED,  /* a letter added next to its key's neighbour */
	K_PHON,   /* a letter for one of the same sound */
	K_DOTS,   /* a letter for one with other dots */
	K_KEY,    /* a letter for its neighbour key */
	K_LEFT,   /* a letter left out */
	K_DOUBLE, /* a letter doubled */
	K_SWAP,   /* two letters swapped */
	K_SPACE,  /* the space between two words left out */
	K_HAMZA,  /* a hamza seat */
	K_END,    /* a final ه for ة, ي for ى, and the reverse */
	K_N
};
static const double kind_p[K_N] = { 0.005, 0.015, 0.05, 0.425, 1.4, 1.0, 0.7,
	                            1.4,   1.4,   1.4,  1.0,   1.5, 2.0 };

#define ALEF 0x0627

/* The letters a slip may put in or take out: ء to غ, ف to ي. */
static const uint32_t letters[] = {
	0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627, 0x0628, 0x0629,
	0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F, 0x0630, 0x0631, 0x0632,
	0x0633, 0x0634, 0x0635, 0x0636, 0x0637, 0x0638, 0x0639, 0x063A, 0x0641,
	0x0642, 0x0643, 0x0644, 0x0645, 0x0646, 0x0647, 0x0648, 0x0649, 0x064A
};
#define NLETTERS (sizeof letters / sizeof letters[0])

/* The Arabic 101 keyboard, row by row (0xFEFB: the key of لا). */
static const uint32_t keys[3][12] = {
	{ 0x0636, 0x0635, 0x062B, 0x0642, 0x0641, 0x063A, 0x0639, 0x0647,
	  0x062E, 0x062D, 0x062C, 0x062F },
	{ 0x0634, 0x0633, 0x064A, 0x0628, 0x0644, 0x0627, 0x062A, 0x0646,
	  0x0645, 0x0643, 0x0637, 0 },
	{ 0x0626, 0x0621, 0x0624, 0x0631, 0xFEFB, 0x0649, 0x0629, 0x0648,
	  0x0632, 0x0638, 0, 0 },
};

/* Where key c is: row, and column in quarters of a key (each row is
 * shifted right of the one above: 0, 1/4, 3/4 of a key).  0 when c has no
 * key. */
static int key_at(uint32_t c, int *row, int *x)
{
	static const int shift[3] = { 0, 1, 3 };
	int r, k;
	for (r = 0; r < 3; r++)
		for (k = 0; k < 12 && keys[r][k]; k++)
			if (keys[r][k] == c) {
				*row = r;
				*x = 4 * k + shift[r];
				return 1;
			}
	return 0;
}

/* Are a and b neighbour keys: side by side, or touching in the row above
 * or below? */
static int neighbours(uint32_t a, uint32_t b)
{
	int ra, xa, rb, xb, d;
	if (a == b || !key_at(a, &ra, &xa) || !key_at(b, &rb, &xb))
		return 0;
	d = xa > xb ? xa - xb : xb - xa;
	return (ra == rb && d == 4) ||
	       ((ra - rb == 1 || rb - ra == 1) && d < 4);
}

/* Is {a, b} one of the pairs of the zero-terminated list? */
static int pair_in(const uint32_t *pairs, uint32_t a, uint32_t b)
{
	for (; pairs[0]; pairs += 2)
		if ((pairs[0] == a && pairs[1] == b) ||
		    (pairs[0] == b && pairs[1] == a))
			return 1;
	return 0;
}

/* Letters of one shape, told apart by their dots (groups, 0 between). */
static const uint32_t dots[] = { 0x0628, 0x062A, 0x062B, 0x0646, 0x064A, 0x0626,
	                         0,      0x062C, 0x062D, 0x062E, 0,      0x062F,
	                         0x0630, 0,      0x0631, 0x0632, 0,      0x0633,
	                         0x0634, 0,      0x0635, 0x0636, 0,      0x0637,
	                         0x0638, 0,      0x0639, 0x063A, 0,      0x0641,
	                         0x0642, 0,      0x0629, 0x0647, 0,      0x0649,
	                         0x064A, 0,      0 };

static int same_dots(uint32_t a, uint32_t b)
{
	const uint32_t *g = dots;
	while (*g) {
		int ia = 0, ib = 0;
		for (; *g; g++) {
			ia |= *g == a;
			ib |= *g == b;
		}
		if (ia && ib)
			return 1;
		g++;
	}
	return 0;
}

/* Letters of one sound in the speech of most writers. */
static const uint32_t phonetic[] = { 0x0633, 0x0635, 0x062A, 0x0637, 0x062F,
	                             0x0636, 0x0630, 0x0632, 0x0643, 0x0642,
	                             0x0647, 0x062D, 0x0636, 0x0638, 0x0630,
	                             0x0638, 0x062B, 0x0633, 0x0632, 0x0638,
	                             0 };

/* Hamza seats: an alef with or without its hamza, and the seats of a
 * hamza inside a word. */
static const uint32_t seats[] = { 0x0627, 0x0623, 0x0627, 0x0625, 0x0627,
	                          0x0622, 0x0623, 0x0625, 0x0623, 0x0622,
	                          0x0625, 0x0622, 0x0626, 0x0624, 0x0621,
	                          0x0626, 0x0621, 0x0624, 0x0621, 0x0623,
	                          0x0648, 0x0624, 0x0649, 0x0626, 0 };

/* The kind of slip that wrote letter t where the writer meant c; last:
 * at the end of the word. */
static int subst_kind(uint32_t t, uint32_t c, int last)
{
	if (last &&
	    ((t == 0x0647 && c == 0x0629) || (t == 0x0629 && c == 0x0647) ||
	     (t == 0x064A && c == 0x0649) || (t == 0x0649 && c == 0x064A)))
		return K_END;
	if (pair_in(seats, t, c))
		return K_HAMZA;
	if (same_dots(t, c))
		return K_DOTS;
	if (neighbours(t, c))
		return K_KEY;
	if (pair_in(phonetic, t, c))
		return K_PHON;
	return K_OTHER;
}

/* Letters of the UTF-8 s[0..n) into l[0..max); their number, or max + 1
 * when there are more or s is not UTF-8. */
static size_t decode_letters(uint32_t *l, size_t max, const char *s, size_t n)
{
	size_t o = 0, k = 0;
	while (o < n) {
		size_t b;
		if (k == max)
			return max + 1;
		b = ar_utf8_decode(&l[k], s + o, n - o);
		if (b == 0)
			return max + 1;
		o += b;
		k++;
	}
	return k;
}

#define SLIP_LETTERS 40 /* longest word ar_rank__likely_slip() reads */

int ar_rank__likely_slip(const char *c, size_t cl, const char *w, size_t wl)
{
	uint32_t a[SLIP_LETTERS], b[SLIP_LETTERS];
	size_t n = decode_letters(a, SLIP_LETTERS, c, cl),
	       m = decode_letters(b, SLIP_LETTERS, w, wl), i, j;

	if (n > SLIP_LETTERS || m > SLIP_LETTERS)
		return 0;
	for (i = 0; i < n && i < m && a[i] == b[i]; i++)
		;
	if (n == m) {
		if (i == n)
			return 0;
		for (j = n; j > i + 1 && a[j - 1] == b[j - 1]; j--)
			;
		if (j == i + 1) /* one letter for another */
			return subst_kind(b[i], a[i], i + 1 == n) != K_OTHER;
		/* two neighbours swapped */
		return j == i + 2 && a[i] == b[i + 1] && a[i + 1] == b[i];
	}
	if (m + 1 == n) /* a letter of c left out */
		return memcmp(a + i + 1, b + i, (m - i) * sizeof *a) == 0;
	if (n + 1 == m && memcmp(a + i, b + i + 1, (n - i) * sizeof *a) == 0) {
		/* w's letter i added: doubled, or next to its key's
		 * neighbour; of a run of equal letters, any one */
		uint32_t x = b[i], prev = i ? b[i - 1] : 0,
		         next = i + 1 < m ? b[i + 1] : 0;
		return x == next || x == prev || neighbours(x, prev) ||
		       neighbours(x, next);
	}
	return 0;
}

/* ---- the pool of candidates ------------------------------------------- */

/* The count given to a word of the word store that the corpus has less
 * often. */
#define STORE_COUNT 20

/* Suggestions a report shows (ar_spell_options.max_suggestions, 0) */
#define FEW 5

#define MAX_LETTERS 24 /* longest word whose slips are undone */

/*
 * A word that a list has but the corpus never counted gets the count 0,
 * as a word seen rarely: among such words, those whose letters read more
 * like words are the likelier, by (P_letters(c) / P_letters(w)) ^
 * UNCOUNTED_POWER (a gentle factor: its letters say little of how common
 * a word is).
 *
 * A string of four letters or more that no list has, one slip from w, is
 * a candidate too (the name no list knows, or a word the corpus missed):
 * its score is NOVEL_WEIGHT x P(slip) x (P_letters(c) / P_letters(w)) ^
 * NOVEL_POWER, by the letter model (charlm.c), and it is kept when that
 * is NOVEL_FLOOR or more.  A word a list has, met once by the corpus with
 * the likeliest slip, scores 1.5: such a string comes first only when its
 * letters read like a word where the other candidates' are rare.  The
 * power tempers the model, whose odds between two strings one letter
 * apart are too sure.  Set on the check set of the bench corpus (one
 * slip in the typos of names no list has: the first suggestion right
 * 0.52 -> 0.62, that of other words unchanged).
 */
#define NOVEL_WEIGHT    0.001
#define NOVEL_POWER     0.4
#define NOVEL_FLOOR     0.001
#define UNCOUNTED_POWER 0.1

typedef struct cand {
	uint32_t off, len; /* the word in pool.text */
	uint8_t kind;      /* K_* */
	uint8_t known;     /* a word of a list given to the pool */
	uint8_t novel;     /* a string no list has, kept for its letters */
	int order;         /* rank in the list it came from, for ties */
	double prior, score;
} cand;

typedef struct pool {
	ar_strmap map; /* word -> index in v */
	cand *v;
	size_t n, a;
	ar_buf text;
} pool;

static void pool_free(pool *p)
{
	ar_strmap__free(&p->map);
	free(p->v);
	ar_buf_dispose(&p->text);
}

/* Add word s (len bytes) with slip kind k, or raise the kind of the copy
 * already there.  The index of the candidate, or -1 when out of memory. */
static long pool_add(pool *p, const char *s, size_t len, int k, int order)
{
	uint32_t i;
	cand *c;

	if (ar_strmap__get(&p->map, s, len, &i)) {
		c = &p->v[i];
		if (kind_p[k] > kind_p[c->kind])
			c->kind = (uint8_t)k;
		if (order < c->order)
			c->order = order;
		return (long)i;
	}
	if (ar_array__grow((void **)&p->v, &p->a, p->n + 1, sizeof *p->v) !=
	            0 ||
	    ar_strmap__put(&p->map, s, len, (uint32_t)p->n) != 0)
		return -1;
	c = &p->v[p->n];
	c->off = (uint32_t)p->text.size;
	c->len = (uint32_t)len;
	c->kind = (uint8_t)k;
	c->known = 0;
	c->novel = 0;
	c->order = order;
	c->prior = 1;
	c->score = 0;
	if (ar_buf__put(&p->text, s, len) != AR_OK ||
	    ar_buf__put(&p->text, "", 1) != AR_OK)
		return -1;
	return (long)p->n++;
}

/* Are the letters l[0..n) proclitics (none, or up to two of و ف ب ك ل)? */
static int proclitics(const uint32_t *l, size_t n)
{
	size_t i;
	if (n > 2)
		return 0;
	for (i = 0; i < n; i++)
		if (l[i] != 0x0648 && l[i] != 0x0641 && l[i] != 0x0628 &&
		    l[i] != 0x0643 && l[i] != 0x0644)
			return 0;
	return 1;
}

static int hamza_alef(uint32_t c)
{
	return c == 0x0623 || c == 0x0625 || c == 0x0622;
}

/* Does w have a hamza on what would be the alef of the article: أل, إل
 * or آل before three letters or more, after proclitics if any?  The
 * dictionary accepts such forms (ألمدرسة); they count as words only when
 * the corpus has them (ألمانيا, ألبسوه). */
static int article_hamza(const char *w, size_t len)
{
	uint32_t l[8];
	size_t n = 0, o = 0, i;
	while (o < len && n < 8) {
		size_t k = ar_utf8_decode(&l[n], w + o, len - o);
		if (k == 0)
			return 0;
		o += k;
		n++;
	}
	for (i = 0; i + 1 < n && proclitics(l, i); i++)
		if (hamza_alef(l[i]) && l[i + 1] == 0x0644)
			return o < len || n - i > 4;
	return 0;
}

/* Add the word of letters l[0..n) with slip kind k, and the same with a
 * hamza on one of its alefs (a hamza the writer left out as well). */
static int add_letters(pool *p, const uint32_t *l, size_t n, int k)
{
	char b[MAX_LETTERS * 4 + 8];
	size_t i, o = 0, j;
	size_t at[MAX_LETTERS + 1];

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		at[i] = o;
		o += ar_utf8__encode(l[i], b + o);
	}
	if (pool_add(p, b, o, k, 1 << 30) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		static const uint32_t hamzas[3] = { 0x0623, 0x0625, 0x0622 };
		if (l[i] != ALEF)
			continue;
		for (j = 0; j < 3; j++) {
			/* أ إ آ are two bytes, as ا is */
			char h[MAX_LETTERS * 4 + 8];
			memcpy(h, b, o);
			ar_utf8__encode(hamzas[j], h + at[i]);
			if (pool_add(p, h, o,
			             kind_p[k] < kind_p[K_HAMZA] ? k : K_HAMZA,
			             1 << 30) < 0)
				return -1;
		}
	}
	return 0;
}

/* Every string one slip from the word of letters t[0..n). */
static int add_slips(pool *p, const uint32_t *t, size_t n)
{
	uint32_t c[MAX_LETTERS + 1];
	size_t i, j;

	for (i = 0; i < n; i++) {
		uint32_t prev = i ? t[i - 1] : 0,
		         next = i + 1 < n ? t[i + 1] : 0;
		int k;
		/* t[i] was added: take it out */
		if (t[i] == prev || t[i] == next)
			k = K_DOUBLE;
		else if (neighbours(t[i], prev) || neighbours(t[i], next))
			k = i == 0 ? K_EDGE : K_ADDED;
		else
			k = K_OTHER;
		memcpy(c, t, i * sizeof *t);
		memcpy(c + i, t + i + 1, (n - i - 1) * sizeof *t);
		if (add_letters(p, c, n - 1, k) != 0)
			return -1;
		/* t[i] was written for another letter */
		memcpy(c, t, n * sizeof *t);
		for (j = 0; j < NLETTERS; j++) {
			if (letters[j] == t[i])
				continue;
			c[i] = letters[j];
			if (add_letters(p, c, n,
			                subst_kind(t[i], letters[j],
			                           i + 1 == n)) != 0)
				return -1;
		}
		/* t[i] and t[i+1] were swapped */
		if (i + 1 < n && t[i] != t[i + 1]) {
			memcpy(c, t, n * sizeof *t);
			c[i] = t[i + 1];
			c[i + 1] = t[i];
			if (add_letters(p, c, n, K_SWAP) != 0)
				return -1;
		}
	}
	/* a letter was left out before t[i] */
	for (i = 0; i <= n; i++) {
		memcpy(c, t, i * sizeof *t);
		memcpy(c + i + 1, t + i, (n - i) * sizeof *t);
		for (j = 0; j < NLETTERS; j++) {
			c[i] = letters[j];
			if (add_letters(p, c, n + 1, i ? K_LEFT : K_EDGE) != 0)
				return -1;
		}
	}
	return 0;
}

/*
 * The two words that w (letters t[0..n)) runs together, the space
 * between them left out (محمدراسم: محمد راسم): every cut into two
 * parts of SPLIT_MIN letters or more that the corpus counted both of.
 * Their count as a pair is the product of their probabilities times
 * the corpus size, fa x fb / N, as if the two were independent: a pair
 * of common words competes with a rare word one slip away, two rare ones
 * only with strings no list has.
 */
#define SPLIT_MIN    2
#define SPLIT_UNSEEN 10

/* Does letter c join the letter after it?  ا د ذ ر ز و and the hamza
 * letters on them, ة ى and ء do not: a space left out after them does not
 * show (طورالحداثة reads as two words), and is the likelier slip. */
static int joins(uint32_t c)
{
	switch (c) {
	case 0x0621:
	case 0x0622:
	case 0x0623:
	case 0x0624:
	case 0x0625:
	case 0x0627:
	case 0x0629:
	case 0x062F:
	case 0x0630:
	case 0x0631:
	case 0x0632:
	case 0x0648:
	case 0x0649:
		return 0;
	default:
		return 1;
	}
}

static int add_splits(pool *p, const uint32_t *t, size_t n)
{
	char b[MAX_LETTERS * 4 + 8];
	size_t i, o = 0, at[MAX_LETTERS + 1];

	for (i = 0; i < n; i++) {
		at[i] = o;
		o += ar_utf8__encode(t[i], b + o);
	}
	at[n] = o;
	for (i = SPLIT_MIN; i + SPLIT_MIN <= n; i++) {
		char s[MAX_LETTERS * 4 + 9];
		unsigned long fa, fb;
		long c;
		if (!ar_freq__find(b, at[i], &fa) || fa == 0 ||
		    !ar_freq__find(b + at[i], o - at[i], &fb) || fb == 0)
			continue;
		memcpy(s, b, at[i]);
		s[at[i]] = ' ';
		memcpy(s + at[i] + 1, b + at[i], o - at[i]);
		if ((c = pool_add(p, s, o + 1, K_SPACE, 1 << 30)) < 0)
			return -1;
		p->v[c].known = 1;
		p->v[c].prior = (double)fa * (double)fb /
		                (double)(ar_freq__total ? ar_freq__total : 1) *
		                (joins(t[i - 1]) ? 1 : SPLIT_UNSEEN);
	}
	return 0;
}

/* Letter number of code point c in ar_freq__tri. */
static unsigned tri_letter(uint32_t c)
{
	return c >= 0x0621 && c <= 0x064A ? c - 0x0620 : 43;
}

/* Could w be a word: is each of its letter trigrams (the edges of the
 * word counted as letters) one that a word of the corpus has?  Most
 * strings one slip from a word have one that none has: the dictionary
 * need not be asked about them. */
static int plausible(const char *w, size_t len)
{
	unsigned a = 0, b = 0, c, i;
	size_t o = 0;
	for (i = 0;; i++) {
		uint32_t cp;
		size_t l = o < len ? ar_utf8_decode(&cp, w + o, len - o) : 0;
		if (o < len && l == 0)
			return 1;
		c = o < len ? tri_letter(cp) : 0;
		if (i >= 1) {
			unsigned t = (a * 44 + b) * 44 + c;
			if (!(ar_freq__tri[t / 8] & (1u << (t % 8))))
				return 0;
		}
		if (o >= len)
			return 1;
		a = b;
		b = c;
		o += l;
	}
}

/* Does the Arabic dictionary know w?  -1 when out of memory. */
static int known_word(ar_speller *sp, const char *w, size_t len)
{
	size_t i, nd = ar_lexicon_count(sp->lex);

	for (i = 0; i < nd; i++)
		if (ar_lexicon__arabic(sp->lex, i)) {
			int r = ar_dict__check(sp->lex, i, w, len);
			if (r != 0)
				return r;
		}
	return 0;
}

/* Is b the word a with other hamza seats (ا for أ, ئ for ؤ...)? */
static int other_seats(const char *a, size_t al, const char *b, size_t bl)
{
	size_t i = 0, j = 0;
	int diff = 0;
	while (i < al && j < bl) {
		uint32_t x, y;
		size_t k = ar_utf8_decode(&x, a + i, al - i),
		       l = ar_utf8_decode(&y, b + j, bl - j);
		if (k == 0 || l == 0)
			return 0;
		if (x != y) {
			if (!pair_in(seats, x, y))
				return 0;
			diff = 1;
		}
		i += k;
		j += l;
	}
	return diff && i == al && j == bl;
}

/* Every hamza seat that makes a word is offered (اجراء: إجراء and
 * أجراء): the words that are w with other seats follow the best of
 * them, whatever their counts, in the first k of p. */
static void seats_together(pool *p, size_t k, const char *w, size_t len)
{
	size_t i, first = k, at = 0;
	for (i = 0; i < k; i++) {
		cand c = p->v[i];
		if (!other_seats(w, len, p->text.ptr + c.off, c.len))
			continue;
		if (first == k) {
			first = at = i;
			continue;
		}
		at++;
		memmove(p->v + at + 1, p->v + at, (i - at) * sizeof *p->v);
		p->v[at] = c;
	}
}

static int cmp_cand(const void *a, const void *b)
{
	const cand *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* Hunspell's suggestions for w, into the pool (as known words). */
static int add_hunspell(ar_speller *sp, pool *p, const char *w)
{
	size_t i, nd = ar_lexicon_count(sp->lex), k = 0;

	for (i = 0; i < nd; i++) {
		char **list;
		size_t ns, j;
		if (!ar_lexicon__arabic(sp->lex, i))
			continue;
		if (ar_dict__suggest(sp->lex, i, w, &list, &ns) != AR_OK)
			return -1;
		for (j = 0; j < ns; j++) {
			long c = pool_add(p, list[j], strlen(list[j]), K_FAR,
			                  (int)k++);
			if (c < 0) {
				ar_dict__free_list(list, ns);
				return -1;
			}
			p->v[c].known = 1;
		}
		ar_dict__free_list(list, ns);
	}
	return 0;
}

uint32_t ar_rank__look_alike(uint32_t c)
{
	/* FARSI YEH is ي wherever it stands: the slips of a word's end
	 * give ى where the dictionary wants it (فی: في) */
	return c == 0x06CC ? 0x064A : ar_norm__fold_persian(c);
}

ar_status ar_rank__suggest(ar_speller *sp, const char *w, size_t len,
                           const ar_rank_extra *extra, size_t nextra,
                           size_t max, char ***out, size_t *n)
{
	pool p;
	uint32_t t[MAX_LETTERS];
	size_t nt = 0, i, k;
	int edits = 1, alike = 0;
	char **v = NULL;
	double lw = NAN;      /* the letter model's log P(w), when asked */
	const char *asis = w; /* w as written, never its own suggestion */
	size_t asis_len = len;
	char fw[MAX_LETTERS * 4 + 1];

	*out = NULL;
	*n = 0;
	memset(&p, 0, sizeof p);
	if (max == 0)
		return AR_OK;
	if (ar_strmap__init(&p.map, 1u << 15, 1u << 14) != 0)
		return AR_ENOMEM;
	for (i = 0; i < len && edits;) {
		uint32_t c;
		size_t l = ar_utf8_decode(&c, w + i, len - i);
		if (l == 0 || nt == MAX_LETTERS)
			edits = 0;
		else {
			t[nt] = ar_rank__look_alike(c);
			alike |= t[nt++] != c;
		}
		i += l ? l : 1;
	}
	/* a word typed with Persian or Urdu look-alike letters: its Arabic
	 * letters are the likeliest word, and the slips are undone on them */
	if (edits && alike) {
		size_t o = 0;
		for (i = 0; i < nt; i++)
			o += ar_utf8__encode(t[i], fw + o);
		fw[o] = '\0';
		w = fw;
		len = o;
		if (pool_add(&p, w, len, K_END, 0) < 0)
			goto nomem;
	}
	if (edits && nt >= 2 &&
	    (add_slips(&p, t, nt) != 0 || add_splits(&p, t, nt) != 0))
		goto nomem;
	/* the candidates of the caller */
	for (i = 0; i < nextra; i++) {
		size_t before = p.n;
		long c = pool_add(&p, extra[i].word, strlen(extra[i].word),
		                  K_FAR, (int)i);
		if (c < 0)
			goto nomem;
		p.v[c].known = 1;
		/* the caller's prior is the weight of a word only it offers;
		 * it may raise, never lower, that of a word already there
		 * (الله, one slip from الل, also a name's word) */
		if ((size_t)c == before || extra[i].prior > p.v[c].prior)
			p.v[c].prior = extra[i].prior;
	}
	for (i = 0; i < p.n; i++) {
		cand *c = &p.v[i];
		const char *s = p.text.ptr + c->off;
		unsigned long f = 0;
		unsigned fl = 0;
		int pl;
		if (c->kind == K_SPACE) { /* two words: prior, their count */
			c->score = kind_p[c->kind] * c->prior;
			continue;
		}
		/* the words of the table all pass: their trigrams are the
		 * set's */
		pl = plausible(s, c->len);
		/* in the table: counted, or attested (count 0) */
		if (pl && ar_freq__find(s, c->len, &f))
			c->known = 1;
		/* a word of the gazetteer or the other lists counts as a
		 * word of the news, whatever year the corpus is from; one of
		 * the lists of places only is a word without a count
		 * (counted as a name, its 33,000 words put towns before the
		 * words meant: check 0.802 -> 0.778 of first suggestions) */
		if ((pl || c->kind != K_OTHER) &&
		    ar_names__find(sp->names, s, c->len, &fl) >= 0) {
			c->known = 1;
			if (f < STORE_COUNT)
				f = STORE_COUNT;
		} else if ((pl || c->kind != K_OTHER) &&
		           ar_freq__evidence_has(s, c->len))
			c->known = 1;
		else if ((pl || c->kind != K_OTHER) &&
		         ar_names__find_variant(sp->names, s, c->len, &fl) >= 0)
			/* a spelling the speller accepts for a name (another
			 * letter for g, a hamza left out: أورتيجا for أورتيغا)
			 * is a word too, uncounted: a slip of it is undone to
			 * it, the writer's spelling, not to the gazetteer's */
			c->known = 1;
		if (!c->known && f == 0 && c->kind != K_OTHER &&
		    !article_hamza(s, c->len) && pl) {
			int r = known_word(sp, s, c->len);
			if (r < 0)
				goto nomem;
			c->known = (uint8_t)r;
		}
		/* a name the matcher found beyond one slip weighs as a name
		 * of the store, not by the corpus count of the common word
		 * it may also be: الدولة, a word of multi-word names, came
		 * before الآجلة, one added letter from الآدجلة */
		if (c->kind == K_FAR && f > STORE_COUNT)
			f = STORE_COUNT;
		c->score = ((double)f + 0.5) * kind_p[c->kind] * c->prior;
		/* a word without a count, and a string no list has: how
		 * likely it is, from its letters, against w's */
		if ((c->known && f == 0) || (!c->known && pl && c->len >= 8)) {
			double odds;
			if (!sp->lm &&
			    ar_charlm__new(&sp->lm, sp->names) != AR_OK)
				goto nomem;
			if (isnan(lw))
				lw = ar_charlm__logp(sp->lm, w, len);
			odds = ar_charlm__logp(sp->lm, s, c->len) - lw;
			if (c->known) {
				c->score *= exp(UNCOUNTED_POWER * odds);
			} else {
				c->score = NOVEL_WEIGHT * kind_p[c->kind] *
				           exp(NOVEL_POWER * odds);
				c->novel = c->score >= NOVEL_FLOOR;
			}
		}
	}
	/* hunspell's suggestions join the pool for a caller who wants more
	 * than the first few (ispell's pipe mode asks for all: it gets at
	 * least as many as hunspell gives).  Its first call loads the
	 * dictionary again (about 0.3 s), and each costs some 15 ms: a
	 * report on a whole text cannot afford them, and its first
	 * suggestions are rarely better than the words one slip away (on
	 * the words with none, mostly names no list has, they are rarely
	 * the word meant either). */
	if (max > FEW) {
		size_t before = p.n;
		if (add_hunspell(sp, &p, w) != 0)
			goto nomem;
		for (i = before; i < p.n; i++) {
			cand *c = &p.v[i];
			c->score = ((double)ar_freq__count(p.text.ptr + c->off,
			                                   c->len) +
			            0.5) *
			           kind_p[c->kind] * c->prior;
		}
	}
	/* keep the known words and the likely new ones, best first; never
	 * w itself (a hamza-less slip of an alef, given its hamza back, is
	 * w again: إكلينيكا -> اكلينيكا -> إكلينيكا) */
	for (i = k = 0; i < p.n; i++)
		if ((p.v[i].known || p.v[i].novel) &&
		    !(p.v[i].len == asis_len &&
		      memcmp(p.text.ptr + p.v[i].off, asis, asis_len) == 0))
			p.v[k++] = p.v[i];
	if (k > 1) /* (p.v is NULL when nothing was generated) */
		qsort(p.v, k, sizeof *p.v, cmp_cand);
#ifdef AR_RANK_TRACE
	/* the pool, for bench/rank-fit.py: each candidate's kind of slip
	 * and its score without the kind's weight (the score is that times
	 * kind_p[kind] on every path above) */
	for (i = 0; i < k; i++)
		fprintf(stderr, "rank\t%.*s\t%.*s\t%d\t%.6g\n", (int)asis_len,
		        asis, (int)p.v[i].len, p.text.ptr + p.v[i].off,
		        p.v[i].kind, p.v[i].score / kind_p[p.v[i].kind]);
#endif
	seats_together(&p, k, w, len);
	if (k > max)
		k = max;
	if (k) {
		v = calloc(k, sizeof *v);
		if (!v)
			goto nomem;
		for (i = 0; i < k; i++) {
			v[i] = malloc(p.v[i].len + 1);
			if (!v[i]) {
				ar_dict__free_list(v, i);
				goto nomem;
			}
			memcpy(v[i], p.text.ptr + p.v[i].off, p.v[i].len + 1);
		}
	}
	pool_free(&p);
	*out = v;
	*n = k;
	return AR_OK;
nomem:
	pool_free(&p);
	return AR_ENOMEM;
}
