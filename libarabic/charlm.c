/*
 * charlm.c - how likely a string of Arabic letters is as a word: a model
 * of letter sequences (four letters, interpolated with Witten-Bell
 * smoothing), counted over the distinct words of the frequency table
 * built into the library (freq_data.c: the corpus words and the attested
 * words, names among them).
 *
 * The ranking (rank.c) asks it about strings no list has: a typo of a
 * name that no list knows is undone by a string that reads like a word,
 * where the other strings one slip away read like noise (وأقناان:
 * وأقنان, not وأقنعان).  Each word counts once, whatever its frequency:
 * what is modelled is how words are spelled, and names are rare words.
 *
 * The words of the speller's word store (the gazetteer's names, the
 * caller's names and words) count too, once each (not the lists of places
 * that are only evidence: freq.h, ar_freq__evidence).  The model is
 * built the first time it is needed, by each speller: about 120,000 words
 * in some 20 ms, into 1.8 MB.
 *
 * A second model, of names of places only (ar_charlm__new_places(): the
 * places that are only evidence, some 35,000 names of cities, towns and
 * provinces of the world), is built beside it by the speller's test of
 * unknown words, into 1.3 MB: a transliterated foreign name reads better
 * by it than by the model of all words, the slip of an Arabic word
 * worse.
 */
#include "config.h"

#include "names.h"
#include "rank.h"

#include <math.h>
#include <stdlib.h>

/* Letters: 0 the edge of the word, 1 to 42 U+0621 to U+064A, 43 others. */
#define EDGE  0
#define OTHER 43
#define NSYM  44
#define ORDER 4 /* letters in the longest sequence: 3 of context + 1 */
#define N2    (NSYM * NSYM)
#define N3    (NSYM * NSYM * NSYM)

/*
 * The counts of the sequences of one to three letters are arrays indexed
 * by their letters in base NSYM (a cache-friendly third of a megabyte);
 * those of four letters, some 80,000 of the 3.7 million possible, an
 * open-addressing table keyed by index + 1.  For each context of zero to
 * three letters: how many sequences follow it (tot) and how many distinct
 * letters (typ), derived from the counts once they are all made.
 */
typedef struct cell {
	uint32_t key, val;
} cell;

struct ar_charlm {
	uint32_t seq1[NSYM], seq2[N2], seq3[N3];
	uint32_t tot0, tot1[NSYM], tot2[N2], tot3[N3];
	uint8_t typ0, typ1[NSYM], typ2[N2], typ3[N3];
	cell *seq4;
	size_t mask, n;
};

static unsigned sym(uint32_t c)
{
	return c >= 0x0621 && c <= 0x064A ? c - 0x0620 : OTHER;
}

static size_t slot(const ar_charlm *m, uint32_t key)
{
	size_t i = (key * 2654435761u) & m->mask;
	while (m->seq4[i].key != 0 && m->seq4[i].key != key)
		i = (i + 1) & m->mask;
	return i;
}

static uint32_t get4(const ar_charlm *m, uint32_t idx)
{
	size_t i = slot(m, idx + 1);
	return m->seq4[i].key == idx + 1 ? m->seq4[i].val : 0;
}

/* Count the sequences that end at each letter of one word, symbols
 * s[0..n) with ORDER - 1 edges before and one after.  -1 when the table
 * of four letters is full (it is sized for the built-in words: never). */
static int count_word(ar_charlm *m, const unsigned char *s, size_t n)
{
	size_t i;
	for (i = ORDER - 1; i < n; i++) {
		uint32_t i2 = s[i - 1] * NSYM + s[i], i3 = s[i - 2] * N2 + i2,
		         key = s[i - 3] * N3 + i3 + 1;
		size_t at = slot(m, key);
		m->seq1[s[i]]++;
		m->seq2[i2]++;
		m->seq3[i3]++;
		if (m->seq4[at].key == 0) {
			if (m->n + 1 > m->mask / 4 * 3)
				return -1;
			m->seq4[at].key = key;
			m->n++;
		}
		m->seq4[at].val++;
	}
	return 0;
}

