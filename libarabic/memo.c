/*
 * memo.c - the speller's cache of verdicts and suggestions, one entry per
 * distinct word as written, and the making of suggestions: the
 * gazetteer's names for a misspelled name, hunspell's for an unknown
 * word, with the word a slip of hamza or final letter misspells put
 * first.
 */
#include "config.h"

#include "clitic.h"
#include "rank.h"
#include "spell_int.h"

#include <stdlib.h>
#include <string.h>

/* How much likelier than a word of the corpus counted as often a name
 * candidate of the gazetteer's matcher is: its first, and the others. */
#define RANK_NAME_FIRST 2.0
#define RANK_NAME       0.5

/* ---- the cache -------------------------------------------------------- */

void ar_spell__memo_clear(ar_speller *sp)
{
	size_t i;
	for (i = 0; i < sp->memo_slots; i++) {
		memo *m = &sp->memo[i];
		if (m->sugs) {
			uint16_t k;
			for (k = 0; k < m->nsugs; k++)
				free(m->sugs[k]);
			free(m->sugs);
		}
		memset(m, 0, sizeof *m);
	}
	sp->nmemo = 0;
	sp->sug_bytes = 0;
	ar_buf__clear(&sp->keys);
}

/* The bytes the cache holds: its slots, its keys and its suggestions. */
static size_t memo_size(const ar_speller *sp)
{
	return sp->memo_slots * sizeof *sp->memo + sp->keys.asize +
	       sp->sug_bytes;
}

/* Empty the cache and give its memory back (the budget is spent).  Only
 * where no caller holds an entry: at the start of a lookup. */
static void memo_release(ar_speller *sp)
{
	memo *small;

	ar_spell__memo_clear(sp);
	ar_buf_dispose(&sp->keys);
	if (sp->memo_slots > MEMO_SLOTS) {
		/* without memory for the small table, the big one stays,
		 * empty */
		small = calloc(MEMO_SLOTS, sizeof *small);
		if (small) {
			free(sp->memo);
			sp->memo = small;
			sp->memo_slots = MEMO_SLOTS;
		}
	}
}

/* Count the suggestions of m in the cache's size. */
static void count_sugs(ar_speller *sp, const memo *m)
{
	uint16_t k;
	/* each string, its pointer and the allocator's overhead */
	for (k = 0; k < m->nsugs; k++)
		sp->sug_bytes += strlen(m->sugs[k]) + 1 + sizeof(char *) + 16;
}

static ar_status memo_grow(ar_speller *sp)
{
	size_t ns = sp->memo_slots * 2, i;
	memo *nm = calloc(ns, sizeof *nm);
	if (!nm)
		return AR_ENOMEM;
	for (i = 0; i < sp->memo_slots; i++) {
		memo *m = &sp->memo[i];
		size_t j;
		if (!m->len)
			continue;
		j = (size_t)m->h & (ns - 1);
		while (nm[j].len)
			j = (j + 1) & (ns - 1);
		nm[j] = *m;
	}
	free(sp->memo);
	sp->memo = nm;
	sp->memo_slots = ns;
	return AR_OK;
}

/* Make a suggestion: prefix + name + suffix. */
char *ar_spell__make_sug(const char *pre, size_t pl, const char *name,
                         size_t nl, const char *suf, size_t sl)
{
	char *s = malloc(pl + nl + sl + 1);
	if (!s)
		return NULL;
	memcpy(s, pre, pl);
	memcpy(s + pl, name, nl);
	memcpy(s + pl + nl, suf, sl);
	s[pl + nl + sl] = '\0';
	return s;
}

/* Does the word have an alef with hamza (أ إ آ)? */
static int has_hamza_alef(const char *w, size_t len)
{
	size_t i;
	for (i = 0; i + 1 < len; i++)
		if ((unsigned char)w[i] == 0xD8 &&
		    ((unsigned char)w[i + 1] == 0xA2 ||
		     (unsigned char)w[i + 1] == 0xA3 ||
		     (unsigned char)w[i + 1] == 0xA5))
			return 1;
	return 0;
}

static int has_bare_alef(const char *w, size_t len)
{
	size_t i;
	for (i = 0; i + 1 < len; i++)
		if (memcmp(w + i, A_ALEF, 2) == 0)
			return 1;
	return 0;
}

