/*
 * names.c - the word store of the spell-checker: the names gazetteer
 * (dict/FORMAT.md), the loanword supplement and personal dictionaries,
 * with a fuzzy index that finds the names close to an unknown word.
 *
 * Words are keyed by a folded form (case, accents, Arabic diacritics and
 * the alef / alef maqsura / ta marbuta spelling variation removed).  A
 * name typo is found by three measures (issue "arspell"):
 *  - the restricted Damerau-Levenshtein distance of the folded forms;
 *  - for Latin script, a phonetic key made for transliterated names: vowels
 *    after the first letter dropped, doubled letters merged, ph = f,
 *    v = w = f (so -off = -ov), c/q/ck = k, z = s, sh/ch/sch/zh as one
 *    sound, kh = h, th = t, dh = d, gh = g;
 *  - for Arabic script, a consonant skeleton: long vowels (alef, waw, ya)
 *    and hamza seats dropped after the first letter, and the letters that
 *    transliterations of one foreign sound alternate between merged
 *    (g: ج غ ق ك گ; t: ت ط; s: س ص ث; z: ز ذ ظ; d: د ض; h: ه ح; f: ف ڤ;
 *    p/b: ب پ).
 * The index maps the folded form, the key and every form with one
 * character deleted of each (a "deletion neighbourhood", as in the
 * symmetric-delete method) to word ids, so that a query looks up a few
 * dozen hashes instead of scanning the gazetteer.
 */
#include "config.h"

#include "chars.h"
#include "freq.h"
#include "names_int.h"

#include <stdio.h>
#include <stdlib.h>

ar_status ar_names__new(ar_names **out)
{
	ar_names *n = calloc(1, sizeof *n);
	if (!n)
		return AR_ENOMEM;
	n->nslots = 1024;
	n->slots = calloc(n->nslots, sizeof *n->slots);
	n->nmembers = 1;
	if (!n->slots || ar_array__grow((void **)&n->members, &n->amembers, 1,
	                                sizeof *n->members) != 0) {
		ar_names__free(n);
		return AR_ENOMEM;
	}
	*out = n;
	return AR_OK;
}

void ar_names__free(ar_names *n)
{
	if (!n)
		return;
	ar_buf_dispose(&n->arena);
	ar_buf_dispose(&n->tmp);
	ar_buf_dispose(&n->tmp2);
	ar_buf_dispose(&n->tmp3);
	free(n->words);
	free(n->slots);
	free(n->members);
	free(n->gfirst);
	free(n->gcount);
	free(n->gwords);
	free(n->buckets);
	free(n->nodes);
	free(n->aslots);
	free(n->personal);
	free(n);
}

/* ---- word table ------------------------------------------------------- */

long ar_names__find(const ar_names *n, const char *folded, size_t len,
                    unsigned *flags)
{
	uint64_t h = ar_hash__bytes(folded, len);
	size_t mask = n->nslots - 1, i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		uint32_t s = n->slots[i];
		const word *w;
		if (!s)
			return -1;
		w = &n->words[s - 1];
		if (w->fold_len == len &&
		    memcmp(ar_names__wfold(n, w), folded, len) == 0) {
			if (flags)
				*flags = w->flags;
			return (long)(s - 1);
		}
	}
}

static int has_hamza_alef(const char *f, size_t len)
{
	size_t i;
	for (i = 0; i + 1 < len; i++)
		if (((unsigned char)f[i] == 0xD8 &&
		     ((unsigned char)f[i + 1] == 0xA2 ||
		      (unsigned char)f[i + 1] == 0xA3 ||
		      (unsigned char)f[i + 1] == 0xA5)) ||
		    ((unsigned char)f[i] == 0xD9 &&
		     (unsigned char)f[i + 1] == 0xB1))
			return 1;
	return 0;
}

/*
 * Aliases: other keys under which an Arabic word is found.
 *  - 'A': its alef fold, for a word with a hamzated alef (أمازون is found
 *    as امازون: leaving the hamza out is common and accepted);
 *  - 'G': for a word of a name whose Latin spelling has a g, the form
 *    with each of ج غ ق گ ڨ ڭ written غ, as written and (for a word with a
 *    hamzated alef) in its alef fold.  Arabic has no letter for the g of
 *    foreign names, and writers use any of these for it: Egyptian ج
 *    (جوجل), Levantine and Iraqi غ (غوغل), Gulf ق (قوقل), Persian گ,
 *    Maghrebi ڨ.  So any of them is an accepted spelling of such a name
 *    (أردوجان for أردوغان), which the gazetteer cannot list exhaustively.
 * A typo is rarely one of these letters for another: they differ in shape
 * and are not neighbours on the keyboard.
 */
