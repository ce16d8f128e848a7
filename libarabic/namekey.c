/*
 * namekey.c - the measures by which an unknown word is matched to a name
 * (names.c): the phonetic key of a Latin word, the consonant skeleton of
 * an Arabic word, and edit distances of folded forms.
 */
#include "config.h"

#include "names_int.h"

#include <stdlib.h>

/* ---- keys ------------------------------------------------------------- */

static int latin_vowel(int c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y';
}

static ar_status latin_key(ar_buf *out, const char *f, size_t len)
{
	char s[MAXW * 4 + 4], o[MAXW * 4 + 8];
	size_t n = 0, i, k = 0;

	for (i = 0; i < len && n < sizeof s - 4; i++)
		if (f[i] >= 'a' && f[i] <= 'z')
			s[n++] = f[i];
	s[n] = s[n + 1] = s[n + 2] = 0;
	for (i = 0; i < n;) {
		char c = s[i], a = s[i + 1], b = s[i + 2], r;
		size_t step = 1;

		if (latin_vowel(c)) {
			/* A word-initial vowel is kept as one marker; others
			 * are dropped, so that vowel changes cost nothing. */
			if (k == 0)
				o[k++] = 'A';
			i++;
			continue;
		}
		r = c;
		if (c == 'p' && a == 'h')
			r = 'f', step = 2;
		else if (c == 's' && a == 'c' && b == 'h')
			r = 'X', step = 3;
		else if (c == 't' && a == 's' && b == 'h')
			r = 'X', step = 3;
		else if (c == 't' && a == 'c' && b == 'h')
			r = 'X', step = 3;
		else if ((c == 's' || c == 'c' || c == 'z') && a == 'h')
			r = 'X', step = 2;
		else if (c == 'k' && a == 'h')
			r = 'h', step = 2;
		else if (c == 'g' && a == 'h')
			r = 'g', step = 2;
		else if (c == 't' && a == 'h')
			r = 't', step = 2;
		else if (c == 'd' && a == 'h')
			r = 'd', step = 2;
		else if (c == 'd' && (a == 'j' || (a == 'z' && b == 'h')))
			r = 'j', step = a == 'j' ? 2 : 3;
		else if (c == 'c' && a == 'k')
			r = 'k', step = 2;
		else if (c == 'c')
			r = (a == 'e' || a == 'i' || a == 'y') ? 's' : 'k';
		else if (c == 'q')
			r = 'k';
		else if (c == 'z')
			r = 's';
		else if (c == 'v' || c == 'w')
			r = 'f';
		else if (c == 'x') {
			if (!(k && o[k - 1] == 'k'))
				o[k++] = 'k';
			r = 's';
		} else if (c == 'h') {
			/* h after a vowel at the end (Sarah) is silent */
			if (i + 1 == n && i > 0 && latin_vowel(s[i - 1])) {
				i++;
				continue;
			}
		}
		i += step;
		if (k && o[k - 1] == r)
			continue; /* doubled letters, and ff/v at the end */
		o[k++] = r;
	}
	ar_buf__clear(out);
	return ar_buf__put(out, o, k);
}

static uint32_t arabic_class(uint32_t c)
{
	switch (c) {
	case 0x062C:
	case 0x063A:
	case 0x0642:
	case 0x0643:
	case 0x06AF:
	case 0x06A8:
	case 0x06AD:
		return 'G'; /* ج غ ق ك گ ڨ ڭ: the g of foreign names */
	case 0x062A:
	case 0x0637:
		return 'T'; /* ت ط */
	case 0x0633:
	case 0x0635:
	case 0x062B:
		return 'S'; /* س ص ث */
	case 0x0632:
	case 0x0630:
	case 0x0638:
		return 'Z'; /* ز ذ ظ */
	case 0x062F:
	case 0x0636:
		return 'D'; /* د ض */
	case 0x0647:
	case 0x062D:
		return 'H'; /* ه ح */
	default:
		return c;
	}
}

static int arabic_weak(uint32_t c)
{
	/* long vowels and hamza seats */
	return c == 0x0627 || c == 0x0648 || c == 0x064A || c == 0x0621 ||
	       c == 0x0624 || c == 0x0626 || c == 0x0649;
}

static ar_status arabic_key(ar_buf *out, const char *f, size_t len)
{
	size_t i = 0;
	uint32_t last = 0;
	int first = 1;
	ar_status st = AR_OK;

	ar_buf__clear(out);
	while (i < len && st == AR_OK) {
		uint32_t c;
		size_t k = ar_utf8_decode(&c, f + i, len - i);
		if (k == 0) {
			i++;
			continue;
		}
		i += k;
		if (arabic_weak(c)) {
			if (first)
				st = ar_buf__put(out, "A", 1);
			first = 0;
			continue;
		}
		first = 0;
		if (c == last)
			continue; /* a doubled letter */
		last = c;
		st = ar_buf__put_cp(out, arabic_class(c));
	}
	if (!out->ptr)
		st = ar_buf__put(out, "", 0);
	return st;
}

ar_status ar_names__key(ar_buf *out, const char *folded, size_t len, int script)
{
	if (script == AR_NAMES_ARABIC)
		return arabic_key(out, folded, len);
	return latin_key(out, folded, len);
}

/* ---- distance --------------------------------------------------------- */

