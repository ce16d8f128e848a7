/*
 * analyse.c - the speller's verdict on one word: accepted by a dictionary
 * or a word list, a misspelled name (with the gazetteer's candidates), or
 * unknown.
 *
 * Words are checked against the lexicon's dictionaries (dict.c: the
 * library's reader of hunspell files where it can read them, hunspell
 * otherwise), the word store (names.c: gazetteer, loanwords, personal
 * words), and regular derivations of names.  An Arabic word is read with
 * each of its proclitic readings (clitic.c).  The common slips of hamza
 * and final letters are told apart from names' typos.
 */
#include "config.h"

#include "chars.h"
#include "clitic.h"
#include "spell_int.h"

#include <stdlib.h>

/* Does a dictionary of the word's script accept w (NUL-terminated)?
 * -1 when out of memory. */
static int dict_ok(ar_speller *sp, int arabic, const char *w)
{
	size_t i, n = ar_lexicon__count(sp->lex), len = strlen(w);
	for (i = 0; i < n; i++)
		if (ar_lexicon__arabic(sp->lex, i) == arabic) {
			int r = ar_dict__check(sp->lex, i, w, len);
			if (r != 0)
				return r;
		}
	return 0;
}

/* Copy of w without the harakat and tatweel (ar_char__harakat_or_tatweel:
 * what the Arabic dictionary is written without) nor zero-width joiners,
 * NUL-terminated in sp->norm.  Byte by byte, on the UTF-8 of those
 * characters: this is on the path of every new Arabic word. */
ar_status ar_spell__strip_marks(ar_speller *sp, const char *w, size_t len)
{
	const unsigned char *u = (const unsigned char *)w;
	size_t i = 0, n = 0;
	char *o;

	ar_buf__clear(&sp->norm);
	if (ar_buf__grow(&sp->norm, len) != AR_OK)
		return AR_ENOMEM;
	o = sp->norm.ptr;
	while (i < len) {
		/* U+064B..U+065F, U+0670, U+0640; U+200C, U+200D */
		if (u[i] == 0xD9 && i + 1 < len &&
		    ((u[i + 1] >= 0x8B && u[i + 1] <= 0x9F) ||
		     u[i + 1] == 0xB0 || u[i + 1] == 0x80)) {
			i += 2;
			continue;
		}
		if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x80 &&
		    (u[i + 2] == 0x8C || u[i + 2] == 0x8D)) {
			i += 3;
			continue;
		}
		o[n++] = w[i++];
	}
	o[n] = '\0';
	sp->norm.size = n;
	return AR_OK;
}

/* Byte offset in w just after its first n letters (marks skipped). */
static size_t after_letters(const char *w, size_t len, size_t n)
{
	size_t i = 0;
	while (i < len) {
		uint32_t c;
		size_t k = ar_utf8_decode(&c, w + i, len - i);
		if (k == 0)
			k = 1;
		else if (ar_char__harakat_or_tatweel(c)) {
			i += k;
			continue;
		}
		if (n == 0)
			return i;
		n--;
		i += k;
	}
	return i;
}

/* Put "ا" + f[0..len) in b and point *f, *len at it: the stem of a
 * reading where لل stands for ل + ال, whose alef is not written. */
static ar_status restore_alef(ar_buf *b, const char **f, size_t *len)
{
	ar_buf__clear(b);
	if (ar_buf__put(b, A_ALEF, 2) != AR_OK ||
	    ar_buf__put(b, *f, *len) != AR_OK)
		return AR_ENOMEM;
	*f = b->ptr;
	*len = b->size;
	return AR_OK;
}

/* Look a folded stem up in the word lists, as written or with the hamza
 * of its alefs left out. */
static long find_stem(ar_speller *sp, const char *f, size_t len, int elided,
                      unsigned *flags)
{
	long id;
	if (elided && restore_alef(&sp->tmp, &f, &len) != AR_OK)
		return -1;
	id = ar_names__find(sp->names, f, len, flags);
	if (id < 0)
		id = ar_names__find_variant(sp->names, f, len, flags);
	return id;
}