static int is_g_letter(const unsigned char *p)
{
	return (p[0] == 0xD8 && (p[1] == 0xAC || p[1] == 0xBA)) ||
	       (p[0] == 0xD9 && p[1] == 0x82) ||
	       (p[0] == 0xDA && (p[1] == 0xAF || p[1] == 0xA8 || p[1] == 0xAD));
}

static int has_g_letter(const char *f, size_t len)
{
	size_t i;
	for (i = 0; i + 1 < len; i++)
		if (is_g_letter((const unsigned char *)f + i))
			return 1;
	return 0;
}

/* The alias key of kind `kind` of light-folded word f in out; alef: use
 * the alef fold (kind 'G' only). */
static int alias_key(ar_buf *out, const char *f, size_t len, char kind,
                     int alef)
{
	size_t i;
	int mode = kind == 'A' || alef ? AR_FOLD_ALEF : AR_FOLD_LIGHT;
	if (ar_names__fold(out, f, len, mode) < 0)
		return -1;
	if (kind == 'G')
		for (i = 0; i + 1 < out->size; i++)
			if (is_g_letter((unsigned char *)out->ptr + i)) {
				out->ptr[i] = (char)0xD8;
				out->ptr[i + 1] = (char)0xBA;
				i++;
			}
	return 0;
}

static uint64_t alias_hash(char kind, const char *k, size_t len)
{
	return ar_hash__seeded((unsigned char)kind, k, len);
}

static int add_alias(ar_names *n, uint32_t id, char kind, int alef)
{
	const word *w = &n->words[id];
	size_t i, mask;
	uint64_t h;

	if (alias_key(&n->tmp2, ar_names__wfold(n, w), w->fold_len, kind,
	              alef) < 0)
		return -1;
	if ((n->nalias + 1) * 2 > n->naslots) {
		size_t ns = n->naslots ? n->naslots * 2 : 256;
		struct alias *a = calloc(ns, sizeof *a);
		if (!a)
			return -1;
		for (i = 0; i < n->naslots; i++) {
			size_t j;
			if (!n->aslots[i].word)
				continue;
			j = (size_t)n->aslots[i].h & (ns - 1);
			while (a[j].word)
				j = (j + 1) & (ns - 1);
			a[j] = n->aslots[i];
		}
		free(n->aslots);
		n->aslots = a;
		n->naslots = ns;
	}
	h = alias_hash(kind, n->tmp2.ptr, n->tmp2.size);
	mask = n->naslots - 1;
	for (i = (size_t)h & mask; n->aslots[i].word; i = (i + 1) & mask)
		;
	n->aslots[i].h = h;
	n->aslots[i].word = id + 1;
	n->nalias++;
	return 0;
}

/* The G aliases of word id (see above). */
static int add_g_aliases(ar_names *n, uint32_t id)
{
	const word *w = &n->words[id];
	if (!has_g_letter(ar_names__wfold(n, w), w->fold_len))
		return 0;
	if (add_alias(n, id, 'G', 0) != 0)
		return -1;
	w = &n->words[id];
	if (has_hamza_alef(ar_names__wfold(n, w), w->fold_len) &&
	    add_alias(n, id, 'G', 1) != 0)
		return -1;
	return 0;
}

/* Find key k (of the given kind) among the aliases: word id or -1. */
static long find_alias(ar_names *n, char kind, const char *k, size_t len,
                       unsigned *flags)
{
	uint64_t h;
	size_t i, mask;
	int alef;

	if (!n->naslots)
		return -1;
	h = alias_hash(kind, k, len);
	mask = n->naslots - 1;
	for (i = (size_t)h & mask; n->aslots[i].word; i = (i + 1) & mask) {
		const word *w;
		if (n->aslots[i].h != h)
			continue;
		w = &n->words[n->aslots[i].word - 1];
		for (alef = 0; alef < 2; alef++) {
			if (alias_key(&n->tmp2, ar_names__wfold(n, w),
			              w->fold_len, kind, alef) < 0)
				return -1;
			if (n->tmp2.size == len &&
			    memcmp(n->tmp2.ptr, k, len) == 0) {
				if (flags)
					*flags = w->flags;
				return (long)(n->aslots[i].word - 1);
			}
		}
	}
	return -1;
}

