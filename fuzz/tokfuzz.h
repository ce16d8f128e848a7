/*
 * tokfuzz.h - what fuzz_tok.c and fuzz_seg.c share: collecting the tokens
 * of a stream (deep copies), feeding it in fuzzer-chosen pieces, and
 * checking and comparing token lists.
 */
#ifndef AR_TOKFUZZ_H
#define AR_TOKFUZZ_H

#include "fuzz.h"

typedef struct ftok {
	ar_token t; /* text and segments point into the copies below */
	char *text;
	ar_segment *segs;
} ftok;

typedef struct ftoks {
	ftok *v;
	size_t n, cap;
	size_t stop_at; /* the sink stops after this many tokens; 0 never */
} ftoks;

static inline char *fuzz_dup(const char *s, size_t len)
{
	char *p = malloc(len + 1);
	FUZZ_OOM(p);
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

static inline int ftoks_sink(const ar_token *tok, void *payload)
{
	ftoks *l = payload;
	ftok *f;
	size_t k;

	if (l->n == l->cap) {
		ftok *v;
		l->cap = l->cap ? 2 * l->cap : 64;
		v = realloc(l->v, l->cap * sizeof *v);
		FUZZ_OOM(v);
		l->v = v;
	}
	f = &l->v[l->n++];
	f->t = *tok;
	FUZZ_CHECK(tok->text || tok->len == 0);
	f->text = fuzz_dup(tok->text, tok->len);
	f->t.text = f->text;
	f->segs = NULL;
	FUZZ_CHECK(tok->nsegments == 0 || tok->segments);
	if (tok->nsegments) {
		f->segs = malloc(tok->nsegments * sizeof *f->segs);
		FUZZ_OOM(f->segs);
		for (k = 0; k < tok->nsegments; k++) {
			const ar_segment *s = &tok->segments[k];
			FUZZ_CHECK(s->text || s->len == 0);
			FUZZ_CHECK(s->form || s->form_len == 0);
			f->segs[k] = *s;
			f->segs[k].text = fuzz_dup(s->text, s->len);
			f->segs[k].form = fuzz_dup(s->form, s->form_len);
		}
		f->t.segments = f->segs;
	}
	return l->stop_at && l->n >= l->stop_at;
}

static inline void ftoks_free(ftoks *l)
{
	size_t i, k;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].text);
		for (k = 0; k < l->v[i].t.nsegments; k++) {
			free((char *)l->v[i].segs[k].text);
			free((char *)l->v[i].segs[k].form);
		}
		free(l->v[i].segs);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Feed s in pieces of the lengths in cuts (cycled; none: one piece), then
 * finish.  On failure the tokenizer is reset for the next stream. */
static inline ar_status fuzz_tok_stream(ar_tokenizer *t, ftoks *l,
                                        const char *s, size_t len,
                                        const uint8_t *cuts, size_t ncuts,
                                        ar_error *err)
{
	size_t pos = 0, k = 0;
	ar_status st = AR_OK;

	while (pos < len) {
		size_t step = ncuts ? cuts[k++ % ncuts] : len;
		/* Empty pieces are fed too, but each round of the
		 * lengths moves on by at least a byte. */
		if (step == 0 && k % ncuts == 0)
			step = 1;
		if (step > len - pos)
			step = len - pos;
		st = ar_tok_feed(t, s + pos, step, ftoks_sink, l, err);
		if (st != AR_OK)
			break;
		pos += step;
	}
	if (st == AR_OK)
		st = ar_tok_finish(t, ftoks_sink, l, err);
	if (st != AR_OK)
		ar_tok_reset(t);
	return st;
}

static inline int fuzz_tok_equal(const ar_token *a, const ar_token *b,
                                 int with_segments)
{
	size_t k;

	if (a->type != b->type || a->script != b->script ||
	    a->start != b->start || a->end != b->end ||
	    a->sentence != b->sentence || a->flags != b->flags ||
	    a->len != b->len || memcmp(a->text, b->text, a->len) != 0)
		return 0;
	if (!with_segments)
		return 1;
	if (a->nsegments != b->nsegments)
		return 0;
	for (k = 0; k < a->nsegments; k++) {
		const ar_segment *x = &a->segments[k], *y = &b->segments[k];
		if (x->start != y->start || x->end != y->end ||
		    x->kind != y->kind || x->len != y->len ||
		    memcmp(x->text, y->text, x->len) != 0 ||
		    x->form_len != y->form_len ||
		    memcmp(x->form, y->form, x->form_len) != 0)
			return 0;
	}
	return 1;
}

