/*
 * fuzz_norm.c - ar_norm_buffer() for each profile and for any flags.
 *
 * Input: one steering byte (fuzz.h, fuzz_norm_options: profile, invalid
 * mode, offsets; bit 6 unused), two more for "any flags", then the text.
 *
 * Checked on every input:
 *  - the status is AR_OK, or AR_EUTF8 exactly when the text is ill-formed
 *    and the mode is "error", with the offset, line and column of the first
 *    bad byte; creating a normalizer fails only for both digit directions;
 *  - the output is well-formed UTF-8 (unless "keep" let bad bytes through)
 *    and has as many newlines as the input;
 *  - each profile is idempotent; the offset map tiles input and output;
 *  - differential: nfc and nfkc equal ICU's unorm2 NFC/NFKC; "none" with
 *    "replace" equals ICU's UTF-8 converter, which substitutes U+FFFD for
 *    each maximal ill-formed subpart; "none" otherwise and "keep" are
 *    identities; nfkc-arabic leaves text without presentation forms alone.
 */
#include "config.h"

#include "fuzz.h"

#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

/* ICU's reading of UTF-8 bytes, ill-formed parts replaced by U+FFFD,
 * optionally normalized by nrm, back in UTF-8 in out (malloc'd). */
static size_t icu_ref(char **out, const uint8_t *s, size_t len,
                      const UNormalizer2 *nrm)
{
	static UConverter *conv;
	UErrorCode e = U_ZERO_ERROR;
	UChar *u, *t;
	const char *src = (const char *)s;
	int32_t ulen, n8;

	if (!conv) {
		conv = ucnv_open("UTF-8", &e);
		FUZZ_CHECK(U_SUCCESS(e));
	}
	ucnv_reset(conv);
	u = malloc((len + 1) * sizeof *u);
	FUZZ_OOM(u);
	t = u;
	ucnv_toUnicode(conv, &t, u + len + 1, &src, src + len, NULL, 1, &e);
	FUZZ_CHECK(U_SUCCESS(e));
	ulen = (int32_t)(t - u);
	if (nrm) {
		/* NFKC can grow a code unit up to 18 times (U+FDFA). */
		int32_t cap = 18 * ulen + 1, m;
		UChar *v = malloc((size_t)cap * sizeof *v);
		FUZZ_OOM(v);
		m = unorm2_normalize(nrm, u, ulen, v, cap, &e);
		FUZZ_CHECK(U_SUCCESS(e));
		free(u);
		u = v;
		ulen = m;
	}
	*out = malloc(3 * (size_t)ulen + 1);
	FUZZ_OOM(*out);
	u_strToUTF8(*out, 3 * ulen + 1, &n8, u, ulen, &e);
	FUZZ_CHECK(U_SUCCESS(e));
	free(u);
	return (size_t)n8;
}

static size_t count_nl(const char *s, size_t len)
{
	size_t i, n = 0;
	for (i = 0; i < len; i++)
		n += s[i] == '\n';
	return n;
}

/* Does the text hold a code point of an Arabic presentation-form block? */
static int has_presentation_forms(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = ar_utf8_decode(&cp, s + i, len - i);
		if (n == 0) {
			i++;
			continue;
		}
		if ((cp >= 0xFB50 && cp <= 0xFDFF) ||
		    (cp >= 0xFE70 && cp <= 0xFEFF))
			return 1;
		i += n;
	}
	return 0;
}