/* The alias lookups of a light-folded Arabic word. */
static long find_aliases(ar_names *n, const char *f, size_t len,
                         unsigned *flags)
{
	long id = -1;
	if (!has_hamza_alef(f, len))
		id = find_alias(n, 'A', f, len, flags);
	if (id < 0 && has_g_letter(f, len)) {
		if (alias_key(&n->tmp3, f, len, 'G', 0) < 0)
			return -1;
		id = find_alias(n, 'G', n->tmp3.ptr, n->tmp3.size, flags);
	}
	return id;
}

long ar_names__find_variant(ar_names *n, const char *folded, size_t len,
                            unsigned *flags)
{
	long id = find_aliases(n, folded, len, flags);
	unsigned fl = 0;

	/* A foreign name ending in -a is also written with a final ta
	 * marbuta (بنزيمة for بنزيما, سورية for سوريا); not the other way
	 * round, which would accept a typo of an Arabic name (القاهرا). */
	if (id < 0 && len >= 8 && (unsigned char)folded[len - 2] == 0xD8 &&
	    (unsigned char)folded[len - 1] == 0xA9) {
		/* a word's own buffer: the ranker asks for every candidate */
		char small[256], *q = len <= sizeof small ? small : malloc(len);
		if (!q)
			return -1;
		memcpy(q, folded, len);
		q[len - 1] = (char)0xA7; /* ة -> ا */
		id = ar_names__find(n, q, len, &fl);
		if (id < 0)
			id = find_aliases(n, q, len, &fl);
		if (q != small)
			free(q);
		if (id >= 0 && !(fl & AR_NAMES_GAZ))
			id = -1;
		if (id >= 0 && flags)
			*flags = fl;
	}
	return id;
}

static int rehash_words(ar_names *n)
{
	size_t ns = n->nslots * 2, i;
	uint32_t *s = calloc(ns, sizeof *s);
	if (!s)
		return -1;
	for (i = 0; i < n->nwords; i++) {
		const word *w = &n->words[i];
		size_t j = (size_t)ar_hash__bytes(ar_names__wfold(n, w),
		                                  w->fold_len) &
		           (ns - 1);
		while (s[j])
			j = (j + 1) & (ns - 1);
		s[j] = (uint32_t)(i + 1);
	}
	free(n->slots);
	n->slots = s;
	n->nslots = ns;
	return 0;
}

