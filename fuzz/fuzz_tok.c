/*
 * fuzz_tok.c - the tokenizer (ar_tok_feed/ar_tok_finish), without clitic
 * segmentation (fuzz_seg.c has it).
 *
 * Input: a steering byte
 *   bit 0     AR_TOK_WHITESPACE
 *   bit 1     AR_TOK_NORMALIZE, bit 2 its profile: search (else clean)
 *   bits 3-4  invalid UTF-8: 0 error, 1 replace, 2 keep, 3 error
 *   bit 5     a sink that stops after the third token
 * then a byte k (k % 16 piece lengths follow, one byte each), then text.
 *
 * Checked: the tokens of the one-piece stream satisfy fuzz_toks_check()
 * (offsets in range and ordered; with whitespace and without
 * normalization they rebuild the input byte for byte); the stream cut into
 * the chosen pieces gives the same tokens; reporting whitespace adds SPACE
 * tokens and changes nothing else; invalid UTF-8 in "error" mode is
 * AR_EUTF8 at the first bad byte; a stopping sink gives AR_EUSER.
 */
#include "config.h"

#include "tokfuzz.h"

static const ar_invalid_mode modes[4] = { AR_INVALID_ERROR, AR_INVALID_REPLACE,
	                                  AR_INVALID_KEEP, AR_INVALID_ERROR };

/* Tokenizers are made once per option set and reused, which also checks
 * that a finished stream leaves nothing behind. */
static ar_tokenizer *tokenizer(unsigned b)
{
	static ar_tokenizer *cache[32];
	unsigned key = b & 31;

	if (!cache[key]) {
		ar_tok_options o = AR_TOK_OPTIONS_INIT;
		ar_status st;
		/* A no-op that also makes a static link pull the normalizer
		 * in, which the tokenizer may reference only weakly. */
		ar_normalizer_free(NULL);
		if (b & 1)
			o.flags |= AR_TOK_WHITESPACE;
		if (b & 2) {
			o.flags |= AR_TOK_NORMALIZE;
			o.norm_flags = (b & 4) ? AR_NORM_PROFILE_SEARCH
			                       : AR_NORM_PROFILE_CLEAN;
		}
		o.invalid = modes[(b >> 3) & 3];
		st = ar_tokenizer_new(&cache[key], &o, NULL);
		FUZZ_CHECK(st == AR_OK && cache[key]);
	}
	return cache[key];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned b = fuzz_take(&data, &size), ncuts;
	const uint8_t *cuts;
	const char *s;
	ftoks one = { 0 }, cut = { 0 }, other = { 0 }, stop = { 0 };
	ar_error e1, e2;
	ar_status st1, st2;
	size_t bad = 0;
	int valid, normalize = (b >> 1) & 1, ws = b & 1;
	ar_invalid_mode mode = modes[(b >> 3) & 3];

	ncuts = fuzz_take(&data, &size) % 16;
	if (ncuts > size)
		ncuts = (unsigned)size;
	cuts = data;
	data += ncuts;
	size -= ncuts;
	s = (const char *)data;
	valid = ar_utf8_valid(s, size, &bad);

	memset(&e1, 0, sizeof e1);
	st1 = fuzz_tok_stream(tokenizer(b), &one, s, size, NULL, 0, &e1);
	if (!valid && mode == AR_INVALID_ERROR) {
		FUZZ_CHECK(st1 == AR_EUTF8);
		FUZZ_CHECK(e1.offset == bad);
	} else {
		FUZZ_CHECK(st1 == AR_OK);
		fuzz_toks_check(&one, s, size, !normalize, ws && !normalize,
		                !normalize &&
		                        (valid || mode == AR_INVALID_KEEP));
	}

	/* Any cut gives the same tokens. */
	memset(&e2, 0, sizeof e2);
	st2 = fuzz_tok_stream(tokenizer(b), &cut, s, size, cuts, ncuts, &e2);
	FUZZ_CHECK(st2 == st1);
	if (st1 == AR_OK)
		fuzz_toks_same(&one, &cut, 0, 1);
	else
		FUZZ_CHECK(e2.offset == e1.offset && e2.line == e1.line &&
		           e2.column == e1.column);

	/* Whitespace tokens on or off change nothing else. */
	if (st1 == AR_OK) {
		st2 = fuzz_tok_stream(tokenizer(b ^ 1), &other, s, size, cuts,
		                      ncuts, NULL);
		FUZZ_CHECK(st2 == AR_OK);
		fuzz_toks_same(&one, &other, 1, 1);
		if (!ws) {
			size_t i;
			for (i = 0; i < one.n; i++)
				FUZZ_CHECK(one.v[i].t.type != AR_TOKEN_SPACE);
		}
	}

	/* A sink that says stop. */
	if ((b & 32) && st1 == AR_OK) {
		stop.stop_at = 3;
		st2 = fuzz_tok_stream(tokenizer(b), &stop, s, size, cuts, ncuts,
		                      NULL);
		FUZZ_CHECK(st2 == (one.n >= 3 ? AR_EUSER : AR_OK));
		FUZZ_CHECK(stop.n == (one.n >= 3 ? 3 : one.n));
	}

	ftoks_free(&one);
	ftoks_free(&cut);
	ftoks_free(&other);
	ftoks_free(&stop);
	return 0;
}
