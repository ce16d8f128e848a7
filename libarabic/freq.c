/*
 * freq.c - look-ups in the word counts built into the library (freq.h).
 */
#include "config.h"

#include "freq.h"

#include <string.h>

/* Compare word w[0..len) with the word of the table line at p. */
static int cmp_line(const char *w, size_t len, const char *p)
{
	size_t i;
	for (i = 0; i < len; i++) {
		unsigned char a = (unsigned char)w[i], b = (unsigned char)p[i];
		if (b == '\t')
			return 1;
		if (a != b)
			return a < b ? -1 : 1;
	}
	return p[len] == '\t' ? 0 : -1;
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
	size_t lo = 0, hi = ar_freq__evidence_len;
	const char *t = ar_freq__evidence;

	if (len == 0 || memchr(w, '\n', len))
		return 0;
	/* as ar_freq__find(): lo and hi are always line starts */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, i;
		const char *p;
		int c = 0;
		while (mid > lo && t[mid - 1] != '\n')
			mid--;
		p = t + mid;
		for (i = 0; i < len && !c; i++) {
			unsigned char a = (unsigned char)w[i],
			              b = (unsigned char)p[i];
			if (b == '\n')
				c = 1;
			else if (a != b)
				c = a < b ? -1 : 1;
		}
		if (!c && p[len] != '\n')
			c = -1;
		if (!c)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = (size_t)((const char *)memchr(p, '\n', hi - mid) -
			              t) +
			     1;
	}
	return 0;
}

unsigned long ar_freq__count(const char *w, size_t len)
{
	unsigned long n = 0;
	ar_freq__find(w, len, &n);
	return n;
}

int ar_freq__find(const char *w, size_t len, unsigned long *count)
{
	size_t lo = 0, hi = ar_freq__words_len;
	const char *t = ar_freq__words;

	*count = 0;
	if (len == 0 || memchr(w, '\t', len) || memchr(w, '\n', len))
		return 0;
	/* binary search over byte offsets, each probe moved back to the
	 * start of its line: lo and hi are always line starts */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, e;
		int c;
		while (mid > lo && t[mid - 1] != '\n')
			mid--;
		c = cmp_line(w, len, t + mid);
		if (c == 0) {
			unsigned long n = 0;
			for (e = mid + len + 1; t[e] >= '0' && t[e] <= '9'; e++)
				n = n * 10 + (unsigned long)(t[e] - '0');
			*count = n;
			return t[e] == '\t' && t[e + 1] == 'a' ? 2 : 1;
		}
		if (c < 0) {
			hi = mid;
		} else {
			const char *nl = memchr(t + mid, '\n', hi - mid);
			lo = nl ? (size_t)(nl - t) + 1 : hi;
		}
	}
	return 0;
}