static int is_ascii(const char *s, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* Count the gazetteer lines a word appears on: words shared by several
 * entries (a family name, a city in several names) are the commoner
 * ones, which ranks them first among equally close candidates. */
static void count_entry(ar_names *n, word *x)
{
	if (n->entry && x->last_entry != n->entry) {
		x->last_entry = n->entry;
		if (x->entries < 0xFFFF)
			x->entries++;
	}
}

/* Add (or find) a word given as written; returns its id or -1 (ENOMEM),
 * -2 when the word folds to nothing. */
/* Note word id as a word of a personal list. */
static int add_personal(ar_names *n, uint32_t id)
{
	if (ar_array__grow((void **)&n->personal, &n->apersonal,
	                   n->npersonal + 1, sizeof *n->personal) != 0)
		return -1;
	n->personal[n->npersonal++] = id;
	return 0;
}

static long add_word(ar_names *n, unsigned flag, const char *w, size_t len)
{
	int script = ar_names__fold(&n->tmp, w, len, AR_FOLD_LIGHT);
	long id;
	word *x;
	size_t off;

	if (script < 0)
		return -1;
	if (n->tmp.size == 0)
		return -2;
	if (n->user && (flag & AR_NAMES_GAZ))
		flag |= AR_NAMES_USER;
	if (n->gsound && (flag & AR_NAMES_GAZ) && script == AR_NAMES_ARABIC)
		flag |= AR_NAMES_GSOUND;
	id = ar_names__find(n, n->tmp.ptr, n->tmp.size, NULL);
	if (id >= 0) {
		x = &n->words[id];
		if ((flag & AR_NAMES_GSOUND) && !(x->flags & AR_NAMES_GSOUND)) {
			x->flags |= AR_NAMES_GSOUND;
			if (add_g_aliases(n, (uint32_t)id) != 0)
				return -1;
			x = &n->words[id];
		}
		if ((flag & AR_NAMES_PERSONAL) &&
		    !(x->flags & AR_NAMES_PERSONAL) &&
		    add_personal(n, (uint32_t)id) != 0)
			return -1;
		x = &n->words[id];
		x->flags |= (uint8_t)flag;
		if (x->plain_len == 0 && is_ascii(w, len) &&
		    !is_ascii(n->arena.ptr + x->disp_off, x->disp_len)) {
			off = n->arena.size;
			if (ar_buf__put(&n->arena, w, len) != AR_OK)
				return -1;
			x = &n->words[id];
			x->plain_off = (uint32_t)off;
			x->plain_len = (uint32_t)len;
		}
		count_entry(n, x);
		return id;
	}
	if ((n->nwords + 1) * 2 > n->nslots && rehash_words(n) != 0)
		return -1;
	if (ar_array__grow((void **)&n->words, &n->awords, n->nwords + 1,
	                   sizeof *n->words) != 0)
		return -1;
	off = n->arena.size;
	if (ar_buf__put(&n->arena, n->tmp.ptr, n->tmp.size) != AR_OK ||
	    ar_buf__put(&n->arena, w, len) != AR_OK)
		return -1;
	x = &n->words[n->nwords];
	memset(x, 0, sizeof *x);
	x->fold_off = (uint32_t)off;
	x->fold_len = (uint32_t)n->tmp.size;
	x->disp_off = (uint32_t)(off + n->tmp.size);
	x->disp_len = (uint32_t)len;
	x->flags = (uint8_t)flag;
	x->script = (uint8_t)script;
	count_entry(n, x);
	{
		size_t mask = n->nslots - 1;
		size_t j =
		        (size_t)ar_hash__bytes(n->tmp.ptr, n->tmp.size) & mask;
		while (n->slots[j])
			j = (j + 1) & mask;
		n->slots[j] = (uint32_t)(n->nwords + 1);
	}
	n->nwords++;
	if ((flag & AR_NAMES_PERSONAL) &&
	    add_personal(n, (uint32_t)(n->nwords - 1)) != 0)
		return -1;
	if (script == AR_NAMES_ARABIC &&
	    has_hamza_alef(n->tmp.ptr, n->tmp.size) &&
	    add_alias(n, (uint32_t)(n->nwords - 1), 'A', 1) != 0)
		return -1;
	if ((flag & AR_NAMES_GSOUND) &&
	    add_g_aliases(n, (uint32_t)(n->nwords - 1)) != 0)
		return -1;
	return (long)(n->nwords - 1);
}

ar_status ar_names__add_word(ar_names *n, unsigned flag, const char *w,
                             size_t len)
{
	long id = add_word(n, flag, w, len);
	return id == -1 ? AR_ENOMEM : AR_OK;
}

const char *ar_names__display(const ar_names *n, long id, size_t *len)
{
	const word *w = &n->words[id];
	*len = w->disp_len;
	return n->arena.ptr + w->disp_off;
}

const char *ar_names__display_plain(const ar_names *n, long id, size_t *len)
{
	const word *w = &n->words[id];
	if (!w->plain_len)
		return ar_names__display(n, id, len);
	*len = w->plain_len;
	return n->arena.ptr + w->plain_off;
}

/* ---- gazetteer parsing ------------------------------------------------ */

static const char *const types[] = { "person", "company",  "product",
	                             "org",    "country",  "city",
	                             "region", "language", "currency",
	                             "other",  NULL };

/* Split a spelling into its words (separated by spaces); hyphenated
 * words are also added part by part.  Word ids go to ids (at most max);
 * returns their number, or -1 on ENOMEM. */
size_t ar_names__count(const ar_names *n)
{
	return n->nwords;
}

unsigned ar_names__flags(const ar_names *n, long id)
{
	return n->words[id].flags;
}

/* Is the NUL-terminated t in s[0..len)? */
static int strstr_n(const char *s, size_t len, const char *t)
{
	size_t tl = strlen(t), i;
	for (i = 0; i + tl <= len; i++)
		if (memcmp(s + i, t, tl) == 0)
			return 1;
	return 0;
}

/* A g, G or ğ in a Latin word. */
static int has_g(const char *w, size_t len)
{
	return memchr(w, 'g', len) || memchr(w, 'G', len) ||
	       strstr_n(w, len, "\xc4\x9f") || strstr_n(w, len, "\xc4\x9e");
}

static int count_words(const char *s, size_t len)
{
	size_t i;
	int k = 0;
	for (i = 0; i < len; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			k++;
	return k;
}

/* Does word pos of a spelling of nw words stand for a Latin word with a g
 * (g, G, ğ)?  It does when a Latin spelling of the entry with as many
 * words has a g at that position (رجب طيب أردوغان, Recep Tayyip Erdoğan);
 * with no such spelling, nothing can be said. */
static int latin_g(const ar_names *n, int nw, int pos)
{
	int f;
	for (f = 0; f < 2; f++) {
		const char *v = n->lat[f];
		size_t len = n->latlen[f], i = 0;
		if (!v || (len == 1 && v[0] == '-'))
			continue;
		while (i <= len) {
			size_t j = i, a, b;
			int w = 0;
			while (j < len && v[j] != '|')
				j++;
			if (count_words(v + i, j - i) == nw)
				for (a = i; a < j;) {
					while (a < j && v[a] == ' ')
						a++;
					b = a;
					while (b < j && v[b] != ' ')
						b++;
					if (w++ == pos && has_g(v + a, b - a))
						return 1;
					a = b;
				}
			i = j + 1;
		}
	}
	return 0;
}

static int spelling_words(ar_names *n, const char *s, size_t len, long *ids,
                          int max)
{
	size_t i = 0;
	int k = 0, nw = count_words(s, len), pos = 0;
	unsigned solo = memchr(s, ' ', len) ? 0 : AR_NAMES_SOLO;

	while (i < len) {
		size_t j, a, b, p;
		long id;
		while (i < len && s[i] == ' ')
			i++;
		j = i;
		while (j < len && s[j] != ' ')
			j++;
		/* trim punctuation around the word: "Inc.", "(band)" */
		a = i;
		b = j;
		while (a < b && strchr("().,;:\"!?", s[a]))
			a++;
		while (b > a && strchr("().,;:\"!?", s[b - 1]))
			b--;
		i = j;
		if (a == b)
			continue;
		n->gsound = n->lat[0] && latin_g(n, nw, pos);
		pos++;
		id = add_word(n, AR_NAMES_GAZ | solo, s + a, b - a);
		n->gsound = 0;
		if (id == -1)
			return -1;
		if (id >= 0 && k < max)
			ids[k++] = id;
		for (p = a; p < b; p++)
			if (s[p] == '-')
				break;
		if (p < b) {
			size_t q = a;
			for (p = a; p <= b; p++)
				if (p == b || s[p] == '-') {
					if (p > q &&
					    add_word(n, AR_NAMES_GAZ, s + q,
					             p - q) == -1)
						return -1;
					q = p + 1;
				}
		}
	}
	return k;
}

#define MAXSP  32 /* spellings per field considered for groups */
#define MAXWPS 12 /* words per spelling considered for groups */

static ar_status add_member(ar_names *n, long id, uint32_t g, uint32_t v)
{
	member *m;
	if (ar_array__grow((void **)&n->members, &n->amembers, n->nmembers + 1,
	                   sizeof *n->members) != 0)
		return AR_ENOMEM;
	m = &n->members[n->nmembers];
	m->group = g;
	m->variant = v;
	m->next = n->words[id].groups;
	n->words[id].groups = (uint32_t)n->nmembers++;
	return AR_OK;
}

/* Are the words at one position of aligned spellings spellings of one
 * word (Gaddafi, Qaddafi), rather than different words that happen to
 * line up ("Amazon Web Services" and "خدمات أمازون ويب"; المغرب العربي
 * and بلاد المغرب, where المغرب and العربي are three edits apart)?  Each
 * must be within a third of its length, in edits, of the first, or
 * within half of it with the same phonetic key (تيليجرام, تلغرام: long
 * vowels left out, ج for غ).  1 or 0; -1 when out of memory (ka and kb:
 * scratch). */
static int similar_words(const ar_names *n, const long *ids, int nd, ar_buf *ka,
                         ar_buf *kb)
{
	const word *a = &n->words[ids[0]];
	int t;
	for (t = 1; t < nd; t++) {
		const word *b = &n->words[ids[t]];
		size_t la = a->fold_len, lb = b->fold_len;
		int d = ar_names__distance(ar_names__wfold(n, a), la,
		                           ar_names__wfold(n, b), lb);
		size_t longer = la > lb ? la : lb;
		/* lengths in bytes: Arabic letters take two */
		if (a->script == AR_NAMES_ARABIC)
			longer /= 2;
		if (d * 3 <= (int)longer)
			continue;
		if (d * 2 > (int)longer || a->script != b->script)
			return 0;
		if (ar_names__key(ka, ar_names__wfold(n, a), la, a->script) !=
		            AR_OK ||
		    ar_names__key(kb, ar_names__wfold(n, b), lb, b->script) !=
		            AR_OK)
			return -1;
		if (ka->size != kb->size || memcmp(ka->ptr, kb->ptr, ka->size))
			return 0;
	}
	return 1;
}

/* Make the variant groups of one script of one entry: spellings with the
 * same number of words are aligned word by word. */
static ar_status groups_of(ar_names *n, long ids[][MAXWPS], int *nw, int nsp,
                           ar_buf *ka, ar_buf *kb)
{
	int pos, s, r;

	if (nsp < 2)
		return AR_OK;
	for (s = 1; s < nsp; s++)
		if (nw[s] != nw[0])
			return AR_OK;
	for (pos = 0; pos < nw[0]; pos++) {
		long distinct[MAXSP] = { 0 };
		int nd = 0, t;
		for (s = 0; s < nsp; s++) {
			for (t = 0; t < nd; t++)
				if (distinct[t] == ids[s][pos])
					break;
			if (t == nd)
				distinct[nd++] = ids[s][pos];
		}
		if (nd < 2)
			continue;
		r = similar_words(n, distinct, nd, ka, kb);
		if (r < 0)
			return AR_ENOMEM;
		if (!r)
			continue;
		if (ar_array__grow((void **)&n->gfirst, &n->agroups,
		                   n->ngroups + 1, sizeof *n->gfirst) != 0)
			return AR_ENOMEM;
		{
			size_t cap = n->agroups;
			void *p = realloc(n->gcount, cap * sizeof *n->gcount);
			if (!p)
				return AR_ENOMEM;
			n->gcount = p;
		}
		if (ar_array__grow((void **)&n->gwords, &n->agwords,
		                   n->ngwords + (size_t)nd,
		                   sizeof *n->gwords) != 0)
			return AR_ENOMEM;
		n->gfirst[n->ngroups] = (uint32_t)n->ngwords;
		n->gcount[n->ngroups] = (uint32_t)nd;
		for (t = 0; t < nd; t++) {
			n->gwords[n->ngwords++] = (uint32_t)distinct[t];
			if (add_member(n, distinct[t], (uint32_t)n->ngroups,
			               (uint32_t)t) != AR_OK)
				return AR_ENOMEM;
		}
		n->ngroups++;
	}
	return AR_OK;
}

static ar_status make_groups(ar_names *n, long ids[][MAXWPS], int *nw, int nsp)
{
	ar_buf ka = AR_BUF_INIT, kb = AR_BUF_INIT;
	ar_status st = groups_of(n, ids, nw, nsp, &ka, &kb);
	ar_buf_dispose(&ka);
	ar_buf_dispose(&kb);
	return st;
}

/* Parse one field of '|'-separated spellings ("-" for none), adding the
 * words, and make its groups.  `first` is an extra spelling put first
 * (the canonical Latin one), or NULL. */
static ar_status parse_field(ar_names *n, const char *first, size_t flen,
                             const char *f, size_t len)
{
	int nw[MAXSP], nsp = 0;
	size_t i = 0;

	{
		long(*idv)[MAXWPS] = malloc(sizeof(long) * MAXSP * MAXWPS);
		ar_status st;
		if (!idv)
			return AR_ENOMEM;
		if (first) {
			nw[0] = spelling_words(n, first, flen, idv[0], MAXWPS);
			if (nw[0] < 0) {
				free(idv);
				return AR_ENOMEM;
			}
			nsp = 1;
		}
		if (!(len == 1 && f[0] == '-'))
			while (i <= len) {
				size_t j = i;
				int k;
				while (j < len && f[j] != '|')
					j++;
				if (j > i) {
					k = spelling_words(
					        n, f + i, j - i,
					        nsp < MAXSP ? idv[nsp] : idv[0],
					        nsp < MAXSP ? MAXWPS : 0);
					if (k < 0) {
						free(idv);
						return AR_ENOMEM;
					}
					if (nsp < MAXSP)
						nw[nsp++] = k;
				}
				i = j + 1;
			}
		st = make_groups(n, idv, nw, nsp);
		free(idv);
		return st;
	}
}

static int trim_cr(const char *s, size_t len)
{
	return len && s[len - 1] == '\r';
}

ar_status ar_names__parse(ar_names *n, const char *text, size_t len,
                          const char *source, ar_error *err)
{
	size_t i = 0;
	uint64_t line = 0;
	size_t bad;
	int builtin = source == NULL;
	char cur[256];

	n->user = !builtin;
	if (!ar_utf8_valid(text, len, &bad)) {
		size_t k;
		uint64_t l = 1, c = 1;
		for (k = 0; k < bad; k++)
			if (text[k] == '\n')
				l++, c = 1;
			else if (((unsigned char)text[k] & 0xC0) != 0x80)
				c++;
		ar_error__set(err, l, c, bad, "%s:%llu: invalid UTF-8",
		              source ? source : "(built-in names)",
		              (unsigned long long)l);
		if (err)
			snprintf(err->source, sizeof err->source, "%s",
			         source ? source : "(built-in names)");
		return AR_EUTF8;
	}
	/* The built-in text is several files, each after a "# FILE" line. */
	snprintf(cur, sizeof cur, "%s", source ? source : "(built-in names)");
	source = cur;
	while (i < len) {
		const char *s = text + i, *f[5];
		size_t e = i, l, fl[5];
		int nf = 0, t;
		const char *p;
		ar_status st;

		while (e < len && text[e] != '\n')
			e++;
		l = e - i;
		i = e + 1;
		line++;
		if (trim_cr(s, l))
			l--;
		if (builtin && l > 6 && s[0] == '#' && s[1] == ' ' &&
		    memcmp(s + l - 4, ".tsv", 4) == 0 &&
		    !memchr(s + 2, ' ', l - 2)) {
			snprintf(cur, sizeof cur, "%.*s", (int)(l - 2), s + 2);
			line = 0;
			continue;
		}
		if (l == 0 || s[0] == '#')
			continue;
		/* split on TAB */
		p = s;
		while (nf < 5) {
			const char *q = memchr(p, '\t', (size_t)(s + l - p));
			f[nf] = p;
			fl[nf] = q ? (size_t)(q - p) : (size_t)(s + l - p);
			nf++;
			if (!q)
				break;
			p = q + 1;
		}
		if (nf != 4) {
			ar_error__set(
			        err, line, 1, (uint64_t)(s - text),
			        "%s:%llu: expected 4 TAB-separated fields, "
			        "found %d",
			        source, (unsigned long long)line, nf);
			goto fail;
		}
		for (t = 0; types[t]; t++)
			if (strlen(types[t]) == fl[0] &&
			    memcmp(types[t], f[0], fl[0]) == 0)
				break;
		if (!types[t]) {
			ar_error__set(err, line, 1, (uint64_t)(s - text),
			              "%s:%llu: unknown type '%.*s'", source,
			              (unsigned long long)line, (int)fl[0],
			              f[0]);
			goto fail;
		}
		if (fl[1] == 0 || fl[2] == 0 || fl[3] == 0 ||
		    (fl[1] == 1 && f[1][0] == '-')) {
			ar_error__set(
			        err, line, 1, (uint64_t)(s - text),
			        "%s:%llu: empty field (write '-' for no "
			        "variants; the canonical name is required)",
			        source, (unsigned long long)line);
			goto fail;
		}
		n->entry++;
		st = parse_field(n, f[1], fl[1], f[2], fl[2]);
		n->lat[0] = f[1];
		n->latlen[0] = fl[1];
		n->lat[1] = f[2];
		n->latlen[1] = fl[2];
		if (st == AR_OK)
			st = parse_field(n, NULL, 0, f[3], fl[3]);
		n->lat[0] = n->lat[1] = NULL;
		if (st != AR_OK)
			return st;
		continue;
	fail:
		if (err)
			snprintf(err->source, sizeof err->source, "%.*s",
			         (int)sizeof err->source - 1, source);
		return AR_EDICT;
	}
	return AR_OK;
}

ar_status ar_names__load_builtin(ar_names *n, ar_error *err)
{
	ar_status st;
	if (ar_names__builtin_len) {
		st = ar_names__parse(n, ar_names__builtin,
		                     ar_names__builtin_len, NULL, err);
		if (st != AR_OK)
			return st;
	}
	if (ar_names__loanwords_len) {
		st = ar_names__parse_words(
		        n, AR_NAMES_LOAN, ar_names__loanwords,
		        ar_names__loanwords_len, "(built-in loanwords)", err);
		if (st != AR_OK)
			return st;
	}
	return AR_OK;
}

ar_status ar_names__load_attested(ar_names *n)
{
	size_t pos = 0, len;
	const char *w;

	while ((w = ar_freq__next_attested(&pos, &len)) != NULL)
		if (add_word(n, AR_NAMES_ATTESTED, w, len) == -1)
			return AR_ENOMEM;
	return AR_OK;
}

ar_status ar_names__parse_words(ar_names *n, unsigned flag, const char *text,
                                size_t len, const char *source, ar_error *err)
{
	size_t i = 0, bad;
	uint64_t line = 0;

	if (!ar_utf8_valid(text, len, &bad)) {
		size_t k;
		uint64_t l = 1;
		for (k = 0; k < bad; k++)
			if (text[k] == '\n')
				l++;
		ar_error__set(err, l, 0, bad, "%s:%llu: invalid UTF-8", source,
		              (unsigned long long)l);
		if (err)
			snprintf(err->source, sizeof err->source, "%s", source);
		return AR_EUTF8;
	}
	while (i < len) {
		const char *s = text + i;
		size_t e = i, l;
		const char *slash;
		while (e < len && text[e] != '\n')
			e++;
		l = e - i;
		i = e + 1;
		line++;
		if (trim_cr(s, l))
			l--;
		if (flag == AR_NAMES_PERSONAL &&
		    (slash = memchr(s, '/', l)) != NULL)
			l = (size_t)(slash - s);
		while (l && (s[l - 1] == ' ' || s[l - 1] == '\t'))
			l--;
		while (l && (s[0] == ' ' || s[0] == '\t'))
			s++, l--;
		if (l == 0 || s[0] == '#')
			continue;
		if (add_word(n, flag, s, l) == -1)
			return AR_ENOMEM;
	}
	return AR_OK;
}

/* ---- groups ----------------------------------------------------------- */

int ar_names__groups(const ar_names *n, long id, unsigned *groups,
                     unsigned *variants, int max)
{
	uint32_t m = n->words[id].groups;
	int k = 0;
	while (m && k < max) {
		groups[k] = n->members[m].group;
		variants[k] = n->members[m].variant;
		k++;
		m = n->members[m].next;
	}
	return k;
}

unsigned ar_names__ngroups(const ar_names *n)
{
	return (unsigned)n->ngroups;
}

long ar_names__group_word(const ar_names *n, unsigned group, unsigned variant,
                          unsigned *nvariants)
{
	if (nvariants)
		*nvariants = n->gcount[group];
	return n->gwords[n->gfirst[group] + variant];
}

int ar_names__personal_near(const ar_names *n, const char *folded, size_t len,
                            int script, long *ids, int max)
{
	int d[16], nout = 0, k, limit;
	size_t i, cps = 0;

	for (i = 0; i < len; i++)
		cps += ((unsigned char)folded[i] & 0xC0) != 0x80;
	limit = cps <= 4 ? 1 : 2;
	if (max > 16)
		max = 16;
	for (i = 0; i < n->npersonal; i++) {
		const word *w = &n->words[n->personal[i]];
		int dist;
		if (w->script != script)
			continue;
		dist = ar_names__distance(folded, len, ar_names__wfold(n, w),
		                          w->fold_len);
		if (dist == 0 || dist > limit)
			continue;
		/* insert in order of distance, first come first among equals */
		for (k = nout; k > 0 && d[k - 1] > dist; k--)
			if (k < max) {
				d[k] = d[k - 1];
				ids[k] = ids[k - 1];
			}
		if (k < max) {
			d[k] = dist;
			ids[k] = (long)n->personal[i];
			if (nout < max)
				nout++;
		}
	}
	return nout;
}