/* Is s the word w[0..len) with hamzas on some of its alefs?  (ا is
 * D8 A7 in UTF-8, أ إ آ D8 A3, D8 A5, D8 A2: they differ in the second
 * byte.) */
static int hamzas_of(const char *s, const char *w, size_t len)
{
	const unsigned char *a = (const unsigned char *)w,
	                    *b = (const unsigned char *)s;
	size_t i;
	int added = 0;

	if (strlen(s) != len)
		return 0;
	for (i = 0; i < len; i++) {
		if (a[i] == b[i])
			continue;
		if (i == 0 || a[i - 1] != 0xD8 || a[i] != 0xA7 ||
		    (b[i] != 0xA3 && b[i] != 0xA5 && b[i] != 0xA2))
			return 0;
		added = 1;
	}
	return added;
}

/* Write the alefs of s without hamza, in place (same length in UTF-8):
 * a writer who leaves hamzas out gets suggestions in that style. */
static void drop_hamza_alef(char *s)
{
	for (; s[0] && s[1]; s++)
		if ((unsigned char)s[0] == 0xD8 &&
		    ((unsigned char)s[1] == 0xA2 ||
		     (unsigned char)s[1] == 0xA3 ||
		     (unsigned char)s[1] == 0xA5))
			s[1] = (char)0xA7;
}

/* The name candidates of Arabic word w, m->sugs[0..m->nsugs), and the
 * words one slip from it, ranked together (rank.c): the matcher's first
 * name counts more than the others.  On failure m is unchanged. */
static ar_status rank_names(ar_speller *sp, memo *m, const char *w, size_t len,
                            int bare)
{
	ar_rank_extra x[NAME_SUGS];
	char **list;
	size_t ns, i, k, j;

	for (i = 0; i < m->nsugs && i < NAME_SUGS; i++) {
		x[i].word = m->sugs[i];
		x[i].prior = i == 0 ? RANK_NAME_FIRST : RANK_NAME;
	}
	if (ar_spell__strip_marks(sp, w, len) != AR_OK ||
	    ar_rank__suggest(sp, sp->norm.ptr, sp->norm.size, x, i,
	                     sp->max_sugs, &list, &ns) != AR_OK)
		return AR_ENOMEM;
	if (ns == 0) {
		free(list);
		return AR_OK;
	}
	/* in the writer's style, without hamzas on alefs when the word has
	 * none: the two spellings of a word become one; but the word itself
	 * with its hamzas (الامر: الأمر) is the fix, and keeps them */
	for (i = k = 0; i < ns; i++) {
		if (bare && !hamzas_of(list[i], w, len))
			drop_hamza_alef(list[i]);
		for (j = 0; j < k && strcmp(list[j], list[i]) != 0; j++)
			;
		if (j < k ||
		    (strlen(list[i]) == len && memcmp(list[i], w, len) == 0))
			free(list[i]);
		else
			list[k++] = list[i];
	}
	if (k == 0) { /* nothing but the word itself: keep the names */
		free(list);
		return AR_OK;
	}
	ar_dict__free_list(m->sugs, m->nsugs);
	m->sugs = list;
	m->nsugs = (uint16_t)k;
	return AR_OK;
}

/* sugs_done of a name typo whose suggestions could not be made */
#define NAMES_REDO 2

