/*
 * fold.c - the folded forms of words by which the word store keys them
 * (AR_FOLD_* in names.h): case, accents, Arabic marks and tatweel, and
 * the look-alike and variant letters of Arabic script.
 */
#include "config.h"

#include "chars.h"
#include "names.h"

#include <stdlib.h>
#include <utf8proc.h>

/* ---- folding ---------------------------------------------------------- */

/* The marks folding removes: every Arabic mark that carries no letter,
 * tatweel, and the invisible ARABIC LETTER MARK. */
static int arabic_mark(uint32_t c)
{
	return ar_char__arabic_mark(c) || c == AR_CHAR_TATWEEL || c == 0x061C;
}

/* Letters folded by every mode: Persian and Urdu look-alikes of Arabic
 * letters (Unicode keeps them apart; writers mix them). */
static uint32_t arabic_fold(uint32_t c, int mode)
{
	switch (c) {
	case 0x0622:
	case 0x0623:
	case 0x0625:
	case 0x0671:
		/* آ أ إ ٱ -> ا: a hamza left out is common and accepted */
		return mode >= AR_FOLD_ALEF ? 0x0627 : c;
	case 0x0649:
		return mode >= AR_FOLD_HEAVY ? 0x064A : c; /* ى -> ي */
	case 0x0629:
		return mode >= AR_FOLD_HEAVY ? 0x0647 : c; /* ة -> ه */
	case 0x06CC:
	case 0x06D2:
		return 0x064A; /* ی ے -> ي */
	case 0x06C0:
	case 0x06C1:
	case 0x06BE:
		return 0x0647; /* ۀ ہ ھ -> ه */
	case 0x06A9:
		return 0x0643; /* ک -> ك */
	case 0x06A4:
	case 0x06A5:
		return 0x0641; /* ڤ ڥ (v) -> ف, as most Arabic spelling has it */
	case 0x067E:
		return 0x0628; /* پ (p) -> ب */
	default:
		return c;
	}
}

int ar_names__fold(ar_buf *out, const char *w, size_t len, int mode)
{
	size_t i = 0;
	int arabic = 0, latin = 0;

	ar_buf__clear(out);
	if (ar_buf__grow(out, len * 4 + 16) != AR_OK)
		return -1;
	while (i < len) {
		uint32_t c;
		size_t k;
		unsigned char b = (unsigned char)w[i];

		/* ASCII and the two-byte Arabic letters are written in
		 * place: folding is on every word's path */
		if (out->asize - out->size < 8 && ar_buf__grow(out, 8) != AR_OK)
			return -1;
		if (b < 0x80) {
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b + 32);
			if (b >= 'a' && b <= 'z')
				latin = 1;
			out->ptr[out->size++] = (char)b;
			i++;
			continue;
		}
		if ((b == 0xD8 || b == 0xD9) && i + 1 < len &&
		    ((unsigned char)w[i + 1] & 0xC0) == 0x80) {
			/* U+0600..U+067F; they fold to letters of the same
			 * block */
			c = ((uint32_t)(b & 0x1F) << 6) |
			    ((unsigned char)w[i + 1] & 0x3F);
			i += 2;
			if (arabic_mark(c))
				continue;
			arabic = 1;
			c = arabic_fold(c, mode);
			out->ptr[out->size++] = (char)(0xC0 | (c >> 6));
			out->ptr[out->size++] = (char)(0x80 | (c & 0x3F));
			continue;
		}
		k = ar_utf8_decode(&c, w + i, len - i);
		if (k == 0) {
			i++;
			continue;
		}
		i += k;
		if (ar_char__arabic_block(c)) {
			if (arabic_mark(c))
				continue;
			arabic = 1;
			ar_buf__put_cp(out, arabic_fold(c, mode));
		} else if (c == 0x2019 || c == 0x2018 || c == 0x02BC) {
			ar_buf__put(out, "'", 1);
		} else if (c == 0x200C || c == 0x200D || c == 0x200E ||
		           c == 0x200F || c == 0x00AD || c == 0x2060) {
			continue; /* joiners, bidi marks, soft hyphen */
		} else {
			utf8proc_int32_t d[8];
			int last = 0;
			utf8proc_ssize_t m = utf8proc_decompose_char(
			        (utf8proc_int32_t)c, d, 8,
			        UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
			                UTF8PROC_CASEFOLD | UTF8PROC_COMPAT,
			        &last);
			utf8proc_ssize_t j;
			if (m < 0 || m > 8) {
				ar_buf__put_cp(out, c);
				continue;
			}
			for (j = 0; j < m; j++) {
				if (d[j] < 0x80 && d[j] >= 'a' && d[j] <= 'z')
					latin = 1;
				else if (d[j] >= 0xC0 && d[j] < 0x250)
					latin = 1;
				ar_buf__put_cp(out, (uint32_t)d[j]);
			}
		}
	}
	out->ptr[out->size] = '\0';
	return arabic  ? AR_NAMES_ARABIC
	       : latin ? AR_NAMES_LATIN
	               : AR_NAMES_OTHER;
}
