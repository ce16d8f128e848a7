/*
 * fuzz_utf8.c - ar_utf8_valid() and ar_utf8_decode() on any bytes,
 * checked against two references: a decoder written here from the bit
 * patterns and value ranges of RFC 3629 (not from table 3-7, as the
 * library is), and ICU's UTF-8 converter.  Verdict, first bad offset and
 * decoded code points must agree.
 */
#include "config.h"

#include "fuzz.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>

/* Reference decoder: the length of the sequence at s and its value, or 0
 * for an ill-formed or truncated sequence. */
static size_t ref_decode(const uint8_t *s, size_t len, uint32_t *cp)
{
	uint32_t v, min;
	size_t n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		n = 2, v = s[0] & 0x1F, min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 3, v = s[0] & 0x0F, min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 4, v = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

/* ICU's verdict: 1 if valid, else 0 and *bad = offset of the first
 * invalid sequence.  The UTF-16 result goes to u/ulen. */
static int icu_valid(const uint8_t *s, size_t len, size_t *bad, UChar *u,
                     int32_t *ulen)
{
	static UConverter *conv;
	UErrorCode e = U_ZERO_ERROR;
	const char *src = (const char *)s, *srcend = src + len;
	UChar *t = u;

	if (!conv) {
		conv = ucnv_open("UTF-8", &e);
		FUZZ_CHECK(U_SUCCESS(e));
		ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL,
		                    NULL, &e);
		FUZZ_CHECK(U_SUCCESS(e));
	}
	ucnv_reset(conv);
	ucnv_toUnicode(conv, &t, u + len + 1, &src, srcend, NULL, 1, &e);
	*ulen = (int32_t)(t - u);
	if (U_SUCCESS(e))
		return 1;
	FUZZ_CHECK(e == U_ILLEGAL_CHAR_FOUND || e == U_INVALID_CHAR_FOUND ||
	           e == U_TRUNCATED_CHAR_FOUND);
	{
		char inv[32];
		int8_t ilen = sizeof inv;
		UErrorCode e2 = U_ZERO_ERROR;
		ucnv_getInvalidChars(conv, inv, &ilen, &e2);
		FUZZ_CHECK(U_SUCCESS(e2));
		*bad = (size_t)(src - (const char *)s) - (size_t)ilen;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t i, ref_bad = size, lib_bad = (size_t)-1, icu_bad = (size_t)-1;
	int ref_ok = 1, lib_ok, icu_ok;
	UChar *u;
	int32_t ulen, ui = 0;

	/* The reference verdict and, on the way, decode-by-decode
	 * agreement with ar_utf8_decode() at every sequence start. */
	for (i = 0; i < size;) {
		uint32_t rcp = 0, lcp = 0xFFFFFFFF;
		size_t rn = ref_decode(data + i, size - i, &rcp);
		size_t ln = ar_utf8_decode(&lcp, s + i, size - i);
		FUZZ_CHECK(rn == ln);
		if (rn == 0) {
			FUZZ_CHECK(lcp == 0xFFFFFFFF); /* untouched */
			if (ref_ok) {
				ref_ok = 0;
				ref_bad = i;
			}
			i++;
			continue;
		}
		FUZZ_CHECK(rcp == lcp);
		i += rn;
	}

	lib_ok = ar_utf8_valid(s, size, &lib_bad);
	FUZZ_CHECK(lib_ok == 0 || lib_ok == 1);
	FUZZ_CHECK(lib_ok == ref_ok);
	if (!lib_ok)
		FUZZ_CHECK(lib_bad == ref_bad);
	else
		FUZZ_CHECK(lib_bad == (size_t)-1); /* untouched */
	FUZZ_CHECK(ar_utf8_valid(s, size, NULL) == lib_ok);

	u = malloc((size + 1) * sizeof *u);
	FUZZ_OOM(u);
	icu_ok = icu_valid(data, size, &icu_bad, u, &ulen);
	FUZZ_CHECK(icu_ok == lib_ok);
	if (!icu_ok) {
		FUZZ_CHECK(icu_bad == lib_bad);
	} else {
		/* Same code points as ICU, in order. */
		for (i = 0; i < size;) {
			uint32_t cp = 0;
			UChar32 c;
			size_t n = ar_utf8_decode(&cp, s + i, size - i);
			FUZZ_CHECK(n > 0 && ui < ulen);
			U16_NEXT(u, ui, ulen, c);
			FUZZ_CHECK((uint32_t)c == cp);
			i += n;
		}
		FUZZ_CHECK(ui == ulen);
	}
	free(u);
	return 0;
}