static ar_status memo_names(ar_speller *sp, memo *m, const char *w, size_t len,
                            const verdict *v)
{
	int i, n = 0;
	int plain = 1;
	size_t b;
	int bare = ar_spell__script(w, len) == AR_NAMES_ARABIC &&
	           !has_hamza_alef(w, len) && has_bare_alef(w, len);
	int final_ta = len >= 8 && memcmp(w + len - 2, A_TA_MARBUTA, 2) == 0;
	/* a word typed in plain ASCII gets plain suggestions */
	for (b = 0; b < len; b++)
		if ((unsigned char)w[b] >= 0x80)
			plain = 0;
	m->nsugs = 0;
	m->sugs = calloc((size_t)v->nm, sizeof *m->sugs);
	if (!m->sugs)
		goto fail;
	for (i = 0; i < v->nm; i++) {
		size_t nl, k;
		const char *name =
		        plain ? ar_names__display_plain(sp->names, v->m[i].id,
		                                        &nl)
		              : ar_names__display(sp->names, v->m[i].id, &nl);
		char *s;
		/* only names nearly as close as the best one */
		if (i > 0 &&
		    (v->m[i].cost + 63) / 64 > (v->m[0].cost + 63) / 64 + 2)
			break;
		if (n >= (int)sp->max_sugs)
			break;
		if (v->elided[i] && nl > 2 && memcmp(name, A_ALEF, 2) == 0) {
			name += 2;
			nl -= 2;
		}
		s = ar_spell__make_sug(w, v->mpre[i], name, nl,
		                       w + len - v->msuf[i], v->msuf[i]);
		if (!s)
			goto fail;
		if (bare)
			drop_hamza_alef(s);
		/* and one who writes the -a of a name with ta marbuta gets
		 * that spelling, which is accepted too (بنزيمة) */
		if (final_ta && strlen(s) >= 8 &&
		    memcmp(s + strlen(s) - 2, A_ALEF, 2) == 0)
			memcpy(s + strlen(s) - 2, A_TA_MARBUTA, 2);
		for (k = 0; k < (size_t)n; k++)
			if (strcmp(m->sugs[k], s) == 0)
				break;
		if (k < (size_t)n || strcmp(s, "") == 0 ||
		    (strlen(s) == len && memcmp(s, w, len) == 0)) {
			free(s);
			continue;
		}
		m->sugs[n++] = s;
		m->nsugs = (uint16_t)n; /* recorded as made */
	}
	m->sugs_done = 1;
	if (n == 0) {
		/* every candidate was the word itself: treat as unknown */
		free(m->sugs);
		m->sugs = NULL;
		m->sugs_done = 0;
		m->verdict = V_UNKNOWN;
	} else if (ar_spell__script(w, len) == AR_NAMES_ARABIC &&
	           rank_names(sp, m, w, len, bare) != AR_OK) {
		goto fail;
	}
	return AR_OK;
fail:
	/* the entry stays a name typo whose suggestions are to be made
	 * again (NAMES_REDO): a later lookup, memory back, makes them */
	for (i = 0; m->sugs && i < (int)m->nsugs; i++)
		free(m->sugs[i]);
	free(m->sugs);
	m->sugs = NULL;
	m->nsugs = 0;
	m->sugs_done = NAMES_REDO;
	return AR_ENOMEM;
}

/* Make again the name suggestions of an entry whose making failed. */
static ar_status redo_names(ar_speller *sp, memo *m, const char *w, size_t len)
{
	verdict v;
	ar_status st = ar_spell__analyse(sp, w, len, &v);
	if (st != AR_OK)
		return st;
	if (v.v != V_NAME && !v.name_sugs) { /* cannot happen: the analysis
	                                        is the same */
		m->verdict = (uint8_t)v.v;
		m->sugs_done = 0;
		return AR_OK;
	}
	return memo_names(sp, m, w, len, &v);
}

/* The suggestion of a known error: its correction, behind the word's own
 * proclitics.  When out of memory the entry stays without it, to be made
 * on a later lookup. */
static ar_status known_sug(ar_speller *sp, memo *m, const char *w,
                           const verdict *v)
{
	const char *fx = sp->known_fix.ptr + v->kfix;
	if (!m->sugs && !(m->sugs = calloc(1, sizeof *m->sugs)))
		return AR_ENOMEM;
	m->sugs[0] = ar_spell__make_sug(w, v->pre, fx, strlen(fx), "", 0);
	if (!m->sugs[0])
		return AR_ENOMEM;
	m->nsugs = 1;
	m->sugs_done = 1;
	return AR_OK;
}

static memo *memo_find(ar_speller *sp, const char *w, size_t len, uint64_t h)
{
	size_t mask = sp->memo_slots - 1, i = (size_t)h & mask;
	for (;; i = (i + 1) & mask) {
		memo *m = &sp->memo[i];
		if (!m->len)
			return NULL;
		if (m->h == h && m->len == len &&
		    memcmp(sp->keys.ptr + m->off, w, len) == 0)
			return m;
	}
}

