/*
 * spellfuzz.h - what fuzz_spell.c and fuzz_names.c share: collecting
 * findings and checking them against the text they came from.
 */
#ifndef AR_SPELLFUZZ_H
#define AR_SPELLFUZZ_H

#include "fuzz.h"

/* One finding, deep-copied: its suggestions one after another, each
 * with its NUL, in sug[0..suglen). */
typedef struct ffind {
	ar_finding_kind kind;
	uint64_t start, end, line, column;
	char *word;
	size_t len;
	size_t nsug;
	char *sug;
	size_t suglen;
} ffind;

typedef struct ffinds {
	ffind *v;
	size_t n, cap;
} ffinds;

/* Checks that hold for every finding, on its own. */
static inline void fuzz_finding_check(const ar_finding *f, unsigned maxsug)
{
	size_t k;

	FUZZ_CHECK(ar_finding_kind_name(f->kind) != NULL);
	FUZZ_CHECK(f->word && f->len > 0);
	FUZZ_CHECK(f->start < f->end && f->end - f->start == f->len);
	FUZZ_CHECK(f->line >= 1 && f->column >= 1);
	FUZZ_CHECK(f->nsuggestions <= maxsug);
	FUZZ_CHECK(f->nsuggestions == 0 || f->suggestions);
	for (k = 0; k < f->nsuggestions; k++) {
		const char *s = f->suggestions[k];
		FUZZ_CHECK(s && *s);
		FUZZ_CHECK(ar_utf8_valid(s, strlen(s), NULL));
	}
	if (f->kind == AR_FINDING_NAME || f->kind == AR_FINDING_INCONSISTENT)
		FUZZ_CHECK(f->nsuggestions >= 1);
}

static inline int ffinds_sink(const ar_finding *f, void *payload)
{
	ffinds *l = payload;
	ffind *c;
	size_t k, at;

	if (l->n == l->cap) {
		ffind *v;
		l->cap = l->cap ? 2 * l->cap : 32;
		v = realloc(l->v, l->cap * sizeof *v);
		FUZZ_OOM(v);
		l->v = v;
	}
	c = &l->v[l->n++];
	c->kind = f->kind;
	c->start = f->start;
	c->end = f->end;
	c->line = f->line;
	c->column = f->column;
	c->len = f->len;
	c->nsug = f->nsuggestions;
	c->word = malloc(f->len + 1);
	FUZZ_OOM(c->word);
	memcpy(c->word, f->word, f->len);
	c->word[f->len] = '\0';
	for (k = 0, c->suglen = 0; k < f->nsuggestions; k++)
		c->suglen += strlen(f->suggestions[k]) + 1;
	c->sug = malloc(c->suglen + 1);
	FUZZ_OOM(c->sug);
	for (k = 0, at = 0; k < f->nsuggestions; k++) {
		size_t sl = strlen(f->suggestions[k]) + 1;
		memcpy(c->sug + at, f->suggestions[k], sl);
		at += sl;
	}
	return 0;
}

static inline void ffinds_free(ffinds *l)
{
	size_t i;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].word);
		free(l->v[i].sug);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

static inline void ffinds_from(ffinds *l, const ar_spell_findings *fs,
                               unsigned maxsug)
{
	size_t i, n = ar_spell_findings_count(fs);

	for (i = 0; i < n; i++) {
		const ar_finding *f = ar_spell_findings_get(fs, i);
		FUZZ_CHECK(f != NULL);
		fuzz_finding_check(f, maxsug);
		ffinds_sink(f, l);
	}
	FUZZ_CHECK(ar_spell_findings_get(fs, n) == NULL);
}

static inline int ffind_cmp(const void *a, const void *b)
{
	const ffind *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

/*
 * Findings of a whole text s/len: in order, inside the text, the word as
 * written, line and column (lines end at LF, columns count characters)
 * right.  `verbatim`: the input is well-formed or kept as is.
 */
static inline void fuzz_findings_check(const ffinds *l, const char *s,
                                       size_t len, int verbatim)
{
	size_t i, at = 0;
	uint64_t line = 1, col = 1, prev = 0;

	for (i = 0; i < l->n; i++) {
		const ffind *f = &l->v[i];
		FUZZ_CHECK(f->end <= len);
		FUZZ_CHECK(i == 0 || f->start >= prev);
		prev = f->start;
		if (!verbatim)
			continue;
		FUZZ_CHECK(memcmp(f->word, s + f->start, f->len) == 0);
		for (; at < f->start; at++) {
			if (s[at] == '\n')
				line++, col = 1;
			else if ((s[at] & 0xC0) != 0x80)
				col++;
		}
		FUZZ_CHECK(f->line == line && f->column == col);
	}
}

static inline void ffinds_print(const char *what, const ffinds *l)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		fprintf(stderr, "%s: %s [%llu, %llu) %llu:%llu '%.*s'\n", what,
		        ar_finding_kind_name(l->v[i].kind),
		        (unsigned long long)l->v[i].start,
		        (unsigned long long)l->v[i].end,
		        (unsigned long long)l->v[i].line,
		        (unsigned long long)l->v[i].column, (int)l->v[i].len,
		        l->v[i].word);
}

/* The same findings, in any order (both lists are printed when not),
 * with the same suggestions: those the document's own words make
 * depend on the text around the finding, not on where it was cut. */
static inline void fuzz_findings_same(ffinds *a, ffinds *b)
{
	size_t i;
	int same = a->n == b->n;

	if (a->n)
		qsort(a->v, a->n, sizeof *a->v, ffind_cmp);
	if (b->n)
		qsort(b->v, b->n, sizeof *b->v, ffind_cmp);
	for (i = 0; same && i < a->n; i++)
		same = a->v[i].kind == b->v[i].kind &&
		       a->v[i].start == b->v[i].start &&
		       a->v[i].end == b->v[i].end;
	if (!same) {
		ffinds_print("first", a);
		ffinds_print("second", b);
	}
	FUZZ_CHECK(a->n == b->n);
	for (i = 0; i < a->n; i++) {
		const ffind *x = &a->v[i], *y = &b->v[i];
		FUZZ_CHECK(x->kind == y->kind && x->start == y->start &&
		           x->end == y->end && x->line == y->line &&
		           x->column == y->column && x->nsug == y->nsug &&
		           x->len == y->len &&
		           memcmp(x->word, y->word, x->len) == 0);
		FUZZ_CHECK(x->suglen == y->suglen &&
		           memcmp(x->sug, y->sug, x->suglen) == 0);
	}
}

#endif /* AR_SPELLFUZZ_H */
