/*
 * fuzz_norm_stream.c - ar_norm_feed()/ar_norm_finish() with input cut at
 * points the fuzzer chooses, compared with ar_norm_buffer() on the whole.
 *
 * Input: the steering byte of fuzz.h (fuzz_norm_options), whose bit 6
 * asks for an ar_norm_buffer() call on the same handle in the middle of
 * the stream (which must not disturb it) and bit 7 for a sink that stops
 * the stream at its third call; then a byte k (k % 16 chunk lengths
 * follow, one byte each, used in turn; none: one chunk), then the text.
 *
 * Checked: same status, same error offset, same bytes and, once adjacent
 * identity spans are merged, the same offset map as the one-buffer call;
 * each sink call's spans cover exactly the bytes of that call; a stopped
 * stream returns AR_EUSER with a prefix of the full output; after
 * ar_norm_finish() the handle starts afresh (a second pass is identical).
 */
#include "config.h"

#include "fuzz.h"

typedef struct collect {
	ar_buf out;
	ar_buf spans;
	const char *in; /* the whole input, for identity spans */
	size_t inlen;
	int stop_at; /* stop at this call (1-based), 0 never */
	int calls;
} collect;

static int put(ar_buf *b, const void *p, size_t len)
{
	if (len == 0)
		return 0;
	if (b->size + len + 1 > b->asize) {
		size_t cap = 2 * (b->size + len + 1);
		char *q = realloc(b->ptr, cap);
		FUZZ_OOM(q);
		b->ptr = q;
		b->asize = cap;
	}
	memcpy(b->ptr + b->size, p, len);
	b->size += len;
	b->ptr[b->size] = '\0';
	return 0;
}

/* Append a span, merging it into the previous one when both are
 * identity spans that touch: how the map is cut is not part of it.  A
 * span whose output is its input byte for byte counts as an identity span
 * (out points at its output bytes): whether the normalizer marks such a
 * span (U+022A, stable under NFKC) depends on the path it took. */
static void put_span(ar_buf *b, const ar_norm_span *span, const char *out,
                     const char *in)
{
	ar_norm_span canon = *span, *sp = &canon;
	ar_norm_span *last =
	        b->size ? (ar_norm_span *)(b->ptr + b->size) - 1 : NULL;

	if (!sp->identity && sp->in_end > sp->in_start &&
	    sp->out_end - sp->out_start == sp->in_end - sp->in_start &&
	    memcmp(out, in + sp->in_start,
	           (size_t)(sp->in_end - sp->in_start)) == 0)
		sp->identity = 1;
	if (last && last->identity && sp->identity &&
	    last->out_end == sp->out_start && last->in_end == sp->in_start) {
		last->out_end = sp->out_end;
		last->in_end = sp->in_end;
		return;
	}
	put(b, sp, sizeof *sp);
}

static int sink(const char *data, size_t len, const ar_norm_span *spans,
                size_t nspans, void *payload)
{
	collect *c = payload;
	size_t k;

	c->calls++;
	if (nspans) {
		uint64_t o0 = spans[0].out_start;
		FUZZ_CHECK(o0 == c->out.size);
		FUZZ_CHECK(spans[nspans - 1].out_end - o0 == len);
		for (k = 0; k < nspans; k++) {
			FUZZ_CHECK(spans[k].in_end <= c->inlen);
			if (spans[k].identity &&
			    spans[k].out_end > spans[k].out_start)
				FUZZ_CHECK(
				        memcmp(data + (spans[k].out_start - o0),
				               c->in + spans[k].in_start,
				               (size_t)(spans[k].out_end -
				                        spans[k].out_start)) ==
				        0);
			put_span(&c->spans, &spans[k],
			         len ? data + (spans[k].out_start - o0) : NULL,
			         c->in);
		}
	} else {
		FUZZ_CHECK(spans == NULL);
	}
	put(&c->out, data, len);
	return c->stop_at && c->calls >= c->stop_at;
}

static void merge_all(ar_buf *dst, const ar_buf *src, const char *out,
                      const char *in)
{
	const ar_norm_span *sp = (const ar_norm_span *)src->ptr;
	size_t k, n = src->size / sizeof *sp;
	for (k = 0; k < n; k++)
		put_span(dst, &sp[k], out ? out + sp[k].out_start : NULL, in);
}