/* Cache a verdict; NULL when out of memory. */
static memo *memo_insert(ar_speller *sp, const char *w, size_t len, uint64_t h,
                         const verdict *v)
{
	size_t mask, i;
	memo *m;

	/* a table that would double past the budget is emptied instead
	 * (the old and new tables would be held at once) */
	if (sp->nmemo >= MEMO_MAX ||
	    ((sp->nmemo + 1) * 2 > sp->memo_slots &&
	     memo_size(sp) + 2 * sp->memo_slots * sizeof *sp->memo >
	             sp->memo_budget))
		ar_spell__memo_clear(sp);
	if ((sp->nmemo + 1) * 2 > sp->memo_slots && memo_grow(sp) != AR_OK)
		return NULL;
	if (ar_buf__put(&sp->keys, w, len) != AR_OK)
		return NULL;
	mask = sp->memo_slots - 1;
	for (i = (size_t)h & mask; sp->memo[i].len; i = (i + 1) & mask)
		;
	m = &sp->memo[i];
	memset(m, 0, sizeof *m);
	m->h = h;
	m->off = (uint32_t)(sp->keys.size - len);
	m->len = (uint32_t)len;
	m->verdict = (uint8_t)v->v;
	m->gaz = (int32_t)v->gaz;
	m->gaz_pre = (uint16_t)v->pre;
	m->gaz_suf = (uint16_t)v->suf;
	m->beside = (uint8_t)(v->beside != 0);
	sp->nmemo++;
	return m;
}

/* Is this cached entry a plain "correct" (not a gazetteer name, whose
 * use the consistency check must see with its own offsets)? */
static int plain_ok(const memo *m)
{
	return m && m->verdict == V_OK && m->gaz < 0;
}

/*
 * The cached verdict on a word, analysing it the first time; NULL for
 * what is not worth checking.  Two shortcuts spare hunspell: a word with
 * diacritics is right when the same letters without them were (hunspell
 * ignores the marks anyway), and a word of the conjunction و or ف plus a
 * known-right word is right (they attach to any word) -- unless that word
 * starts with و or ف itself: it may be right by its own conjunction
 * (والذي), which takes no second one (ووالذي), and the verdict must not
 * depend on which word the cache met first.
 */
ar_status ar_spell__lookup(ar_speller *sp, const char *w, size_t len,
                           memo **out)
{
	uint64_t h = ar_hash__bytes(w, len), lh = 0;
	verdict v;
	memo *m;
	ar_status st;
	int marked = 0;
	static const verdict ok = {
		V_OK,  -1, 0, 0, { { 0, 0, 0, 0 } }, 0, { 0 }, { 0 },
		{ 0 }, 0,  0, 0
	};

	if (memo_size(sp) > sp->memo_budget)
		memo_release(sp);
	*out = memo_find(sp, w, len, h);
	if (*out && (*out)->sugs_done == NAMES_REDO)
		return redo_names(sp, *out, w, len);
	if (*out && (*out)->verdict == V_KNOWN && !(*out)->sugs_done) {
		st = ar_spell__analyse(sp, w, len, &v);
		return st == AR_OK ? known_sug(sp, *out, w, &v) : st;
	}
	if (*out)
		return AR_OK;
	if (len == 0 || len > 1000)
		return AR_OK; /* not a word to check */
	if ((unsigned char)w[0] >= 0xD8) {
		if (ar_spell__strip_marks(sp, w, len) != AR_OK)
			return AR_ENOMEM;
		if (sp->norm.size != len) {
			marked = 1;
			lh = ar_hash__bytes(sp->norm.ptr, sp->norm.size);
			if (plain_ok(memo_find(sp, sp->norm.ptr, sp->norm.size,
			                       lh)))
				goto cache_ok;
		}
		if (len > 6 &&
		    (memcmp(w, A_WAW, 2) == 0 || memcmp(w, A_FA, 2) == 0) &&
		    memcmp(w + 2, A_WAW, 2) != 0 &&
		    memcmp(w + 2, A_FA, 2) != 0 &&
		    plain_ok(memo_find(sp, w + 2, len - 2,
		                       ar_hash__bytes(w + 2, len - 2))))
			goto cache_ok;
	}
	st = ar_spell__analyse(sp, w, len, &v);
	if (st != AR_OK)
		return st;
	m = memo_insert(sp, w, len, h, &v);
	if (!m)
		return AR_ENOMEM;
	if (v.v == V_NAME || v.name_sugs) {
		st = memo_names(sp, m, w, len, &v);
		if (st != AR_OK)
			return st;
		count_sugs(sp, m);
	}
	if (v.v == V_KNOWN && (st = known_sug(sp, m, w, &v)) != AR_OK)
		return st;
	if (marked && plain_ok(m)) {
		/* remember the bare letters too; m may move */
		size_t off = m->off;
		if (ar_spell__strip_marks(sp, w, len) != AR_OK ||
		    !memo_insert(sp, sp->norm.ptr, sp->norm.size, lh, &ok))
			return AR_ENOMEM;
		m = memo_find(sp, sp->keys.ptr + off, len, h);
		if (!m) /* the cache was emptied: look again */
			return ar_spell__lookup(sp, w, len, out);
	}
	*out = m;
	return AR_OK;
cache_ok:
	*out = memo_insert(sp, w, len, h, &ok);
	return *out ? AR_OK : AR_ENOMEM;
}