static void expect_equal(const char *a, size_t alen, const char *b, size_t blen)
{
	FUZZ_CHECK(alen == blen);
	FUZZ_CHECK(alen == 0 || memcmp(a, b, alen) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ar_norm_options opts;
	ar_normalizer *n = NULL;
	ar_buf out = AR_BUF_INIT, spans = AR_BUF_INIT, again = AR_BUF_INIT;
	ar_error err;
	ar_status st;
	unsigned mode;
	const char *s;
	size_t bad = 0;
	int valid;

	mode = fuzz_norm_options(&opts, &data, &size) & 7;
	s = (const char *)data;
	st = ar_normalizer_new(&n, &opts);
	if (!fuzz_norm_flags_valid(opts.flags)) {
		FUZZ_CHECK(st == AR_EINVAL);
		return 0;
	}
	FUZZ_CHECK(st == AR_OK && n);

	valid = ar_utf8_valid(s, size, &bad);
	memset(&err, 0, sizeof err);
	st = ar_norm_buffer(&out, opts.want_offsets ? &spans : NULL, n, s, size,
	                    &err);
	if (!valid && opts.invalid == AR_INVALID_ERROR) {
		size_t i, line = 1, col = 1;
		FUZZ_CHECK(st == AR_EUTF8);
		FUZZ_CHECK(err.offset == bad);
		for (i = 0; i < bad; i++) {
			if (s[i] == '\n')
				line++, col = 1;
			else if ((s[i] & 0xC0) != 0x80)
				col++;
		}
		FUZZ_CHECK(err.line == line && err.column == col);
		goto done;
	}
	FUZZ_CHECK(st == AR_OK);
	FUZZ_CHECK(out.size == 0 || out.ptr[out.size] == '\0');
	if (valid || opts.invalid != AR_INVALID_KEEP)
		FUZZ_CHECK(ar_utf8_valid(out.ptr, out.size, NULL));
	FUZZ_CHECK(count_nl(out.ptr, out.size) == count_nl(s, size));
	if (opts.want_offsets) {
		FUZZ_CHECK(spans.size % sizeof(ar_norm_span) == 0);
		fuzz_check_spans((const ar_norm_span *)spans.ptr,
		                 spans.size / sizeof(ar_norm_span), out.ptr,
		                 out.size, s, size);
	}

	/* Differential checks. */
	if (mode == FUZZ_NORM_NFC || mode == FUZZ_NORM_NFKC ||
	    mode == FUZZ_NORM_NFC_NFKC ||
	    (mode == FUZZ_NORM_NONE && opts.invalid != AR_INVALID_KEEP)) {
		if (valid || opts.invalid == AR_INVALID_REPLACE) {
			UErrorCode e = U_ZERO_ERROR;
			const UNormalizer2 *nrm = NULL;
			char *ref;
			size_t rlen;
			if (mode == FUZZ_NORM_NFC)
				nrm = unorm2_getNFCInstance(&e);
			else if (mode != FUZZ_NORM_NONE)
				nrm = unorm2_getNFKCInstance(&e);
			FUZZ_CHECK(U_SUCCESS(e));
			rlen = icu_ref(&ref, data, size, nrm);
			expect_equal(out.ptr, out.size, ref, rlen);
			free(ref);
		}
	}
	if ((mode == FUZZ_NORM_NONE && valid) ||
	    (mode == FUZZ_NORM_NONE && opts.invalid == AR_INVALID_KEEP))
		expect_equal(out.ptr, out.size, s, size);
	if (mode == FUZZ_NORM_NFKC_ARABIC && valid &&
	    !has_presentation_forms(s, size))
		expect_equal(out.ptr, out.size, s, size);

	/* Profiles are idempotent (the same handle is reused, which also
	 * checks that a call leaves no state behind).  Not with "keep" on
	 * ill-formed input: removing a mark between two kept bytes can join
	 * them into a character (DB, U+064B, AC -> DB AC = U+06EC). */
	if (mode != FUZZ_NORM_ANY &&
	    (valid || opts.invalid != AR_INVALID_KEEP) &&
	    ar_utf8_valid(out.ptr, out.size, NULL)) {
		st = ar_norm_buffer(&again, NULL, n, out.ptr, out.size, NULL);
		FUZZ_CHECK(st == AR_OK);
		expect_equal(again.ptr, again.size, out.ptr, out.size);
	}
done:
	ar_buf_dispose(&out);
	ar_buf_dispose(&spans);
	ar_buf_dispose(&again);
	ar_normalizer_free(n);
	return 0;
}