static int has_digit(const char *w, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t c;
		size_t k = ar_utf8_decode(&c, w + i, len - i);
		if (k == 0)
			k = 1;
		else if ((c >= '0' && c <= '9') ||
		         (c >= 0x0660 && c <= 0x0669) ||
		         (c >= 0x06F0 && c <= 0x06F9))
			return 1;
		i += k;
	}
	return 0;
}

static int is_acronym(const char *w, size_t len)
{
	size_t i, letters = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 'a' && c <= 'z')
			return 0;
		if (c >= 'A' && c <= 'Z')
			letters++;
		else if (c >= 0x80)
			return 0;
	}
	return letters >= 2;
}

/* Candidates that are ordinary dictionary words found only inside longer
 * names (World in "World Bank", الحريري in "رفيق الحريري") are less likely
 * targets: they cost one edit more.  A typo close only to such words is a
 * typo of an ordinary word: returns 0 then (no name candidate), else nm,
 * or -1 when out of memory. */
static int rank_names(ar_speller *sp, ar_names_match *m, int nm, int arabic)
{
	int i, names = 0;
	for (i = 0; i < nm; i++) {
		size_t l, j;
		const char *d;
		if (!(ar_names__flags(sp->names, m[i].id) & AR_NAMES_SOLO)) {
			d = ar_names__display(sp->names, m[i].id, &l);
			ar_buf__clear(&sp->tmp);
			if (ar_buf__put(&sp->tmp, d, l) != AR_OK ||
			    ar_buf__put(&sp->tmp, "", 1) != AR_OK)
				return -1;
			for (j = 0; j < l; j++)
				if (sp->tmp.ptr[j] >= 'A' &&
				    sp->tmp.ptr[j] <= 'Z')
					sp->tmp.ptr[j] =
					        (char)(sp->tmp.ptr[j] + 32);
			int r = dict_ok(sp, arabic, sp->tmp.ptr);
			if (r < 0)
				return -1;
			if (r) {
				m[i].cost += 64;
				continue;
			}
		}
		names++;
	}
	return names ? nm : 0;
}

/* Merge name candidates of one reading into v, keeping the best. */
static void add_matches(verdict *v, const ar_names_match *m, int nm, size_t pre,
                        size_t suf, int elided)
{
	int i, j;
	for (i = 0; i < nm; i++) {
		for (j = 0; j < v->nm; j++)
			if (v->m[j].id == m[i].id)
				break;
		if (j < v->nm) {
			if (v->m[j].cost <= m[i].cost)
				continue;
			/* remove the worse copy */
			for (; j + 1 < v->nm; j++) {
				v->m[j] = v->m[j + 1];
				v->mpre[j] = v->mpre[j + 1];
				v->msuf[j] = v->msuf[j + 1];
				v->elided[j] = v->elided[j + 1];
			}
			v->nm--;
		}
		for (j = v->nm; j > 0 && v->m[j - 1].cost > m[i].cost; j--)
			if (j < NAME_SUGS) {
				v->m[j] = v->m[j - 1];
				v->mpre[j] = v->mpre[j - 1];
				v->msuf[j] = v->msuf[j - 1];
				v->elided[j] = v->elided[j - 1];
			}
		if (j < NAME_SUGS) {
			v->m[j] = m[i];
			v->mpre[j] = pre;
			v->msuf[j] = suf;
			v->elided[j] = elided;
			if (v->nm < NAME_SUGS)
				v->nm++;
		}
	}
}