/* Put first among the suggestions of unknown Arabic word w the word it
 * misspells by a slip of hamza, ة or ى: hunspell's best such suggestion,
 * else the one ar_spell__ortho_fix() finds. */
static ar_status ortho_first(ar_speller *sp, memo *m, const char *w)
{
	char fix[512], *c;
	ar_clitic_reading s[AR_CLITIC_READINGS];
	int ns;
	size_t j, fl;

	if (ar_names__fold(&sp->fold, w, m->len, AR_FOLD_LIGHT) < 0)
		return AR_ENOMEM;
	for (j = 0; j < m->nsugs; j++) {
		if (ar_names__fold(&sp->tmp, m->sugs[j], strlen(m->sugs[j]),
		                   AR_FOLD_LIGHT) < 0)
			return AR_ENOMEM;
		if (ar_spell__ortho_variant(sp->fold.ptr, sp->fold.size,
		                            sp->tmp.ptr, sp->tmp.size))
			break;
	}
	if (j == m->nsugs) {
		ns = ar_clitic__readings(sp->fold.ptr, sp->fold.size, s);
		int r = ar_spell__ortho_fix(sp, sp->fold.ptr, sp->fold.size, s,
		                            ns, fix, sizeof fix);
		if (r <= 0)
			return r < 0 ? AR_ENOMEM : AR_OK;
		fl = strlen(fix) + 1;
		if (!(c = malloc(fl)))
			return AR_ENOMEM;
		memcpy(c, fix, fl);
		if (m->nsugs == sp->max_sugs)
			free(m->sugs[--m->nsugs]);
		j = m->nsugs++;
		m->sugs[j] = c;
	}
	c = m->sugs[j];
	memmove(m->sugs + 1, m->sugs, j * sizeof *m->sugs);
	m->sugs[0] = c;
	return AR_OK;
}

/* Add suggestion u (taken over: freed when it is a duplicate or empty)
 * to the n of m; 1 when it was added. */
static int take_sug(memo *m, size_t *n, char *u)
{
	size_t j;
	for (j = 0; j < *n; j++)
		if (strcmp(m->sugs[j], u) == 0)
			break;
	if (j < *n || !u[0]) {
		free(u);
		return 0;
	}
	m->sugs[(*n)++] = u;
	m->nsugs = (uint16_t)*n;
	return 1;
}

/*
 * The suggestions for an unknown Arabic word w[0..len) (marks removed)
 * with hyphens inside, when all its parts but one are right: that part's
 * suggestions (rank.c), each put back between the others (رولز-رويص:
 * رولز-رويس), added to the n of m up to cap.  Nothing when two parts or
 * none are wrong: the whole word is ranked then.
 */
static ar_status hyphen_sugs(ar_speller *sp, memo *m, size_t *n, size_t cap,
                             const char *w, size_t len)
{
	char *c = malloc(len), **list = NULL;
	size_t bad_a = 0, bad_b = 0, ns = 0, j;
	ar_status st = AR_OK;
	int r;

	if (!c)
		return AR_ENOMEM;
	memcpy(c, w, len); /* w is the speller's buffer, which analysis uses */
	r = ar_spell__hyphen_wrong_parts(sp, c, len, &bad_a, &bad_b);
	if (r < 0)
		st = AR_ENOMEM;
	if (r != 1 || (st = ar_rank__suggest(sp, c + bad_a, bad_b - bad_a, NULL,
	                                     0, cap - *n, &list, &ns)) != AR_OK)
		goto done;
	for (j = 0; j < ns && *n < cap; j++) {
		size_t sl = strlen(list[j]);
		char *u = malloc(bad_a + sl + (len - bad_b) + 1);
		if (!u) {
			st = AR_ENOMEM;
			break;
		}
		memcpy(u, c, bad_a);
		memcpy(u + bad_a, list[j], sl);
		memcpy(u + bad_a + sl, c + bad_b, len - bad_b);
		u[bad_a + sl + len - bad_b] = '\0';
		take_sug(m, n, u);
	}
	ar_dict__free_list(list, ns);
done:
	free(c);
	return st;
}