/* Same tokens, in the same order; SPACE tokens skipped when asked. */
static inline void fuzz_toks_same(const ftoks *a, const ftoks *b,
                                  int skip_space, int with_segments)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (skip_space && i < a->n &&
		       a->v[i].t.type == AR_TOKEN_SPACE)
			i++;
		while (skip_space && j < b->n &&
		       b->v[j].t.type == AR_TOKEN_SPACE)
			j++;
		if (i == a->n || j == b->n)
			break;
		FUZZ_CHECK(
		        fuzz_tok_equal(&a->v[i].t, &b->v[j].t, with_segments));
		i++, j++;
	}
	FUZZ_CHECK(i == a->n && j == b->n);
}

/*
 * Invariants of one token list over input s/len:
 *  - types and scripts are known, text is not empty;
 *  - offsets are in range, non-empty and in order (starts and ends never
 *    go back); `disjoint`: tokens do not overlap (not so when normalizing:
 *    one input character can become several tokens, as the ligature
 *    U+FC5E becomes a space and two marks, which then share its span);
 *    `tiles`: they cover the input exactly (whitespace reported);
 *  - `verbatim`: each token's text is its input bytes;
 *  - sentence numbers start at 0 and go up by one after each token that
 *    ends a sentence, and only then;
 *  - segments lie inside their token, in order (disjoint as above: the
 *    ligature U+FDFA becomes four words that share its three bytes), kinds
 *    -1..., 0, 1... with at most one stem, and their texts rebuild the
 *    token text.
 */
static inline void fuzz_toks_check(const ftoks *l, const char *s, size_t len,
                                   int disjoint, int tiles, int verbatim)
{
	uint64_t at = 0, from = 0, sent = 0;
	size_t i, k;

	for (i = 0; i < l->n; i++) {
		const ar_token *t = &l->v[i].t;
		FUZZ_CHECK(ar_token_type_name(t->type) != NULL);
		FUZZ_CHECK(ar_script_name(t->script) != NULL);
		FUZZ_CHECK(t->len > 0);
		FUZZ_CHECK(t->start < t->end && t->end <= len);
		FUZZ_CHECK(t->start >= from && t->end >= at);
		if (disjoint)
			FUZZ_CHECK(t->start >= at);
		if (tiles)
			FUZZ_CHECK(t->start == at);
		from = t->start;
		at = t->end;
		if (verbatim)
			FUZZ_CHECK(t->len == t->end - t->start &&
			           memcmp(t->text, s + t->start, t->len) == 0);
		if (t->type != AR_TOKEN_SPACE) {
			FUZZ_CHECK(t->sentence == sent);
			if (t->flags & AR_TOKF_SENTENCE_END)
				sent++;
		}
		if (t->nsegments) {
			size_t pos = 0, stems = 0;
			uint64_t sat = t->start, sfrom = t->start;
			int kind = -1;
			for (k = 0; k < t->nsegments; k++) {
				const ar_segment *g = &t->segments[k];
				FUZZ_CHECK(g->len > 0);
				FUZZ_CHECK(pos + g->len <= t->len &&
				           memcmp(g->text, t->text + pos,
				                  g->len) == 0);
				pos += g->len;
				FUZZ_CHECK(g->start >= sfrom && g->end >= sat &&
				           g->start <= g->end &&
				           g->end <= t->end);
				if (disjoint)
					FUZZ_CHECK(g->start >= sat);
				sfrom = g->start;
				sat = g->end;
				FUZZ_CHECK(g->kind >= kind && g->kind <= 1);
				kind = g->kind;
				stems += g->kind == 0;
			}
			FUZZ_CHECK(pos == t->len);
			/* UD mode splits لي as ل (proclitic) + ي
			 * (enclitic): a word may have no stem. */
			FUZZ_CHECK(stems <= 1);
		}
	}
	if (tiles)
		FUZZ_CHECK(at == len);
}

#endif /* AR_TOKFUZZ_H */