static ar_status analyse_latin(ar_speller *sp, const char *w, size_t len,
                               verdict *v)
{
	size_t base = len, i;
	unsigned fl = 0;
	long id;
	int script;
	ar_names_match m[NAME_SUGS];
	int nm, r;

	if (!(sp->flags & AR_SPELL_CHECK_ACRONYMS) && is_acronym(w, len))
		return AR_OK;
	/* possessive 's, ’s and s' */
	if (len > 3 && w[len - 1] == 's' && w[len - 2] == '\'')
		base = len - 2;
	else if (len > 5 && w[len - 1] == 's' &&
	         memcmp(w + len - 4, "\xe2\x80\x99", 3) == 0)
		base = len - 4;
	else if (len > 3 && w[len - 1] == '\'' && w[len - 2] == 's')
		base = len - 1;
	else if (len > 5 && w[len - 4] == 's' &&
	         memcmp(w + len - 3, "\xe2\x80\x99", 3) == 0)
		base = len - 3;
	script = ar_names__fold(&sp->fold, w, base, AR_FOLD_LIGHT);
	if (script < 0)
		return AR_ENOMEM;
	id = ar_names__find(sp->names, sp->fold.ptr, sp->fold.size, &fl);
	if (id >= 0) {
		v->gaz = (fl & AR_NAMES_GAZ) ? id : -1;
		v->suf = len - base;
		return AR_OK;
	}
	ar_buf__clear(&sp->norm);
	if (ar_buf__put(&sp->norm, w, len) != AR_OK)
		return AR_ENOMEM;
	if ((r = dict_ok(sp, 0, sp->norm.ptr)) != 0)
		return r < 0 ? AR_ENOMEM : AR_OK;
	if (base < len) {
		sp->norm.ptr[base] = '\0';
		if ((r = dict_ok(sp, 0, sp->norm.ptr)) != 0)
			return r < 0 ? AR_ENOMEM : AR_OK;
	}
	/* a hyphenated word is right when each part is */
	if (memchr(w, '-', base) && w[0] != '-' && w[base - 1] != '-') {
		size_t a = 0;
		int all = 1;
		for (i = 0; i <= base && all; i++)
			if (i == base || w[i] == '-') {
				verdict pv;
				memset(&pv, 0, sizeof pv);
				pv.gaz = -1;
				if (i == a ||
				    analyse_latin(sp, w + a, i - a, &pv) !=
				            AR_OK ||
				    pv.v != V_OK)
					all = 0;
				a = i + 1;
			}
		if (all)
			return AR_OK;
	}
	/* the plural of a one-word name (the Houthis, two iPhones) */
	if (base == len && len >= 6 && w[len - 1] == 's' && w[len - 2] != 's') {
		if (ar_names__fold(&sp->fold, w, len - 1, AR_FOLD_LIGHT) < 0)
			return AR_ENOMEM;
		id = ar_names__find(sp->names, sp->fold.ptr, sp->fold.size,
		                    &fl);
		if (id >= 0 && (fl & AR_NAMES_GAZ) && (fl & AR_NAMES_SOLO))
			return AR_OK;
	}
	script = ar_names__fold(&sp->fold, w, base, AR_FOLD_LIGHT);
	if (script < 0)
		return AR_ENOMEM;
	v->v = V_UNKNOWN;
	if (sp->flags & AR_SPELL_NO_SUGGEST)
		return AR_OK;
	nm = ar_names__match(sp->names, sp->fold.ptr, sp->fold.size,
	                     AR_NAMES_LATIN, m, NAME_SUGS);
	if (nm > 0)
		nm = rank_names(sp, m, nm, 0);
	if (nm < 0)
		return AR_ENOMEM;
	if (nm > 0) {
		v->v = V_NAME;
		add_matches(v, m, nm, 0, len - base, 0);
	}
	return AR_OK;
}

/*
 * Is folded stem st (sl bytes) an adjective or plural made from a name
 * with the nisba suffix -ī (ي, ية, يين, يون, يات, يان: الترامبية from
 * ترامب, الأوكرانيين from أوكرانيا), or a name ending in ي with a gender or
 * plural ending (الحوثية, الحوثيون from الحوثي)?  Such derivations are
 * regular for any name, so no list holds them all, and a typo rarely
 * adds one.  The name must be a one-word spelling of at least four
 * letters: shorter ones, and words of longer names, turn too many typos
 * into derivations (بوتيين is not بوت + يين).
 */
static int long_vowel_end(const char *s, size_t len)
{
	return len >= 2 && (memcmp(s + len - 2, A_ALEF, 2) == 0 ||
	                    memcmp(s + len - 2, "\xd9\x8a", 2) == 0 ||
	                    memcmp(s + len - 2, A_WAW, 2) == 0 ||
	                    memcmp(s + len - 2, "\xd9\x89", 2) == 0);
}

