/*
 * freq.c - look-ups in the word counts built into the library (freq.h).
 */
#include "config.h"

#include "freq.h"

#include <string.h>

/* Compare word w[0..len) with the word of the table line at p, which
 * ends at byte end (a tab or the newline). */
static int cmp_line(const char *w, size_t len, const char *p, char end)
{
	size_t i;
	for (i = 0; i < len; i++) {
		unsigned char a = (unsigned char)w[i], b = (unsigned char)p[i];
		if (b == (unsigned char)end)
			return 1;
		if (a != b)
			return a < b ? -1 : 1;
	}
	return p[len] == end ? 0 : -1;
}

/* The offset of the line of t[0..tlen) ("word" then byte end, lines in
 * byte order of their words) whose word is w[0..len), or tlen if none.  A
 * binary search over byte offsets, each probe moved back to the start of
 * its line: lo and hi are always line starts. */
static size_t find_line(const char *t, size_t tlen, const char *w, size_t len,
                        char end)
{
	size_t lo = 0, hi = tlen;

	if (len == 0 || memchr(w, '\t', len) || memchr(w, '\n', len))
		return tlen;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c;
		while (mid > lo && t[mid - 1] != '\n')
			mid--;
		c = cmp_line(w, len, t + mid, end);
		if (c == 0)
			return mid;
		if (c < 0) {
			hi = mid;
		} else {
			const char *nl = memchr(t + mid, '\n', hi - mid);
			lo = nl ? (size_t)(nl - t) + 1 : hi;
		}
	}
	return tlen;
}

/* Does the line that ends at end (its '\n') mark an attested word? */
static int marked(const char *line, const char *end)
{
	return end - line >= 2 && end[-1] == 'a' && end[-2] == '\t';
}

const char *ar_freq__next_attested(size_t *pos, size_t *len)
{
	const char *t = ar_freq__words, *end = t + ar_freq__words_len;

	while (*pos < ar_freq__words_len) {
		const char *line = t + *pos, *tab;
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			nl = end;
		*pos = (size_t)(nl - t) + 1;
		tab = memchr(line, '\t', (size_t)(nl - line));
		if (tab && tab > line && marked(line, nl)) {
			*len = (size_t)(tab - line);
			return line;
		}
	}
	return NULL;
}

const char *ar_freq__next_evidence(size_t *pos, size_t *len)
{
	const char *t = ar_freq__evidence, *end = t + ar_freq__evidence_len;
	const char *line, *nl;

	if (*pos >= ar_freq__evidence_len)
		return NULL;
	line = t + *pos;
	nl = memchr(line, '\n', (size_t)(end - line));
	if (!nl)
		nl = end;
	*pos = (size_t)(nl - t) + 1;
	*len = (size_t)(nl - line);
	return line;
}

int ar_freq__evidence_has(const char *w, size_t len)
{
	return find_line(ar_freq__evidence, ar_freq__evidence_len, w, len,
	                 '\n') < ar_freq__evidence_len;
}

unsigned long ar_freq__count(const char *w, size_t len)
{
	unsigned long n = 0;
	ar_freq__find(w, len, &n);
	return n;
}

int ar_freq__find(const char *w, size_t len, unsigned long *count)
{
	const char *t = ar_freq__words;
	size_t at = find_line(t, ar_freq__words_len, w, len, '\t'), e;
	unsigned long n = 0;

	*count = 0;
	if (at == ar_freq__words_len)
		return 0;
	for (e = at + len + 1; t[e] >= '0' && t[e] <= '9'; e++)
		n = n * 10 + (unsigned long)(t[e] - '0');
	*count = n;
	return t[e] == '\t' && t[e + 1] == 'a' ? 2 : 1;
}