void ar_charlm__free(ar_charlm *m)
{
	if (!m)
		return;
	free(m->seq4);
	free(m);
}

/* The symbols of w[0..len): ORDER - 1 edges, the letters, one edge; their
 * number, or 0 when w does not fit in `size`. */
static size_t symbols(const char *w, size_t len, unsigned char *s, size_t size)
{
	size_t n = ORDER - 1, o = 0;

	memset(s, EDGE, ORDER - 1);
	while (o < len && n < size - 1) {
		uint32_t c;
		size_t k = ar_utf8_decode(&c, w + o, len - o);
		if (k == 0)
			k = 1, c = 0xFFFD;
		s[n++] = (unsigned char)sym(c);
		o += k;
	}
	if (o < len)
		return 0;
	s[n++] = EDGE;
	return n;
}

/* Count word w[0..len) if it is all Arabic letters.  -1 when the table
 * is full. */
static int count_string(ar_charlm *m, const char *w, size_t len)
{
	unsigned char s[64];
	size_t n = len ? symbols(w, len, s, sizeof s) : 0, i;

	if (n == 0)
		return 0;
	for (i = ORDER - 1; i + 1 < n; i++)
		if (s[i] == OTHER)
			return 0;
	return count_word(m, s, n);
}

/* A model with no counts yet, its table of four letters sized for
 * 1 << bits sequences, in *out.  AR_OK or AR_ENOMEM. */
static ar_status alloc_model(ar_charlm **out, unsigned bits)
{
	ar_charlm *m = calloc(1, sizeof *m);

	*out = NULL;
	if (!m)
		return AR_ENOMEM;
	m->mask = ((size_t)1 << bits) - 1;
	m->seq4 = calloc(m->mask + 1, sizeof *m->seq4);
	if (!m->seq4) {
		ar_charlm__free(m);
		return AR_ENOMEM;
	}
	*out = m;
	return AR_OK;
}

/* The totals and types of each context, from the sequences one letter
 * longer, once all are counted. */
static void finish_model(ar_charlm *m)
{
	size_t i;

	for (i = 0; i < NSYM; i++)
		if (m->seq1[i]) {
			m->tot0 += m->seq1[i];
			m->typ0++;
		}
	for (i = 0; i < N2; i++)
		if (m->seq2[i]) {
			m->tot1[i / NSYM] += m->seq2[i];
			m->typ1[i / NSYM]++;
		}
	for (i = 0; i < N3; i++)
		if (m->seq3[i]) {
			m->tot2[i / NSYM] += m->seq3[i];
			m->typ2[i / NSYM]++;
		}
	for (i = 0; i <= m->mask; i++)
		if (m->seq4[i].key) {
			m->tot3[(m->seq4[i].key - 1) / NSYM] += m->seq4[i].val;
			m->typ3[(m->seq4[i].key - 1) / NSYM]++;
		}
}

ar_status ar_charlm__new(ar_charlm **out, const ar_names *names)
{
	const char *t = ar_freq__words, *end = t + ar_freq__words_len;
	ar_charlm *m;
	size_t i, nw = names ? ar_names__count(names) : 0;
	int full = 0;

	/* about 80,000 sequences of four letters in the built-in words */
	if (alloc_model(&m, 17) != AR_OK)
		return AR_ENOMEM;
	/* a full table stops the counting: the words counted so far serve */
	while (t < end && !full) {
		const char *nl = memchr(t, '\n', (size_t)(end - t)), *tab;
		if (!nl)
			nl = end;
		tab = memchr(t, '\t', (size_t)(nl - t));
		full = count_string(m, t,
		                    tab ? (size_t)(tab - t)
		                        : (size_t)(nl - t)) != 0;
		t = nl + 1;
	}
	for (i = 0; i < nw && !full; i++) {
		size_t len;
		const char *w = ar_names__display(names, (long)i, &len);
		unsigned long f;
		if (!ar_freq__find(w, len, &f))
			full = count_string(m, w, len) != 0;
	}
	finish_model(m);
	*out = m;
	return AR_OK;
}