static int name_derivation(ar_speller *sp, const char *st, size_t sl)
{
	static const char *const nisba[] = { "\xd9\x8a",
		                             "\xd9\x8a\xd8\xa9",
		                             "\xd9\x8a\xd9\x8a\xd9\x86",
		                             "\xd9\x8a\xd9\x88\xd9\x86",
		                             "\xd9\x8a\xd8\xa7\xd8\xaa",
		                             "\xd9\x8a\xd8\xa7\xd9\x86",
		                             NULL };
	static const char *const ending[] = {
		"\xd8\xa9",         "\xd9\x8a\xd9\x86", "\xd9\x88\xd9\x86",
		"\xd8\xa7\xd8\xaa", "\xd8\xa7\xd9\x86", NULL
	};
	char b[256];
	int i, k;

	if (sl + 2 > sizeof b)
		return 0;
	for (k = 0; k < 2; k++)
		for (i = 0; (k ? ending : nisba)[i]; i++) {
			const char *x = (k ? ending : nisba)[i];
			size_t xl = strlen(x), bl = sl - xl;
			unsigned fl = 0;
			long id;
			if (sl < xl + 8 || memcmp(st + bl, x, xl) != 0)
				continue;
			/* the name itself ends in ي: keep it */
			if (k && memcmp(st + bl - 2, "\xd9\x8a", 2) != 0)
				continue;
			memcpy(b, st, bl);
			/* the nisba replaces a final long vowel: a name
			 * ending in one plus ي is a doubled letter */
			id = -1;
			if (k || !long_vowel_end(b, bl))
				id = find_stem(sp, b, bl, 0, &fl);
			if (id < 0 && !k) {
				/* أوكرانيا -> أوكراني: the final alef goes */
				memcpy(b + bl, A_ALEF, 2);
				id = find_stem(sp, b, bl + 2, 0, &fl);
			}
			if (id >= 0 && (fl & AR_NAMES_GAZ) &&
			    (fl & AR_NAMES_SOLO))
				return 1;
		}
	return 0;
}

/* Is folded word f, after some proclitic reading, a gazetteer word? */
static int known_name(ar_speller *sp, const char *f, size_t flen)
{
	ar_clitic_reading s[AR_CLITIC_READINGS];
	int ns = ar_clitic__readings(f, flen, s), i;

	for (i = 0; i < ns; i++) {
		unsigned fl = 0;
		if (find_stem(sp, f + s[i].skip, flen - s[i].skip, s[i].elided,
		              &fl) >= 0 &&
		    (fl & AR_NAMES_GAZ))
			return 1;
	}
	return 0;
}

/* The slips ar_spell__ortho_fix() corrects: an alef that lost its hamza, and a
 * final letter written for another. */
static const char *const ortho_hamza[] = { "\xd8\xa3", "\xd8\xa5",
	                                   "\xd8\xa2" }; /* أ إ آ */
static const char *const ortho_ends[][2] = {
	{ "\xd9\x87", A_TA_MARBUTA }, /* ه -> ة */
	{ "\xd9\x8a", "\xd9\x89" },   /* ي -> ى */
	{ "\xd9\x89", "\xd9\x8a" },   /* ى -> ي */
};
#define ORTHO_ENDS (sizeof ortho_ends / sizeof ortho_ends[0])

/*
 * The dictionary word that an unknown Arabic word misspells by the most
 * common slips of Arabic typing: the hamza of an initial alef left out
 * (الى for إلى; also after the article: الاخرى, بالاضافة), ه
 * written for a final ة, ي for a final ى or the reverse.  f is the
 * light-folded word and s[0..ns) its proclitic readings.  On success the
 * corrected word, folded and NUL-terminated, is in out and 1 is returned.
 * Only spellings that the Arabic dictionary accepts count.
 */
