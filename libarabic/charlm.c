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
 * caller's names and words) count too, once each.  The model is built the
 * first time it is needed, by each speller (about 120,000 words, a few
 * tens of milliseconds), into an open-addressing table of 32-bit keys.
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
#define NONE  0 /* an empty slot (every key has its kind bits set) */

/* Keys: kind << 24 | letters packed 6 bits each.  Kinds 1 to ORDER: the
 * count of a sequence of that many letters; 8 + n: the count of the
 * sequences whose first n letters are the context; 16 + n: the number of
 * distinct letters that follow that context. */
#define K_SEQ(n)   ((uint32_t)(n) << 24)
#define K_TOTAL(n) ((uint32_t)(8 + (n)) << 24)
#define K_TYPES(n) ((uint32_t)(16 + (n)) << 24)

struct ar_charlm {
	uint32_t *key, *val;
	size_t mask, n;
};

static unsigned sym(uint32_t c)
{
	return c >= 0x0621 && c <= 0x064A ? c - 0x0620 : OTHER;
}

static size_t slot(const ar_charlm *m, uint32_t key)
{
	size_t i = (key * 2654435761u) & m->mask;
	while (m->key[i] != NONE && m->key[i] != key)
		i = (i + 1) & m->mask;
	return i;
}

static uint32_t get(const ar_charlm *m, uint32_t key)
{
	size_t i = slot(m, key);
	return m->key[i] == key ? m->val[i] : 0;
}

/* Add d to the value of key; 1 when the key is new, -1 when the table is
 * full (it is sized for the built-in words: never). */
static int add(ar_charlm *m, uint32_t key, uint32_t d)
{
	size_t i = slot(m, key);
	if (m->key[i] == key) {
		m->val[i] += d;
		return 0;
	}
	if (m->n + 1 > m->mask / 4 * 3)
		return -1;
	m->key[i] = key;
	m->val[i] = d;
	m->n++;
	return 1;
}

/* Pack the n symbols s[0..n). */
static uint32_t pack(const unsigned char *s, int n)
{
	uint32_t k = 0;
	int i;
	for (i = 0; i < n; i++)
		k = k << 6 | s[i];
	return k;
}

/* Count the sequences of one word, symbols s[0..n) with ORDER - 1 edges
 * before and one after. */
static int count_word(ar_charlm *m, const unsigned char *s, size_t n)
{
	size_t i;
	for (i = ORDER - 1; i < n; i++) {
		int k;
		for (k = 0; k < ORDER; k++) {
			/* the context: the k symbols before s[i] */
			uint32_t ctx = pack(s + i - k, k);
			int r = add(m, K_SEQ(k + 1) | (ctx << 6 | s[i]), 1);
			if (r < 0 || add(m, K_TOTAL(k) | ctx, 1) < 0 ||
			    (r > 0 && add(m, K_TYPES(k) | ctx, 1) < 0))
				return -1;
		}
	}
	return 0;
}

void ar_charlm__free(ar_charlm *m)
{
	if (!m)
		return;
	free(m->key);
	free(m->val);
	free(m);
}

/* Count word w[0..len) if it is all Arabic letters.  -1 when the table
 * is full. */
static int count_string(ar_charlm *m, const char *w, size_t len)
{
	unsigned char s[64];
	size_t n = ORDER - 1, o = 0;

	memset(s, EDGE, ORDER - 1);
	while (o < len && n < sizeof s - 1) {
		uint32_t c;
		size_t k = ar_utf8_decode(&c, w + o, len - o);
		if (k == 0 || sym(c) == OTHER)
			return 0;
		s[n++] = (unsigned char)sym(c);
		o += k;
	}
	if (o < len || len == 0)
		return 0;
	s[n++] = EDGE;
	return count_word(m, s, n);
}

ar_status ar_charlm__new(ar_charlm **out, const ar_names *names)
{
	const char *t = ar_rank__freq, *end = t + ar_rank__freq_len;
	ar_charlm *m = calloc(1, sizeof *m);
	size_t i, nw = names ? ar_names__count(names) : 0;
	int full = 0;

	*out = NULL;
	if (!m)
		return AR_ENOMEM;
	/* about 130,000 keys for the built-in words */
	m->mask = (1u << 18) - 1;
	m->key = calloc(m->mask + 1, sizeof *m->key);
	m->val = malloc((m->mask + 1) * sizeof *m->val);
	if (!m->key || !m->val) {
		ar_charlm__free(m);
		return AR_ENOMEM;
	}
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
		if (!ar_rank__find(w, len, &f))
			full = count_string(m, w, len) != 0;
	}
	*out = m;
	return AR_OK;
}

double ar_charlm__logp(const ar_charlm *m, const char *w, size_t len)
{
	unsigned char s[ORDER - 1 + 64];
	size_t n = ORDER - 1, o = 0, i;
	double lp = 0;

	memset(s, EDGE, ORDER - 1);
	while (o < len && n < sizeof s - 1) {
		uint32_t c;
		size_t k = ar_utf8_decode(&c, w + o, len - o);
		if (k == 0)
			k = 1, c = 0xFFFD;
		s[n++] = (unsigned char)sym(c);
		o += k;
	}
	s[n++] = EDGE;
	for (i = ORDER - 1; i < n; i++) {
		double p = 1.0 / NSYM;
		int k;
		for (k = 0; k < ORDER; k++) {
			uint32_t ctx = pack(s + i - k, k),
			         total = get(m, K_TOTAL(k) | ctx), types;
			if (total == 0)
				break;
			types = get(m, K_TYPES(k) | ctx);
			p = ((double)get(m, K_SEQ(k + 1) | (ctx << 6 | s[i])) +
			     types * p) /
			    (double)(total + types);
		}
		lp += log(p);
	}
	return lp;
}