ar_status ar_charlm__new_places(ar_charlm **out)
{
	ar_charlm *m;
	size_t pos = 0, len;
	const char *w;
	int full = 0;

	/* about 35,000 sequences of four letters in the places */
	if (alloc_model(&m, 16) != AR_OK)
		return AR_ENOMEM;
	while (!full && (w = ar_freq__next_evidence(&pos, &len)) != NULL)
		full = count_string(m, w, len) != 0;
	finish_model(m);
	*out = m;
	return AR_OK;
}

/* Witten-Bell: P(d | a b c) = (count(a b c d) + types(a b c) x
 * P(d | b c)) / (total(a b c) + types(a b c)), from the empty context
 * (over a uniform P) to the longest one seen; its natural log. */
static double term(const ar_charlm *m, unsigned a, unsigned b, unsigned c,
                   unsigned d)
{
	uint32_t c1 = c, c2 = b * NSYM + c1, c3 = a * N2 + c2;
	double p = 1.0 / NSYM;

	if (m->tot0)
		p = (m->seq1[d] + m->typ0 * p) / (double)(m->tot0 + m->typ0);
	if (m->tot0 && m->tot1[c1]) {
		p = (m->seq2[c1 * NSYM + d] + m->typ1[c1] * p) /
		    (double)(m->tot1[c1] + m->typ1[c1]);
		if (m->tot2[c2]) {
			p = (m->seq3[c2 * NSYM + d] + m->typ2[c2] * p) /
			    (double)(m->tot2[c2] + m->typ2[c2]);
			if (m->tot3[c3])
				p = (get4(m, c3 * NSYM + d) + m->typ3[c3] * p) /
				    (double)(m->tot3[c3] + m->typ3[c3]);
		}
	}
	return log(p);
}

double ar_charlm__logp(const ar_charlm *m, const char *w, size_t len)
{
	unsigned char s[ORDER - 1 + 64];
	size_t n = symbols(w, len, s, sizeof s), i;
	double lp = 0;

	for (i = ORDER - 1; i < n; i++)
		lp += term(m, s[i - 3], s[i - 2], s[i - 1], s[i]);
	return lp;
}

/* Has the model seen the sequence of `order` (3 or 4) symbols ending at
 * s[i]? */
static int seen_at(const ar_charlm *m, const unsigned char *s, size_t i,
                   int order)
{
	uint32_t i3 = (s[i - 2] * NSYM + s[i - 1]) * NSYM + s[i];
	return m->seq3[i3] && (order == 3 || get4(m, s[i - 3] * N3 + i3));
}

enum { ED_REPLACE, ED_INSERT, ED_DELETE, ED_SWAP };

/* The index of the last sequence of `order` symbols that an edit of
 * `type` at symbol p changes: in the old string (in_new 0), whose last
 * index is last, or in the new one (in_new 1).  An insertion makes one
 * sequence more than it breaks, a deletion one fewer, a swap touches two
 * symbols. */
static size_t last_changed(size_t p, int order, int type, int in_new,
                           size_t last)
{
	size_t k = p + (size_t)order - 1 + (type == ED_SWAP) -
	           (type == (in_new ? ED_DELETE : ED_INSERT));
	return k < last ? k : last;
}

/* y = x[0..P) with the edit of `type` at symbol p (letter c for a
 * replacement or an insertion). */