size_t ar_names__to_cps(uint32_t *cp, size_t max, const char *s, size_t len)
{
	size_t i = 0, n = 0;
	while (i < len && n < max) {
		uint32_t c;
		size_t k = ar_utf8_decode(&c, s + i, len - i);
		if (k == 0) {
			c = (unsigned char)s[i];
			k = 1;
		}
		cp[n++] = c;
		i += k;
	}
	return n;
}

int ar_names__osa(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	int d[MAXW + 1][MAXW + 1];
	size_t i, j;

	for (i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= n; i++)
		for (j = 1; j <= m; j++) {
			int c = a[i - 1] == b[j - 1] ? 0 : 1;
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + c < v)
				v = d[i - 1][j - 1] + c;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

/*
 * A weighted variant of ar_names__osa() that ranks candidates by how likely each
 * edit is as a typo (costs in quarters of an edit): a letter for another
 * of the same dotless shape in Arabic script (ب ت ث ن ي, ج ح خ, د ذ, ر ز,
 * س ش, ص ض, ط ظ, ع غ, ف ق) or a neighbour on the keyboard (QWERTY, Arabic
 * 101) costs 2; a vowel for a vowel, a long vowel or vowel added or
 * dropped, or two letters swapped cost 3; a doubled letter 2; anything
 * else 4.
 */
static const char *const qwerty[] = { "qwertyuiop", "asdfghjkl", "zxcvbnm" };
static const uint32_t arkbd[3][12] = {
	{ 0x636, 0x635, 0x62B, 0x642, 0x641, 0x63A, 0x639, 0x647, 0x62E, 0x62D,
	  0x62C, 0x62F },
	{ 0x634, 0x633, 0x64A, 0x628, 0x644, 0x627, 0x62A, 0x646, 0x645, 0x643,
	  0x637, 0 },
	{ 0x626, 0x621, 0x624, 0x631, 0x649, 0x629, 0x648, 0x632, 0x638, 0, 0,
	  0 }
};
static const uint32_t rasm[][6] = { { 0x628, 0x62A, 0x62B, 0x646, 0x64A, 0 },
	                            { 0x62C, 0x62D, 0x62E, 0 },
	                            { 0x62F, 0x630, 0 },
	                            { 0x631, 0x632, 0 },
	                            { 0x633, 0x634, 0 },
	                            { 0x635, 0x636, 0 },
	                            { 0x637, 0x638, 0 },
	                            { 0x639, 0x63A, 0 },
	                            { 0x641, 0x642, 0 } };

static int in_list(const uint32_t *l, uint32_t c)
{
	for (; *l; l++)
		if (*l == c)
			return 1;
	return 0;
}

static int kbd_near(uint32_t a, uint32_t b)
{
	int r, i;
	for (r = 0; r < 3; r++)
		for (i = 0; qwerty[r][i]; i++)
			if ((uint32_t)qwerty[r][i] == a &&
			    ((i > 0 && (uint32_t)qwerty[r][i - 1] == b) ||
			     (uint32_t)qwerty[r][i + 1] == b))
				return 1;
	for (r = 0; r < 3; r++)
		for (i = 0; i < 12 && arkbd[r][i]; i++)
			if (arkbd[r][i] == a &&
			    ((i > 0 && arkbd[r][i - 1] == b) ||
			     (i < 11 && arkbd[r][i + 1] == b)))
				return 1;
	return 0;
}

static int is_vowel(uint32_t c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y' || c == 0x627 || c == 0x648 || c == 0x64A;
}

static int sub_cost(uint32_t a, uint32_t b)
{
	size_t g;
	if (a == b)
		return 0;
	for (g = 0; g < sizeof rasm / sizeof rasm[0]; g++)
		if (in_list(rasm[g], a) && in_list(rasm[g], b))
			return 2;
	if (kbd_near(a, b))
		return 2;
	if (is_vowel(a) && is_vowel(b))
		return 3;
	return 4;
}

/* Cost of inserting or deleting s[i] (of n). */
static int indel_cost(const uint32_t *s, size_t n, size_t i)
{
	if ((i > 0 && s[i - 1] == s[i]) || (i + 1 < n && s[i + 1] == s[i]))
		return 1;
	return is_vowel(s[i]) ? 3 : 4;
}

int ar_names__wdistance(const uint32_t *a, size_t n, const uint32_t *b,
                        size_t m)
{
	int d[MAXW + 1][MAXW + 1];
	size_t i, j;

	d[0][0] = 0;
	for (i = 1; i <= n; i++)
		d[i][0] = d[i - 1][0] + indel_cost(a, n, i - 1);
	for (j = 1; j <= m; j++)
		d[0][j] = d[0][j - 1] + indel_cost(b, m, j - 1);
	for (i = 1; i <= n; i++)
		for (j = 1; j <= m; j++) {
			int v = d[i - 1][j] + indel_cost(a, n, i - 1);
			int x = d[i][j - 1] + indel_cost(b, m, j - 1);
			if (x < v)
				v = x;
			x = d[i - 1][j - 1] + sub_cost(a[i - 1], b[j - 1]);
			if (x < v)
				v = x;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 3 < v)
				v = d[i - 2][j - 2] + 3;
			d[i][j] = v;
		}
	return d[n][m];
}

int ar_names__distance(const char *a, size_t alen, const char *b, size_t blen)
{
	uint32_t x[MAXW], y[MAXW];
	size_t n = ar_names__to_cps(x, MAXW, a, alen),
	       m = ar_names__to_cps(y, MAXW, b, blen);
	return ar_names__osa(x, n, y, m);
}