/* Field by field: memcmp would also compare the padding. */
static void spans_equal(const ar_buf *a, const ar_buf *b)
{
	const ar_norm_span *x = (const ar_norm_span *)a->ptr;
	const ar_norm_span *y = (const ar_norm_span *)b->ptr;
	size_t k, n = a->size / sizeof *x;

	for (k = 0; k < n; k++)
		FUZZ_CHECK(x[k].out_start == y[k].out_start &&
		           x[k].out_end == y[k].out_end &&
		           x[k].in_start == y[k].in_start &&
		           x[k].in_end == y[k].in_end &&
		           !x[k].identity == !y[k].identity);
}

/* Feed text in chunks of the given lengths (cycled), then finish. */
static ar_status stream(ar_normalizer *n, collect *c, const char *s, size_t len,
                        const uint8_t *cuts, size_t ncuts, int interfere,
                        ar_error *err)
{
	size_t pos = 0, k = 0;
	ar_status st;

	while (pos < len) {
		size_t step = ncuts ? cuts[k++ % ncuts] : len;
		/* Empty pieces are fed too, but each round of the
		 * lengths moves on by at least a byte. */
		if (step == 0 && k % ncuts == 0)
			step = 1;
		if (step > len - pos)
			step = len - pos;
		st = ar_norm_feed(n, s + pos, step, sink, c, err);
		if (st != AR_OK)
			return st;
		pos += step;
		if (interfere && k == 1) {
			/* A one-shot call in the middle of the stream. */
			ar_buf tmp = AR_BUF_INIT;
			ar_norm_buffer(&tmp, NULL, n, "\xd9\x84\xd8\xa7", 4,
			               NULL);
			ar_buf_dispose(&tmp);
		}
	}
	return ar_norm_finish(n, sink, c, err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ar_norm_options opts;
	ar_normalizer *n = NULL;
	ar_buf whole = AR_BUF_INIT, wspans = AR_BUF_INIT, merged = AR_BUF_INIT;
	collect c, c2;
	ar_error e1, e2;
	ar_status st1, st2;
	unsigned b, ncuts, pass;
	const uint8_t *cuts;
	const char *s;

	b = fuzz_norm_options(&opts, &data, &size);
	ncuts = fuzz_take(&data, &size) % 16;
	if (ncuts > size)
		ncuts = (unsigned)size;
	cuts = data;
	data += ncuts;
	size -= ncuts;
	s = (const char *)data;
	if (!fuzz_norm_flags_valid(opts.flags) ||
	    ar_normalizer_new(&n, &opts) != AR_OK)
		return 0;

	memset(&e1, 0, sizeof e1);
	st1 = ar_norm_buffer(&whole, opts.want_offsets ? &wspans : NULL, n, s,
	                     size, &e1);
	FUZZ_CHECK(fuzz_status_ok(st1));
	merge_all(&merged, &wspans, whole.ptr, s);

	for (pass = 0; pass < 2; pass++) {
		memset(&c, 0, sizeof c);
		c.in = s;
		c.inlen = size;
		memset(&e2, 0, sizeof e2);
		st2 = stream(n, &c, s, size, cuts, ncuts, (b >> 6) & 1, &e2);
		FUZZ_CHECK(st2 == st1);
		if (st1 == AR_EUTF8) {
			FUZZ_CHECK(e2.offset == e1.offset);
			FUZZ_CHECK(e2.line == e1.line &&
			           e2.column == e1.column);
			ar_norm_reset(n);
		} else {
			FUZZ_CHECK(c.out.size == whole.size);
			FUZZ_CHECK(whole.size == 0 ||
			           memcmp(c.out.ptr, whole.ptr, whole.size) ==
			                   0);
			FUZZ_CHECK(c.spans.size == merged.size);
			spans_equal(&c.spans, &merged);
		}
		ar_buf_dispose(&c.out);
		ar_buf_dispose(&c.spans);
	}

	/* A sink that stops: AR_EUSER, and what came out is a prefix. */
	if ((b >> 7) & 1 && st1 == AR_OK) {
		memset(&c2, 0, sizeof c2);
		c2.in = s;
		c2.inlen = size;
		c2.stop_at = 3;
		st2 = stream(n, &c2, s, size, cuts, ncuts, 0, NULL);
		FUZZ_CHECK(st2 == (c2.calls >= 3 ? AR_EUSER : AR_OK));
		FUZZ_CHECK(c2.out.size <= whole.size);
		FUZZ_CHECK(c2.out.size == 0 ||
		           memcmp(c2.out.ptr, whole.ptr, c2.out.size) == 0);
		ar_buf_dispose(&c2.out);
		ar_buf_dispose(&c2.spans);
		ar_norm_reset(n);
	}

	ar_buf_dispose(&whole);
	ar_buf_dispose(&wspans);
	ar_buf_dispose(&merged);
	ar_normalizer_free(n);
	return 0;
}