static void make_edit(unsigned char *y, const unsigned char *x, size_t P,
                      size_t p, int type, unsigned c)
{
	memcpy(y, x, p);
	switch (type) {
	case ED_REPLACE:
		memcpy(y + p, x + p, P - p);
		y[p] = (unsigned char)c;
		break;
	case ED_INSERT:
		y[p] = (unsigned char)c;
		memcpy(y + p + 1, x + p, P - p);
		break;
	case ED_DELETE:
		memcpy(y + p, x + p + 1, P - p - 1);
		break;
	default:
		memcpy(y + p, x + p, P - p);
		y[p] = x[p + 1];
		y[p + 1] = x[p];
		break;
	}
}

int ar_charlm__each_edit(const ar_charlm *m, const char *w, size_t len,
                         int order, int want_gain, ar_charlm_edit_fn fn,
                         void *ctx)
{
	unsigned char x[ORDER - 1 + 40], y[ORDER + 40];
	unsigned unseen[ORDER + 40];
	double t[ORDER - 1 + 40];
	char buf[2 * 40];
	size_t P = symbols(w, len, x, sizeof x), i, j, L;
	int type;

	if (P == 0 || P < ORDER + 1)
		return 0;
	L = P - ORDER; /* letters */
	for (i = 0; i < L; i++)
		if (x[ORDER - 1 + i] == OTHER)
			return 0;
	/* unseen[i]: sequences the model lacks, ending before symbol i;
	 * t[i]: the term of the symbol i */
	unseen[ORDER - 1] = 0;
	for (i = ORDER - 1; i < P; i++) {
		unseen[i + 1] = unseen[i] + !seen_at(m, x, i, order);
		if (want_gain)
			t[i] = term(m, x[i - 3], x[i - 2], x[i - 1], x[i]);
	}
	for (j = 0; j <= L; j++)
		for (type = ED_REPLACE; type <= ED_SWAP; type++) {
			size_t p = ORDER - 1 + j, Q, k;
			unsigned c, c0 = 1, c1 = 42;
			if (j == L && type != ED_INSERT)
				continue;
			if (type == ED_SWAP && (j + 1 >= L || x[p] == x[p + 1]))
				continue;
			if (type == ED_DELETE || type == ED_SWAP)
				c0 = c1 = 0; /* no letter to choose */
			Q = type == ED_INSERT   ? P + 1
			    : type == ED_DELETE ? P - 1
			                        : P;
			/* an unseen sequence the edit does not change stays */
			if (unseen[p] != unseen[ORDER - 1] ||
			    unseen[P] != unseen[last_changed(p, order, type, 0,
			                                     P - 1) +
			                        1])
				continue;
			for (c = c0; c <= c1; c++) {
				size_t vhi = last_changed(p, order, type, 1,
				                          Q - 1),
				       n = 0;
				double gain = 0;
				int r;
				if ((c > 26 && c < 33) || /* U+063B-U+0640 */
				    (type == ED_REPLACE && c == x[p]))
					continue;
				make_edit(y, x, P, p, type, c);
				for (k = p; k <= vhi; k++)
					if (!seen_at(m, y, k, order))
						break;
				if (k <= vhi)
					continue;
				/* the gain: the terms of y around the edit
				 * against those of x they replace */
				if (want_gain) {
					for (k = p;
					     k <= last_changed(p, ORDER, type,
					                       1, Q - 1);
					     k++)
						gain += term(m, y[k - 3],
						             y[k - 2], y[k - 1],
						             y[k]);
					for (k = p;
					     k <= last_changed(p, ORDER, type,
					                       0, P - 1);
					     k++)
						gain -= t[k];
				}
				for (k = ORDER - 1; k + 1 < Q; k++) {
					uint32_t cp = 0x0620 + y[k];
					buf[n++] = (char)(0xC0 | (cp >> 6));
					buf[n++] = (char)(0x80 | (cp & 0x3F));
				}
				if ((r = fn(ctx, buf, n, gain)) != 0)
					return r;
			}
		}
	return 0;
}