int ar_spell__ortho_fix(ar_speller *sp, const char *f, size_t flen,
                        const ar_clitic_reading *s, int ns, char *out,
                        size_t size)
{
	size_t pos[24];
	int np = 0, i, j, h, e = -1, fixed_end;

	/* a NUL would end the word early for hunspell and the caller */
	if (flen < 4 || flen + 1 > size || memchr(f, '\0', flen))
		return 0;
	for (i = 0; i < ns; i++) {
		size_t p = s[i].skip;
		if (s[i].elided || p + 4 > flen ||
		    memcmp(f + p, A_ALEF, 2) != 0)
			continue;
		/* the alef of the article takes no hamza: ال + a stem of
		 * three letters or more */
		if (flen - p > 8 && memcmp(f + p + 2, A_LAM, 2) == 0)
			continue;
		/* at the start, or after the article; right after و ب ل...
		 * a hamza would make too many words of names' typos
		 * (باقل: ب + أقل) */
		if (p != 0 &&
		    (p < 4 || memcmp(f + p - 4, A_ALEF A_LAM, 4) != 0))
			continue;
		for (j = 0; j < np && pos[j] != p; j++)
			;
		if (j == np)
			pos[np++] = p;
	}
	for (i = 0; i < (int)ORTHO_ENDS; i++)
		if (memcmp(f + flen - 2, ortho_ends[i][0], 2) == 0)
			e = i;
	if (np == 0 && e < 0)
		return 0;
	/* the end as written, then corrected; each with no hamza added, then
	 * with one at each place an alef may have lost it */
	for (fixed_end = 0; fixed_end <= (e >= 0); fixed_end++)
		for (j = -1; j < np; j++)
			for (h = 0; h < (j < 0 ? 1 : 3); h++) {
				if (!fixed_end && j < 0)
					continue;
				memcpy(out, f, flen);
				out[flen] = '\0';
				if (fixed_end)
					memcpy(out + flen - 2, ortho_ends[e][1],
					       2);
				if (j >= 0)
					memcpy(out + pos[j], ortho_hamza[h], 2);
				int r = dict_ok(sp, 1, out);
				if (r != 0)
					return r; /* 1, or -1 */
			}
	return 0;
}

static ar_status analyse_arabic(ar_speller *sp, const char *w, size_t len,
                                verdict *v)
{
	ar_clitic_reading sp_[AR_CLITIC_READINGS];
	int ns, i, r;
	ar_names_match m[NAME_SUGS];
	char *f;
	size_t flen;

	if (ar_names__fold(&sp->fold, w, len, AR_FOLD_LIGHT) < 0)
		return AR_ENOMEM;
	/* keep the folded word: sp->fold is reused below */
	ar_buf__clear(&sp->cand);
	if (ar_buf__put(&sp->cand, sp->fold.ptr, sp->fold.size) != AR_OK)
		return AR_ENOMEM;
	f = sp->cand.ptr;
	flen = sp->cand.size;
	ns = ar_clitic__readings(f, flen, sp_);
	for (i = 0; i < ns; i++) {
		unsigned fl = 0;
		long id = find_stem(sp, f + sp_[i].skip, flen - sp_[i].skip,
		                    sp_[i].elided, &fl);
		if (id >= 0) {
			v->gaz = (fl & AR_NAMES_GAZ) ? id : -1;
			v->pre = after_letters(w, len, sp_[i].letters);
			return AR_OK;
		}
	}
	if (ar_spell__strip_marks(sp, w, len) != AR_OK)
		return AR_ENOMEM;
	if ((r = dict_ok(sp, 1, sp->norm.ptr)) != 0)
		return r < 0 ? AR_ENOMEM : AR_OK;
	for (i = 0; i < ns; i++) {
		const char *st = f + sp_[i].skip;
		size_t sl = flen - sp_[i].skip;
		if (sp_[i].elided && restore_alef(&sp->norm, &st, &sl) != AR_OK)
			return AR_ENOMEM;
		if (name_derivation(sp, st, sl))
			return AR_OK;
	}
	v->v = V_UNKNOWN;
	if (sp->flags & AR_SPELL_NO_SUGGEST)
		return AR_OK;
	/* a common word with a slip of hamza, ة or ى is not a name's typo,
	 * unless the corrected word is a name */
	{
		char fix[512];
		r = ar_spell__ortho_fix(sp, f, flen, sp_, ns, fix, sizeof fix);
		if (r < 0)
			return AR_ENOMEM;
		if (r && !known_name(sp, fix, strlen(fix)))
			return AR_OK;
	}
	for (i = 0; i < ns; i++) {
		int nm;
		const char *stem = f + sp_[i].skip;
		size_t sl = flen - sp_[i].skip;
		if (sp_[i].elided &&
		    restore_alef(&sp->tmp, &stem, &sl) != AR_OK)
			return AR_ENOMEM;
		nm = ar_names__match(sp->names, stem, sl, AR_NAMES_ARABIC, m,
		                     NAME_SUGS);
		/* a reading with proclitics costs a little more */
		{
			int k;
			for (k = 0; k < nm; k++)
				m[k].cost += sp_[i].skip ? 64 : 0;
		}
		if (nm > 0)
			nm = rank_names(sp, m, nm, 1);
		if (nm < 0)
			return AR_ENOMEM;
		add_matches(v, m, nm, after_letters(w, len, sp_[i].letters), 0,
		            sp_[i].elided);
	}
	if (v->nm > 0)
		v->v = V_NAME;
	return AR_OK;
}

