/*
 * fuzz_seg.c - clitic segmentation (AR_TOK_SEGMENT), with the system
 * hunspell Arabic dictionary; skipped when it is not installed.
 *
 * Input: a steering byte
 *   bit 0     AR_TOK_SEGMENT_UD (the Universal Dependencies split)
 *   bit 1     AR_TOK_NORMALIZE with the search profile
 *   bits 3-4  invalid UTF-8: 0 error, 1 replace, 2 keep, 3 error
 * then a byte k (k % 16 piece lengths follow, one byte each), then text.
 *
 * Checked: the segments of each token lie inside it, in order (proclitics,
 * one stem, enclitics) and their texts rebuild the token text; the stream
 * cut into the chosen pieces gives the same tokens and segments;
 * segmentation changes no token, only adds segments.
 */
#include "config.h"

#include "tokfuzz.h"

static const ar_invalid_mode modes[4] = { AR_INVALID_ERROR, AR_INVALID_REPLACE,
	                                  AR_INVALID_KEEP, AR_INVALID_ERROR };

/* key: the steering bits 0-4, and bit 5 for "no segmentation". */
static ar_tokenizer *tokenizer(unsigned key, int *missing)
{
	static ar_tokenizer *cache[64];
	static int nodict;

	/* One handle per distinct configuration (each holds a dictionary
	 * and the segmenter's caches): bit 2 is not used, mode 3 is mode 0,
	 * and without segmentation bit 0 means nothing. */
	key &= 63 & ~4u;
	if (((key >> 3) & 3) == 3)
		key &= ~(3u << 3);
	if (key & 32)
		key &= ~1u;
	*missing = nodict;
	if (!cache[key] && !nodict) {
		ar_tok_options o = AR_TOK_OPTIONS_INIT;
		ar_status st;
		/* A no-op that also makes a static link pull the normalizer
		 * in, which the tokenizer may reference only weakly. */
		ar_normalizer_free(NULL);
		if (!(key & 32))
			o.flags |=
			        (key & 1) ? AR_TOK_SEGMENT_UD : AR_TOK_SEGMENT;
		if (key & 2) {
			o.flags |= AR_TOK_NORMALIZE;
			o.norm_flags = AR_NORM_PROFILE_SEARCH;
		}
		o.invalid = modes[(key >> 3) & 3];
		st = ar_tokenizer_new(&cache[key], &o, NULL);
		if (st == AR_EDICT) {
			fprintf(stderr, "fuzz_seg: no Arabic dictionary\n");
			*missing = nodict = 1;
			return NULL;
		}
		FUZZ_CHECK(st == AR_OK && cache[key]);
	}
	return cache[key];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned b = fuzz_take(&data, &size) & 31, ncuts;
	const uint8_t *cuts;
	const char *s;
	ftoks one = { 0 }, cut = { 0 }, plain = { 0 };
	ar_tokenizer *seg, *nseg;
	ar_status st1, st2;
	int missing, valid, normalize = (b >> 1) & 1;
	ar_invalid_mode mode = modes[(b >> 3) & 3];

	seg = tokenizer(b, &missing);
	nseg = tokenizer(b | 32, &missing);
	if (missing)
		return 0;
	ncuts = fuzz_take(&data, &size) % 16;
	if (ncuts > size)
		ncuts = (unsigned)size;
	cuts = data;
	data += ncuts;
	size -= ncuts;
	s = (const char *)data;
	valid = ar_utf8_valid(s, size, NULL);

	st1 = fuzz_tok_stream(seg, &one, s, size, NULL, 0, NULL);
	FUZZ_CHECK(st1 ==
	           ((!valid && mode == AR_INVALID_ERROR) ? AR_EUTF8 : AR_OK));
	if (st1 == AR_OK)
		fuzz_toks_check(&one, s, size, !normalize, 0,
		                !normalize &&
		                        (valid || mode == AR_INVALID_KEEP));

	st2 = fuzz_tok_stream(seg, &cut, s, size, cuts, ncuts, NULL);
	FUZZ_CHECK(st2 == st1);
	if (st1 == AR_OK)
		fuzz_toks_same(&one, &cut, 0, 1);

	st2 = fuzz_tok_stream(nseg, &plain, s, size, NULL, 0, NULL);
	FUZZ_CHECK(st2 == st1);
	if (st1 == AR_OK)
		fuzz_toks_same(&one, &plain, 0, 0);

	ftoks_free(&one);
	ftoks_free(&cut);
	ftoks_free(&plain);
	return 0;
}
