/*
 * fuzz.h - what the fuzz targets share.  Each fuzz_NAME.c defines
 * LLVMFuzzerTestOneInput(); it is linked either with libFuzzer (make fuzz,
 * --enable-fuzzers) or with replay.c, whose main() feeds it the files of
 * fuzz/corpus/NAME and fuzz/regress/NAME (make check).
 *
 * A target reports a broken invariant by printing it and calling abort(),
 * which libFuzzer records as a crash with its input, and which makes the
 * replay test fail.
 */
#ifndef AR_FUZZ_H
#define AR_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arabic.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #cond);                              \
			abort();                                               \
		}                                                              \
	} while (0)

/* A failed allocation in the target itself is not a finding: give up on
 * this input. */
#define FUZZ_OOM(ptr)                                                          \
	do {                                                                   \
		if (!(ptr)) {                                                  \
			fprintf(stderr, "fuzz: out of memory\n");              \
			abort();                                               \
		}                                                              \
	} while (0)

/* A status that is allowed for any input; anything else is a bug. */
static inline int fuzz_status_ok(ar_status st)
{
	return st == AR_OK || st == AR_EUTF8;
}

/* Take bytes from the front of the input to steer the target (options,
 * split points); returns 0 when the input is exhausted. */
static inline unsigned fuzz_take(const uint8_t **data, size_t *size)
{
	unsigned v;

	if (*size == 0)
		return 0;
	v = **data;
	(*data)++;
	(*size)--;
	return v;
}

/*
 * Normalizer options from one steering byte (fuzz_norm, fuzz_norm_stream):
 *   bits 0-2  0 clean, 1 search, 2 none, 3 nfc, 4 nfkc, 5 nfkc-arabic,
 *             6 any flags (the next two bytes, little-endian), 7 nfc+nfkc
 *   bits 3-4  invalid UTF-8: 0 error, 1 replace, 2 keep, 3 error
 *   bit 5     want_offsets
 *   bits 6-7  left to the target
 * Returns the steering byte.
 */
enum {
	FUZZ_NORM_CLEAN,
	FUZZ_NORM_SEARCH,
	FUZZ_NORM_NONE,
	FUZZ_NORM_NFC,
	FUZZ_NORM_NFKC,
	FUZZ_NORM_NFKC_ARABIC,
	FUZZ_NORM_ANY,
	FUZZ_NORM_NFC_NFKC
};
#define FUZZ_NORM_ALL_FLAGS ((1u << 15) - 1)

static inline unsigned fuzz_norm_options(ar_norm_options *o,
                                         const uint8_t **data, size_t *size)
{
	static const ar_invalid_mode inv[4] = { AR_INVALID_ERROR,
		                                AR_INVALID_REPLACE,
		                                AR_INVALID_KEEP,
		                                AR_INVALID_ERROR };
	ar_norm_options init = AR_NORM_OPTIONS_INIT;
	unsigned b = fuzz_take(data, size), lo, hi;

	*o = init;
	switch (b & 7) {
	case FUZZ_NORM_CLEAN:
		o->flags = AR_NORM_PROFILE_CLEAN;
		break;
	case FUZZ_NORM_SEARCH:
		o->flags = AR_NORM_PROFILE_SEARCH;
		break;
	case FUZZ_NORM_NONE:
		o->flags = AR_NORM_PROFILE_NONE;
		break;
	case FUZZ_NORM_NFC:
		o->flags = AR_NORM_NFC;
		break;
	case FUZZ_NORM_NFKC:
		o->flags = AR_NORM_NFKC;
		break;
	case FUZZ_NORM_NFKC_ARABIC:
		o->flags = AR_NORM_NFKC_ARABIC;
		break;
	case FUZZ_NORM_ANY:
		lo = fuzz_take(data, size);
		hi = fuzz_take(data, size);
		o->flags = (lo | hi << 8) & FUZZ_NORM_ALL_FLAGS;
		break;
	default:
		o->flags = AR_NORM_NFC | AR_NORM_NFKC;
		break;
	}
	o->invalid = inv[(b >> 3) & 3];
	o->want_offsets = (b >> 5) & 1;
	return b;
}

/* Both digit directions at once is the one invalid flag combination. */
static inline int fuzz_norm_flags_valid(unsigned flags)
{
	return (flags & (AR_NORM_DIGITS_ASCII | AR_NORM_DIGITS_ARABIC)) !=
	       (AR_NORM_DIGITS_ASCII | AR_NORM_DIGITS_ARABIC);
}

/* Check an offset map (an array of n spans) against the texts it links:
 * the spans tile both, in order, and identity spans hold equal bytes. */
static inline void fuzz_check_spans(const ar_norm_span *sp, size_t n,
                                    const char *out, size_t outlen,
                                    const char *in, size_t inlen)
{
	uint64_t o = 0, i = 0;
	size_t k;

	for (k = 0; k < n; k++) {
		FUZZ_CHECK(sp[k].out_start == o && sp[k].in_start == i);
		FUZZ_CHECK(sp[k].out_end >= o && sp[k].in_end >= i);
		FUZZ_CHECK(sp[k].out_end <= outlen && sp[k].in_end <= inlen);
		if (sp[k].identity) {
			FUZZ_CHECK(sp[k].out_end - o == sp[k].in_end - i);
			FUZZ_CHECK(o == sp[k].out_end ||
			           memcmp(out + o, in + i,
			                  (size_t)(sp[k].in_end - i)) == 0);
		}
		o = sp[k].out_end;
		i = sp[k].in_end;
	}
	FUZZ_CHECK(o == outlen && i == inlen);
}

#endif /* AR_FUZZ_H */