/* Script of a word: Arabic when it has an Arabic letter, else Latin
 * when it has a Latin letter (of ASCII to Latin Extended-B, without the
 * multiplication and division signs), else other. */
int ar_spell__script(const char *w, size_t len)
{
	size_t i = 0;
	int latin = 0;
	while (i < len) {
		uint32_t c;
		size_t k = ar_utf8__next(&c, w + i, len - i);
		if (k == 0)
			k = 1;
		else if (ar_char__arabic_letter(c) ||
		         (c >= 0x0750 && c <= 0x077F) ||
		         (c >= 0xFB50 && c <= 0xFEFC))
			return AR_NAMES_ARABIC;
		else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		         (c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7))
			latin = 1;
		i += k;
	}
	return latin ? AR_NAMES_LATIN : AR_NAMES_OTHER;
}

ar_status ar_spell__analyse(ar_speller *sp, const char *w, size_t len,
                            verdict *v)
{
	int script;
	unsigned fl = 0;

	memset(v, 0, sizeof *v);
	v->gaz = -1;
	if (has_digit(w, len))
		return AR_OK;
	script = ar_spell__script(w, len);
	if (script == AR_NAMES_OTHER)
		return AR_OK;
	/* personal words, as written (folded) */
	if (ar_names__fold(&sp->fold, w, len, AR_FOLD_LIGHT) < 0)
		return AR_ENOMEM;
	if (ar_names__find(sp->names, sp->fold.ptr, sp->fold.size, &fl) >= 0 &&
	    (fl & AR_NAMES_PERSONAL))
		return AR_OK;
	if (script == AR_NAMES_ARABIC)
		return analyse_arabic(sp, w, len, v);
	return analyse_latin(sp, w, len, v);
}

/* ---- the cache -------------------------------------------------------- */

/* Is letter y (2 bytes) letter x with a slip undone: a hamza on an alef,
 * or at the end of the word (last) one of ortho_ends? */
static int ortho_pair(const char *x, const char *y, int last)
{
	size_t i;

	if (memcmp(x, A_ALEF, 2) == 0)
		for (i = 0; i < 3; i++)
			if (memcmp(y, ortho_hamza[i], 2) == 0)
				return 1;
	for (i = 0; last && i < ORTHO_ENDS; i++)
		if (memcmp(x, ortho_ends[i][0], 2) == 0 &&
		    memcmp(y, ortho_ends[i][1], 2) == 0)
			return 1;
	return 0;
}

/* Is folded word b the folded word a with the slips ar_spell__ortho_fix() corrects
 * undone: hamzas on some alefs, ة for ه or ى for ي at the end? */
int ar_spell__ortho_variant(const char *a, size_t al, const char *b, size_t bl)
{
	size_t k;
	int diff = 0;

	if (al != bl || al < 4 || al % 2)
		return 0;
	for (k = 0; k < al; k += 2) {
		if (memcmp(a + k, b + k, 2) == 0)
			continue;
		if (!ortho_pair(a + k, b + k, k + 2 == al))
			return 0;
		diff = 1;
	}
	return diff;
}