/* The suggestions for an unknown word, computed once: the words of the
 * personal lists within an edit or two (the writer's own words are the
 * likeliest meant), then, for an unknown Arabic word, the noisy
 * channel's (rank.c); for other words, and for an unknown Arabic word
 * whose every slot the personal lists filled, hunspell's, with (unknown
 * Arabic) the word a slip of hamza or of a final letter misspells put
 * first (ortho_first()).  On
 * failure the entry is left as if never computed, so that a later call
 * (memory back) gives the full list. */
static ar_status suggest(ar_speller *sp, memo *m)
{
	const char *w = sp->keys.ptr + m->off;
	int arabic, script;
	size_t i, n = 0, cap = sp->max_sugs;
	long ids[16];
	int np, k;
	ar_status st;

	script = ar_spell__script(w, m->len);
	arabic = script == AR_NAMES_ARABIC;
	m->sugs = calloc(cap ? cap : 1, sizeof *m->sugs);
	if (!m->sugs)
		return AR_ENOMEM;
	if (ar_names__fold(&sp->fold, w, m->len, AR_FOLD_LIGHT) < 0)
		return AR_ENOMEM;
	np = ar_names__personal_near(sp->names, sp->fold.ptr, sp->fold.size,
	                             script, ids, (int)(cap < 16 ? cap : 16));
	for (k = 0; k < np && n < cap; k++) {
		size_t dl;
		const char *d = ar_names__display(sp->names, ids[k], &dl);
		char *u = malloc(dl + 1);
		if (!u)
			return AR_ENOMEM;
		memcpy(u, d, dl);
		u[dl] = '\0';
		take_sug(m, &n, u);
	}
	if (arabic) {
		char **list;
		size_t ns, j;
		if (ar_spell__strip_marks(sp, w, m->len) != AR_OK)
			return AR_ENOMEM;
		if (m->verdict == V_UNKNOWN && n < cap &&
		    memchr(sp->norm.ptr, '-', sp->norm.size)) {
			size_t before = n;
			st = hyphen_sugs(sp, m, &n, cap, sp->norm.ptr,
			                 sp->norm.size);
			if (st != AR_OK || n > before)
				return st;
			if (ar_spell__strip_marks(sp, w, m->len) != AR_OK)
				return AR_ENOMEM;
		}
		if (m->verdict == V_UNKNOWN && n < cap) {
			/* ranked by the noisy channel (rank.c) */
			if (ar_rank__suggest(sp, sp->norm.ptr, sp->norm.size,
			                     NULL, 0, cap - n, &list,
			                     &ns) != AR_OK)
				return AR_ENOMEM;
			for (j = 0; j < ns; j++) {
				take_sug(m, &n, list[j]);
				list[j] = NULL;
			}
			ar_dict__free_list(list, ns);
			return AR_OK;
		}
	} else {
		ar_buf__clear(&sp->norm);
		if (ar_buf__put(&sp->norm, w, m->len) != AR_OK)
			return AR_ENOMEM;
	}
	for (i = 0; i < ar_lexicon_count(sp->lex) && n < cap; i++) {
		char **list;
		size_t ns, j;
		if (ar_lexicon__arabic(sp->lex, i) != arabic)
			continue;
		st = ar_dict__suggest(sp->lex, i, sp->norm.ptr, &list, &ns);
		if (st != AR_OK)
			return st;
		for (j = 0; j < ns && n < cap; j++) {
			take_sug(m, &n, list[j]);
			list[j] = NULL;
		}
		ar_dict__free_list(list, ns);
	}
	if (arabic && m->verdict == V_UNKNOWN && cap > 0)
		return ortho_first(sp, m, w);
	return AR_OK;
}

ar_status ar_spell__suggest(ar_speller *sp, memo *m)
{
	ar_status st;
	uint16_t k;

	if (m->sugs_done)
		return AR_OK;
	st = suggest(sp, m);
	if (st == AR_OK) {
		m->sugs_done = 1;
		count_sugs(sp, m);
		return AR_OK;
	}
	for (k = 0; m->sugs && k < m->nsugs; k++)
		free(m->sugs[k]);
	free(m->sugs);
	m->sugs = NULL;
	m->nsugs = 0;
	return st;
}
