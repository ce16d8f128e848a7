/*
 * spell.c - the speller: its options and word lists, the streaming
 * interface over the tokenizer, the consistency check of names' spellings
 * across a text, and the findings.
 *
 * A text repeats its words: only about a fifth of the tokens of 10 MB of
 * news are distinct forms.  So each distinct word as written is analysed
 * once per speller (analyse.c) and the verdict cached (memo.c);
 * suggestions, which cost tens of milliseconds for an Arabic word, are
 * computed only when a finding needs them, and cached too.
 */
#include "config.h"

#include "rank.h"
#include "spell_int.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

struct ar_spell_findings {
	ar_finding *v;
	void **blocks; /* the memory of each finding */
	size_t n, a;
};

const char *ar_finding_kind_name(ar_finding_kind k)
{
	switch (k) {
	case AR_FINDING_UNKNOWN:
		return "unknown";
	case AR_FINDING_NAME:
		return "name";
	case AR_FINDING_INCONSISTENT:
		return "inconsistent";
	case AR_FINDING_KNOWN_ERROR:
		return "known-error";
	default:
		return NULL;
	}
}

/* ---- opening ---------------------------------------------------------- */

/* Read the known errors (dict/ar-known-errors.tsv: error TAB correction
 * TAB reason, '#' comments) into sp->known, keyed by the error's light
 * fold, each correction NUL-terminated in sp->known_fix. */
static ar_status load_known(ar_speller *sp, const char *t, size_t len)
{
	size_t i = 0;
	while (i < len) {
		const char *s = t + i, *tab, *tab2;
		size_t e = i, l;
		while (e < len && t[e] != '\n')
			e++;
		l = e - i;
		i = e + 1;
		if (l == 0 || s[0] == '#' || !(tab = memchr(s, '\t', l)))
			continue;
		tab2 = memchr(tab + 1, '\t', l - (size_t)(tab + 1 - s));
		if (!tab2)
			tab2 = s + l;
		if (tab == s || tab2 == tab + 1)
			continue;
		if (ar_names__fold(&sp->fold, s, (size_t)(tab - s),
		                   AR_FOLD_LIGHT) < 0 ||
		    sp->known_fix.size > UINT32_MAX - 1024 ||
		    ar_strmap__put(&sp->known, sp->fold.ptr, sp->fold.size,
		                   (uint32_t)sp->known_fix.size) != 0 ||
		    ar_buf__put(&sp->known_fix, tab + 1,
		                (size_t)(tab2 - tab - 1)) != AR_OK ||
		    ar_buf__put(&sp->known_fix, "", 1) != AR_OK)
			return AR_ENOMEM;
	}
	return AR_OK;
}

ar_status ar_speller_new(ar_speller **out, const ar_spell_options *opts,
                         ar_error *err)
{
	ar_spell_options def = AR_SPELL_OPTIONS_INIT;
	ar_tok_options to = AR_TOK_OPTIONS_INIT;
	ar_lexicon *lexicon = NULL;
	ar_speller *sp;
	ar_status st;

	if (!out)
		return AR_EINVAL;
	*out = NULL;
	if (!opts)
		opts = &def;
	if (opts->version < 1 || opts->version > AR_SPELL_OPTIONS_VERSION ||
	    (unsigned)opts->invalid > AR_INVALID_KEEP)
		return AR_EINVAL;
	/* version 1 of the options ends before the lexicon, version 2
	 * before the cache budget */
	if (opts->version >= 2)
		lexicon = opts->lexicon;
	sp = calloc(1, sizeof *sp);
	if (!sp)
		return AR_ENOMEM;
	sp->flags = opts->flags;
	sp->max_sugs = opts->max_suggestions ? opts->max_suggestions : 5;
	sp->invalid = opts->invalid;
	sp->memo_budget = opts->version >= 3 && opts->cache_bytes
	                          ? opts->cache_bytes
	                          : AR_SPELL_CACHE_DEFAULT;
	sp->memo_slots = MEMO_SLOTS;
	sp->memo = calloc(sp->memo_slots, sizeof *sp->memo);
	st = sp->memo ? ar_names__new(&sp->names) : AR_ENOMEM;
	if (st == AR_OK && lexicon)
		sp->lex = ar_lexicon__ref(lexicon);
	else if (st == AR_OK)
		st = ar_lexicon__open(&sp->lex,
		                      opts->dictionaries ? opts->dictionaries
		                                         : "ar,en_US",
		                      opts->dict_dir, err);
	to.flags = AR_TOK_WHITESPACE;
	to.invalid = opts->invalid;
	if (st == AR_OK)
		st = ar_tokenizer_new(&sp->tok, &to, err);
	if (st == AR_OK && !(opts->flags & AR_SPELL_NO_BUILTIN))
		st = ar_names__load_builtin(sp->names, err);
	if (st == AR_OK && !(opts->flags & AR_SPELL_NO_BUILTIN))
		st = ar_names__load_attested(sp->names);
	if (st == AR_OK)
		st = ar_strmap__init(&sp->known, 256, 128) == 0 ? AR_OK
		                                                : AR_ENOMEM;
	if (st == AR_OK && !(opts->flags & AR_SPELL_NO_BUILTIN))
		st = load_known(sp, ar_names__known_errors,
		                ar_names__known_errors_len);
	if (st != AR_OK) {
		ar_speller_free(sp);
		return st;
	}
	ar_spell_reset(sp);
	*out = sp;
	return AR_OK;
}

static void uses_clear(ar_speller *sp)
{
	size_t i;
	for (i = 0; i < sp->nuses; i++)
		free(sp->uses[i].word);
	sp->nuses = 0;
}

void ar_speller_free(ar_speller *sp)
{
	if (!sp)
		return;
	if (sp->memo)
		ar_spell__memo_clear(sp);
	free(sp->memo);
	if (sp->lex)
		ar_lexicon_free(sp->lex);
	ar_names__free(sp->names);
	ar_tokenizer_free(sp->tok);
	uses_clear(sp);
	free(sp->uses);
	free(sp->pend);
	free(sp->stems);
	free(sp->sorted);
	free(sp->doc);
	free(sp->doc_keys);
	free(sp->doc_cp);
	free(sp->doc_slot);
	free(sp->doc_at);
	free(sp->doc_sugs);
	free(sp->seen);
	ar_buf_dispose(&sp->doc_text);
	ar_buf_dispose(&sp->ptext);
	ar_buf_dispose(&sp->lastw);
	if (sp->known.slots)
		ar_strmap__free(&sp->known);
	ar_buf_dispose(&sp->known_fix);
	ar_charlm__free(sp->lm);
	ar_charlm__free(sp->plm);
	ar_buf_dispose(&sp->keys);
	ar_buf_dispose(&sp->fold);
	ar_buf_dispose(&sp->norm);
	ar_buf_dispose(&sp->tmp);
	ar_buf_dispose(&sp->cand);
	free(sp);
}

/* The cache holds verdicts that depend on the word lists: empty it when
 * they change. */
static void words_changed(ar_speller *sp)
{
	ar_spell__memo_clear(sp);
	/* the letter model counts the word store's words */
	ar_charlm__free(sp->lm);
	sp->lm = NULL;
}

ar_status ar_speller_add_names(ar_speller *sp, const char *text, size_t len,
                               const char *source, ar_error *err)
{
	ar_status st;
	if (!sp || (!text && len))
		return AR_EINVAL;
	st = ar_names__parse(sp->names, text ? text : "", len,
	                     source ? source : "(names)", err);
	words_changed(sp);
	return st;
}

ar_status ar_speller_load_names(ar_speller *sp, const char *path, ar_error *err)
{
	ar_buf b = AR_BUF_INIT;
	ar_status st;
	if (!sp || !path)
		return AR_EINVAL;
	st = ar_buf__read_file(&b, path, err);
	if (st == AR_OK)
		st = ar_speller_add_names(sp, b.ptr, b.size, path, err);
	ar_buf_dispose(&b);
	return st;
}

ar_status ar_speller_load_personal(ar_speller *sp, const char *path,
                                   ar_error *err)
{
	ar_buf b = AR_BUF_INIT;
	ar_status st;
	if (!sp || !path)
		return AR_EINVAL;
	st = ar_buf__read_file(&b, path, err);
	if (st == AR_OK)
		st = ar_names__parse_words(sp->names, AR_NAMES_PERSONAL, b.ptr,
		                           b.size, path, err);
	words_changed(sp);
	ar_buf_dispose(&b);
	return st;
}

ar_status ar_speller_add_word(ar_speller *sp, const char *word, size_t len)
{
	ar_status st;
	if (!sp || (!word && len) || len == 0)
		return AR_EINVAL;
	if (!ar_utf8_valid(word, len, NULL))
		return AR_EUTF8;
	st = ar_names__add_word(sp->names, AR_NAMES_PERSONAL, word, len);
	words_changed(sp);
	return st;
}

/* ---- analysis of one word --------------------------------------------- */
/* ---- findings --------------------------------------------------------- */

static int emit(ar_speller *sp, ar_finding_kind kind, const char *w, size_t len,
                uint64_t start, uint64_t line, uint64_t col,
                const char *const *sugs, size_t nsugs)
{
	ar_finding f;
	f.kind = kind;
	f.word = w;
	f.len = len;
	f.start = start;
	f.end = start + len;
	f.line = line;
	f.column = col;
	f.suggestions = sugs;
	f.nsuggestions = nsugs;
	if (sp->sink(&f, sp->payload) != 0) {
		sp->stopped = 1;
		return -1;
	}
	return 0;
}

static ar_status track_use(ar_speller *sp, const memo *m, const char *w,
                           size_t len, uint64_t start, uint64_t line,
                           uint64_t col)
{
	unsigned g[8], var[8];
	int ng = ar_names__groups(sp->names, m->gaz, g, var, 8), i;
	for (i = 0; i < ng; i++) {
		size_t j;
		for (j = 0; j < sp->nuses; j++)
			if (sp->uses[j].group == g[i] &&
			    sp->uses[j].variant == var[i])
				break;
		if (j < sp->nuses) {
			sp->uses[j].count++;
			continue;
		}
		if (ar_array__grow((void **)&sp->uses, &sp->auses,
		                   sp->nuses + 1, sizeof *sp->uses) != 0)
			return AR_ENOMEM;
		{
			use *u = &sp->uses[sp->nuses];
			u->word = malloc(len + 1);
			if (!u->word)
				return AR_ENOMEM;
			memcpy(u->word, w, len);
			u->word[len] = '\0';
			u->len = len;
			u->group = g[i];
			u->variant = var[i];
			u->count = 1;
			u->start = start;
			u->end = start + len;
			u->line = line;
			u->col = col;
			u->pre = m->gaz_pre;
			u->suf = m->gaz_suf;
			sp->nuses++;
		}
	}
	return AR_OK;
}

static ar_finding_kind kind_of(const memo *m)
{
	return m->verdict == V_NAME    ? AR_FINDING_NAME
	       : m->verdict == V_KNOWN ? AR_FINDING_KNOWN_ERROR
	                               : AR_FINDING_UNKNOWN;
}

static ar_status report_held(ar_speller *sp, uint64_t before);

/*
 * Hold back a finding of the stream, in text order, with the keys of its
 * stems when it is an unknown word (the repetition rule).  A finding is
 * held until the stream has gone on HOLD_WINDOW bytes past it, or ends:
 * a word repeated within that stretch is not reported, and a stream that
 * never ends holds a bounded number of findings.  The findings older than
 * the window are reported in batches, when the oldest held is twice the
 * window behind.
 */
static ar_status hold(ar_speller *sp, const char *w, size_t len, uint64_t start,
                      uint64_t line, uint64_t col, int unknown, unsigned ctx)
{
	uint64_t h[3 * AR_CLITIC_READINGS];
	int nh =
	        unknown ? ar_spell__stems(sp, w, len, h, 3 * AR_CLITIC_READINGS)
	                : 0;
	pend *p;

	if (nh < 0 ||
	    ar_array__grow((void **)&sp->pend, &sp->apend, sp->npend + 1,
	                   sizeof *sp->pend) != 0 ||
	    ar_array__grow((void **)&sp->stems, &sp->astems,
	                   sp->nstems + (size_t)nh + 1, sizeof *sp->stems) != 0)
		return AR_ENOMEM;
	p = &sp->pend[sp->npend];
	p->start = start;
	p->line = line;
	p->col = col;
	p->off = sp->ptext.size;
	p->len = len;
	p->stems = sp->nstems;
	p->nstems = (unsigned)nh;
	p->ctx = ctx;
	if (ar_buf__put(&sp->ptext, w, len) != AR_OK)
		return AR_ENOMEM;
	memcpy(sp->stems + sp->nstems, h, (size_t)nh * sizeof *h);
	sp->nstems += (size_t)nh;
	sp->npend++;
	return AR_OK;
}

/* how near a use of a word must be to count as the document's: a slip
 * and the word it misses are in one article, not in two of a long
 * stream */
#define DOC_NEAR ((uint64_t)32 << 10)

/* Note accepted word w[0..len) at start: first dropping the words that
 * no held finding, nor any to come, is near (more than DOC_NEAR before
 * the oldest held, or before w when none is), when the array is full. */
static ar_status see(ar_speller *sp, const char *w, size_t len, uint64_t start)
{
	if (sp->nseen == sp->aseen) {
		uint64_t from = sp->npend ? sp->pend[0].start : start;
		size_t k = 0;
		from = from > DOC_NEAR ? from - DOC_NEAR : 0;
		while (k < sp->nseen && sp->seen[k].start < from)
			k++;
		if (k) {
			memmove(sp->seen, sp->seen + k,
			        (sp->nseen - k) * sizeof *sp->seen);
			sp->nseen -= k;
		}
	}
	if (ar_array__grow((void **)&sp->seen, &sp->aseen, sp->nseen + 1,
	                   sizeof *sp->seen) != 0)
		return AR_ENOMEM;
	sp->seen[sp->nseen].h = ar_hash__bytes(w, len);
	sp->seen[sp->nseen].start = start;
	sp->nseen++;
	return AR_OK;
}

/*
 * The neighbours of a held finding.  An unknown word that reads almost
 * like a name (memo.beside: its score is just over the line,
 * analyse.c) is not reported beside a word no dictionary has: names come
 * in runs (a first name and a surname, a name and its place), a slip
 * seldom beside another unknown word.  The word before is known when
 * the finding is held, the one after when the next word comes.
 */
/* pend.ctx of such a word: */
#define CTX_NAMES 1u /* a word beside it is in no dictionary */
#define CTX_WAIT  2u /* the word after it is still to come */

/* Word w[0..len) comes after the last held finding: is it in no
 * dictionary? */
static ar_status next_word(ar_speller *sp, const char *w, size_t len)
{
	pend *p = sp->npend ? &sp->pend[sp->npend - 1] : NULL;
	int r;

	if (!p || !(p->ctx & CTX_WAIT))
		return AR_OK;
	if (!(p->ctx & CTX_NAMES)) {
		if ((r = ar_spell__dict_word(sp, w, len)) < 0)
			return AR_ENOMEM; /* asked again on the next try */
		if (r == 0)
			p->ctx |= CTX_NAMES;
	}
	p->ctx &= ~CTX_WAIT;
	return AR_OK;
}

/* Check one word token at [start, start+len). */
static ar_status check_token(ar_speller *sp, const char *w, size_t len,
                             uint64_t start, uint64_t line, uint64_t col)
{
	memo *m;
	unsigned ctx = 0;
	ar_status st = ar_spell__lookup(sp, w, len, &m);

	if (st != AR_OK || !m)
		return st;
	if (m->verdict == V_OK) {
		if (!(sp->flags & AR_SPELL_NO_SUGGEST) &&
		    (st = see(sp, w, len, start)) != AR_OK)
			return st;
		if (m->gaz >= 0 && !(sp->flags & AR_SPELL_NO_CONSISTENCY))
			return track_use(sp, m, w, len, start, line, col);
		return AR_OK;
	}
	/* the repetition rule holds for names as for other unknown words
	 * (without suggestions, the name decision is not made: a rule for
	 * one kind would make -l and the report disagree); a known error
	 * is one however often it is made */
	if (m->beside) {
		int r = 0;
		ctx = CTX_WAIT;
		if (sp->lastw.size &&
		    (r = ar_spell__dict_word(sp, sp->lastw.ptr,
		                             sp->lastw.size)) < 0)
			return AR_ENOMEM;
		if (sp->lastw.size && r == 0)
			ctx |= CTX_NAMES;
	}
	return hold(sp, w, len, start, line, col, m->verdict != V_KNOWN, ctx);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* How many held-back words have a stem of key h (0, 1 or 2: enough). */
static int stem_uses(const ar_speller *sp, uint64_t h)
{
	const uint64_t *p =
	        bsearch(&h, sp->sorted, sp->nstems, sizeof h, cmp_u64);
	size_t i;
	if (!p)
		return 0;
	i = (size_t)(p - sp->sorted);
	return (i > 0 && sp->sorted[i - 1] == h) ||
	                       (i + 1 < sp->nstems && sp->sorted[i + 1] == h)
	               ? 2
	               : 1;
}

/* Drop the first k held findings (reported). */
static void drop_held(ar_speller *sp, size_t k)
{
	size_t off, st, i;

	if (k == 0)
		return;
	off = k < sp->npend ? sp->pend[k].off : sp->ptext.size;
	st = k < sp->npend ? sp->pend[k].stems : sp->nstems;
	/* (memmove is not given the NULL of an array never allocated) */
	if (sp->ptext.size > off)
		memmove(sp->ptext.ptr, sp->ptext.ptr + off,
		        sp->ptext.size - off);
	sp->ptext.size -= off;
	if (sp->ptext.ptr)
		sp->ptext.ptr[sp->ptext.size] = '\0';
	if (sp->nstems > st)
		memmove(sp->stems, sp->stems + st,
		        (sp->nstems - st) * sizeof *sp->stems);
	sp->nstems -= st;
	if (sp->npend > k)
		memmove(sp->pend, sp->pend + k,
		        (sp->npend - k) * sizeof *sp->pend);
	sp->npend -= k;
	for (i = 0; i < sp->npend; i++) {
		sp->pend[i].off -= off;
		sp->pend[i].stems -= st;
	}
}

/* ---- the document's own words as suggestions ---------------------- */

/* The stems compared: shorter ones are one slip from too many others
 * (بيت, بنت), longer ones are rare */
#define DOC_MIN_LETTERS 4
#define DOC_LETTERS     32
#define NOT_DOC         ((size_t)-1) /* doc_slot: a stem not indexed */
/* every held stem is indexed, also one held once; a stem held once is
 * offered for another held once when its letters read e^0.3 (1.35)
 * times likelier each, on average, by the letter model (charlm.c: per
 * letter, or a letter left out would always read better) */
#define DOC_ONCE_ODDS 0.3

/* The first of the n elements at base (stride bytes apart, sorted by
 * the uint64_t off bytes into each) whose key is x or more; n when none
 * is.  The one search of the sorted arrays below. */
static size_t lower_bound(const void *base, size_t n, size_t stride, size_t off,
                          uint64_t x)
{
	const char *b = base;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint64_t k;
		memcpy(&k, b + mid * stride + off, sizeof k);
		if (k < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Where stem key h starts in sp->sorted (its first entry, or where it
 * would be) and, in *n unless n is NULL, how many held words have it. */
static size_t stem_range(const ar_speller *sp, uint64_t h, size_t *n)
{
	size_t lo = lower_bound(sp->sorted, sp->nstems, sizeof *sp->sorted, 0,
	                        h),
	       e;
	if (n) {
		for (e = lo; e < sp->nstems && sp->sorted[e] == h; e++)
			;
		*n = e - lo;
	}
	return lo;
}

/* The letters of folded f[0..len) into c, at most max; their number. */
static size_t letters(uint32_t *c, size_t max, const char *f, size_t len)
{
	size_t i = 0, n = 0;
	while (i < len && n < max) {
		size_t k = ar_utf8_decode(&c[n], f + i, len - i);
		if (k == 0) {
			c[n] = (unsigned char)f[i];
			k = 1;
		}
		n++;
		i += k;
	}
	return n;
}

static uint64_t hash_cps(const uint32_t *c, size_t n)
{
	return ar_hash__bytes((const char *)c, n * sizeof *c);
}

/* The key of letters c[0..n) less letter k (tmp: room for n - 1). */
static uint64_t hash_less(const uint32_t *c, size_t n, size_t k, uint32_t *tmp)
{
	memcpy(tmp, c, k * sizeof *c);
	memcpy(tmp + k, c + k + 1, (n - k - 1) * sizeof *c);
	return hash_cps(tmp, n - 1);
}

static int cmp_doc_key(const void *a, const void *b)
{
	const doc_key *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->word < y->word ? -1 : x->word > y->word;
}

/* Put the shorter of letters a[0..n) and b[0..m) in a. */
static void shorter_first(const uint32_t **a, size_t *n, const uint32_t **b,
                          size_t *m)
{
	if (*n > *m) {
		const uint32_t *t = *a;
		size_t k = *n;
		*a = *b;
		*b = t;
		*n = *m;
		*m = k;
	}
}

/* Is b the letters of a with one slip: one changed, added or dropped, or
 * two neighbours swapped? */
static int one_slip(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	size_t i = 0;
	shorter_first(&a, &n, &b, &m);
	if (m - n > 1)
		return 0;
	while (i < n && a[i] == b[i])
		i++;
	if (n < m) /* b has a letter more, at i */
		return memcmp(a + i, b + i + 1, (n - i) * sizeof *a) == 0;
	if (i == n)
		return 0; /* the same letters */
	if (i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i])
		return memcmp(a + i + 2, b + i + 2, (n - i - 2) * sizeof *a) ==
		       0;
	return memcmp(a + i + 1, b + i + 1, (n - i - 1) * sizeof *a) == 0;
}

/* The stems of held word w[0..len) that are not indexed yet, into s,
 * each with fskip set to its entry in sp->sorted; their number, -1 when
 * out of memory. */
static int fresh_stems(ar_speller *sp, const char *w, size_t len, stem_span *s)
{
	int ns = ar_spell__stem_spans(sp, w, len, s, AR_CLITIC_READINGS), i,
	    n = 0;
	for (i = 0; i < ns; i++) {
		size_t at = stem_range(sp, s[i].h, NULL);
		if (sp->doc_slot[at])
			continue;
		s[n] = s[i];
		s[n++].fskip = at;
	}
	return ns < 0 ? -1 : n;
}

/* Are letters a and b two forms of one word rather than a slip: one with
 * the ending of the feminine ة or of an adjective of relation ي added
 * (المصري, المصرية; زرغيلوف, الزرغيلوفي), or ة for another final
 * letter (كوريا, الكورية); in Latin script, with the plural s
 * (planet, planets)? */
static int suffix_pair(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	shorter_first(&a, &n, &b, &m);
	if (m == n + 1)
		return (b[n] == AR_TEH_MARBUTA || b[n] == AR_YEH ||
		        b[n] == 's') &&
		       memcmp(a, b, n * sizeof *a) == 0;
	return m == n && n > 0 &&
	       (a[n - 1] == AR_TEH_MARBUTA || b[n - 1] == AR_TEH_MARBUTA) &&
	       memcmp(a, b, (n - 1) * sizeof *a) == 0;
}

/* The indexed entry of stem k of held word i, or NULL. */
static doc_word *doc_entry(ar_speller *sp, size_t i, unsigned k)
{
	size_t at = stem_range(sp, sp->stems[sp->pend[i].stems + k], NULL);
	if (sp->doc_slot[at] == NOT_DOC || sp->doc_slot[at] == 0)
		return NULL;
	return &sp->doc[sp->doc_slot[at] - 1];
}

/* Where each indexed stem is used: the starts of the held words that
 * have it, in text order, sp->doc_at[at..at+nat) of its entry. */
static ar_status index_places(ar_speller *sp)
{
	size_t i, n = 0;
	unsigned k;
	doc_word *d;

	for (i = 0; i < sp->ndoc; i++)
		sp->doc[i].nat = 0;
	for (i = 0; i < sp->npend; i++)
		for (k = 0; k < sp->pend[i].nstems; k++)
			if ((d = doc_entry(sp, i, k)) != NULL) {
				d->nat++;
				n++;
			}
	if (ar_array__grow((void **)&sp->doc_at, &sp->adoc_at, n + 1,
	                   sizeof *sp->doc_at) != 0)
		return AR_ENOMEM;
	for (i = 0, n = 0; i < sp->ndoc; i++) {
		sp->doc[i].at = n;
		n += sp->doc[i].nat;
		sp->doc[i].nat = 0;
	}
	for (i = 0; i < sp->npend; i++)
		for (k = 0; k < sp->pend[i].nstems; k++)
			if ((d = doc_entry(sp, i, k)) != NULL)
				sp->doc_at[d->at + d->nat++] =
				        sp->pend[i].start;
	return AR_OK;
}

/* Is a word of entry d used within DOC_NEAR bytes of pos? */
static int used_near(const ar_speller *sp, const doc_word *d, uint64_t pos)
{
	const uint64_t *a = sp->doc_at + d->at;
	uint64_t from = pos > DOC_NEAR ? pos - DOC_NEAR : 0;
	size_t lo = lower_bound(a, d->nat, sizeof *a, 0, from);
	return lo < d->nat && a[lo] <= pos + DOC_NEAR;
}

/*
 * Index the stems of the held stretch (those it repeats, of the
 * repetition rule, and those held once), each as first written, under
 * its key and the keys of it less
 * each of its letters: two words one slip apart share one of those keys
 * (a symmetric deletion index), so a word is looked up in as many probes
 * as it has letters, whatever the number of stems.
 */
static ar_status index_repeated(ar_speller *sp)
{
	stem_span s[AR_CLITIC_READINGS];
	uint32_t tmp[DOC_LETTERS];
	size_t i;

	sp->ndoc = sp->ndoc_keys = sp->ndoc_cp = 0;
	ar_buf__clear(&sp->doc_text);
	if (ar_array__grow((void **)&sp->doc_slot, &sp->adoc_slot,
	                   sp->nstems + 1, sizeof *sp->doc_slot) != 0)
		return AR_ENOMEM;
	memset(sp->doc_slot, 0, sp->nstems * sizeof *sp->doc_slot);
	for (i = 0; i < sp->npend; i++) {
		const pend *p = &sp->pend[i];
		const char *w = sp->ptext.ptr + p->off;
		int ns, j, house;
		if ((ns = fresh_stems(sp, w, p->len, s)) <= 0) {
			if (ns < 0)
				return AR_ENOMEM;
			continue;
		}
		/* a dictionary word in a house style is no candidate (the
		 * text writes الى, التى again and again) */
		if ((house = ar_spell__house_spelling(sp, w, p->len)) != 0) {
			if (house < 0)
				return AR_ENOMEM;
			for (j = 0; j < ns; j++)
				sp->doc_slot[s[j].fskip] = NOT_DOC;
			continue;
		}
		ns = ar_spell__stem_spans(sp, w, p->len, s, AR_CLITIC_READINGS);
		if (ns < 0)
			return AR_ENOMEM;
		for (j = 0; j < ns; j++) {
			size_t uses, at = stem_range(sp, s[j].h, &uses), n, l;
			uint32_t *c;
			doc_word *d;
			if (sp->doc_slot[at])
				continue;
			sp->doc_slot[at] = NOT_DOC;
			if (ar_array__grow((void **)&sp->doc, &sp->adoc,
			                   sp->ndoc + 1,
			                   sizeof *sp->doc) != 0 ||
			    ar_array__grow((void **)&sp->doc_cp, &sp->adoc_cp,
			                   sp->ndoc_cp + DOC_LETTERS + 1,
			                   sizeof *sp->doc_cp) != 0 ||
			    ar_array__grow((void **)&sp->doc_keys,
			                   &sp->adoc_keys,
			                   sp->ndoc_keys + DOC_LETTERS + 1,
			                   sizeof *sp->doc_keys) != 0)
				return AR_ENOMEM;
			c = sp->doc_cp + sp->ndoc_cp;
			n = letters(c, DOC_LETTERS + 1,
			            sp->fold.ptr + s[j].fskip, s[j].flen);
			if (n < DOC_MIN_LETTERS || n > DOC_LETTERS)
				continue;
			d = &sp->doc[sp->ndoc];
			d->cp = sp->ndoc_cp;
			d->ncp = n;
			d->raw = sp->doc_text.size;
			d->nraw = s[j].end - s[j].pre;
			d->uses = uses;
			if (ar_buf__put(&sp->doc_text, w + s[j].pre, d->nraw) !=
			    AR_OK)
				return AR_ENOMEM;
			for (l = 0; l <= n; l++) {
				doc_key *key = &sp->doc_keys[sp->ndoc_keys++];
				key->h = l < n ? hash_less(c, n, l, tmp)
				               : hash_cps(c, n);
				key->word = sp->ndoc;
			}
			sp->doc_slot[at] = sp->ndoc + 1;
			sp->ndoc_cp += n;
			sp->ndoc++;
		}
	}
	if (sp->ndoc_keys)
		qsort(sp->doc_keys, sp->ndoc_keys, sizeof *sp->doc_keys,
		      cmp_doc_key);
	return index_places(sp);
}

/* The repeated stem that letters q[0..n) miss by one slip, the one the
 * most held words have (the first written on a tie): its index in
 * sp->doc, or -1. */
static long doc_near(const ar_speller *sp, const uint32_t *q, size_t n,
                     uint64_t pos)
{
	uint32_t tmp[DOC_LETTERS];
	long best = -1;
	size_t k;

	for (k = 0; k <= n; k++) {
		uint64_t h = k < n ? hash_less(q, n, k, tmp) : hash_cps(q, n);
		size_t lo = lower_bound(sp->doc_keys, sp->ndoc_keys,
		                        sizeof *sp->doc_keys,
		                        offsetof(doc_key, h), h);
		for (; lo < sp->ndoc_keys && sp->doc_keys[lo].h == h; lo++) {
			size_t i = sp->doc_keys[lo].word;
			const doc_word *d = &sp->doc[i];
			if (best >= 0 && (d->uses < sp->doc[best].uses ||
			                  (d->uses == sp->doc[best].uses &&
			                   i >= (size_t)best)))
				continue;
			/* (a stem held once only by this word: another
			 * reading of it) */
			if (d->uses < 2 && sp->doc_at[d->at] == pos)
				continue;
			if (one_slip(q, n, sp->doc_cp + d->cp, d->ncp) &&
			    !suffix_pair(q, n, sp->doc_cp + d->cp, d->ncp) &&
			    used_near(sp, d, pos))
				best = (long)i;
		}
	}
	return best;
}

/* The letter model's log P of UTF-8 word w[0..len) per letter (its end
 * counted as one). */
static double per_letter(const ar_speller *sp, const char *w, size_t len)
{
	size_t n = 1, i;
	for (i = 0; i < len; i++)
		n += ((unsigned char)w[i] & 0xC0) != 0x80;
	return ar_charlm__logp(sp->lm, w, len) / (double)n;
}

/* The suggestion that the held stretch makes for held word w[0..len): a
 * repeated stem that a stem of w misses by one slip, after w's own
 * proclitics (وميكل: ومايكل); NULL when there is none, or with *st
 * AR_ENOMEM. */
static char *doc_candidate(ar_speller *sp, const char *w, size_t len,
                           uint64_t pos, ar_status *st)
{
	stem_span s[AR_CLITIC_READINGS];
	uint32_t q[DOC_LETTERS + 1];
	int ns, k, bk = 0;
	long best = -1;
	char *c;

	if (!sp->ndoc)
		return NULL;
	ns = ar_spell__stem_spans(sp, w, len, s, AR_CLITIC_READINGS);
	if (ns < 0) {
		*st = AR_ENOMEM;
		return NULL;
	}
	for (k = 0; k < ns; k++) {
		size_t n = letters(q, DOC_LETTERS + 1,
		                   sp->fold.ptr + s[k].fskip, s[k].flen);
		long d = n >= DOC_MIN_LETTERS && n <= DOC_LETTERS
		                 ? doc_near(sp, q, n, pos)
		                 : -1;
		if (d >= 0 &&
		    (best < 0 || sp->doc[d].uses > sp->doc[best].uses)) {
			best = d;
			bk = k;
		}
	}
	if (best < 0)
		return NULL;
	/* a stem held once against another held once: a slip and the word
	 * it misses, but which is which?  The word is the one whose letters
	 * read clearly more like a word (DOC_ONCE_ODDS); else neither is
	 * offered */
	if (sp->doc[best].uses < 2) {
		if (!sp->lm && ar_charlm__new(&sp->lm, sp->names) != AR_OK) {
			*st = AR_ENOMEM;
			return NULL;
		}
		if (per_letter(sp, sp->doc_text.ptr + sp->doc[best].raw,
		               sp->doc[best].nraw) -
		            per_letter(sp, w + s[bk].pre,
		                       s[bk].end - s[bk].pre) <
		    DOC_ONCE_ODDS)
			return NULL;
	}
	c = ar_spell__make_sug(
	        w, s[bk].pre, sp->doc_text.ptr + sp->doc[best].raw,
	        sp->doc[best].nraw, w + s[bk].end, len - s[bk].end);
	if (!c)
		*st = AR_ENOMEM;
	return c;
}

/* The suggestions of a finding: c, then those of m but c, at most the
 * speller's number, in sp->doc_sugs. */
static ar_status doc_sugs(ar_speller *sp, const char *c, const memo *m,
                          size_t *n)
{
	size_t k;
	if (ar_array__grow((void **)&sp->doc_sugs, &sp->adoc_sugs,
	                   (size_t)sp->max_sugs + 1, sizeof *sp->doc_sugs) != 0)
		return AR_ENOMEM;
	sp->doc_sugs[0] = c;
	*n = 1;
	for (k = 0; k < m->nsugs && *n < sp->max_sugs; k++)
		if (strcmp(m->sugs[k], c) != 0)
			sp->doc_sugs[(*n)++] = m->sugs[k];
	return AR_OK;
}

/* Is one of the accepted words of the stream within DOC_NEAR bytes of
 * pos the word of hash h? */
static int seen_near(const ar_speller *sp, uint64_t h, uint64_t pos)
{
	uint64_t from = pos > DOC_NEAR ? pos - DOC_NEAR : 0;
	size_t lo = lower_bound(sp->seen, sp->nseen, sizeof *sp->seen,
	                        offsetof(seen_word, start), from);
	for (; lo < sp->nseen && sp->seen[lo].start <= pos + DOC_NEAR; lo++)
		if (sp->seen[lo].h == h)
			return 1;
	return 0;
}

/* Is unknown word w[0..len) at pos an accepted word of the text near it
 * with other proclitics (بإليجا beside إليجا, زمكان beside الزمكان)?  That
 * is the word the text means.  1, 0, -1 when out of memory. */
static int related_seen(ar_speller *sp, const char *w, size_t len, uint64_t pos)
{
	uint64_t h[2 * AR_CLITIC_READINGS];
	int n = ar_spell__related_keys(sp, w, len, h, 2 * AR_CLITIC_READINGS),
	    i;

	for (i = 0; i < n; i++)
		if (seen_near(sp, h[i], pos))
			return 1;
	return n < 0 ? -1 : 0;
}

/*
 * A rare word that the text uses is the likelier fix: when the first of
 * the (at most DOC_RARE_RANK) first suggestions of m is not a word the
 * text uses near pos, the first of the others that is, and that the
 * corpus counted fewer than DOC_RARE times, comes first (in
 * sp->doc_sugs).  A rare word that a text uses once it tends to use
 * again (a name, a term of its subject), where its count in the corpus
 * says little; a common word is common anyway.
 */
#define DOC_RARE      20
#define DOC_RARE_RANK 5

static ar_status rare_first(ar_speller *sp, uint64_t pos, const memo *m,
                            const char *const **sugs, size_t *n)
{
	size_t k, j;
	if (m->nsugs < 2 ||
	    seen_near(sp, ar_hash__bytes(m->sugs[0], strlen(m->sugs[0])), pos))
		return AR_OK;
	for (k = 1; k < m->nsugs && k < DOC_RARE_RANK; k++) {
		const char *c = m->sugs[k];
		size_t cl = strlen(c);
		if (ar_freq__count(c, cl) < DOC_RARE &&
		    seen_near(sp, ar_hash__bytes(c, cl), pos))
			break;
	}
	if (k == m->nsugs || k == DOC_RARE_RANK)
		return AR_OK;
	if (ar_array__grow((void **)&sp->doc_sugs, &sp->adoc_sugs, m->nsugs + 1,
	                   sizeof *sp->doc_sugs) != 0)
		return AR_ENOMEM;
	sp->doc_sugs[0] = m->sugs[k];
	for (j = 0; j < m->nsugs; j++)
		if (j != k)
			sp->doc_sugs[j + (j < k)] = m->sugs[j];
	*sugs = sp->doc_sugs;
	*n = m->nsugs;
	return AR_OK;
}

/* The suggestions of held finding w[0..len) of m, in *sugs: when it is
 * an unknown word or a name used once (used_once), the repeated stem it
 * misses by one slip first (doc_candidate(); made in *c, for the caller
 * to free), unless the word is a dictionary word in a house style, which
 * has its own fix; then m's. */
static ar_status finding_sugs(ar_speller *sp, const char *w, size_t len,
                              uint64_t pos, const memo *m, int used_once,
                              const char *const **sugs, size_t *n, char **c)
{
	ar_status st = AR_OK;
	int house = 0;

	*sugs = (const char *const *)m->sugs;
	*n = m->nsugs;
	*c = NULL;
	if (!used_once || m->verdict == V_KNOWN ||
	    (sp->flags & AR_SPELL_NO_SUGGEST))
		return AR_OK;
	*c = doc_candidate(sp, w, len, pos, &st);
	if (st == AR_OK && (house = ar_spell__house_spelling(sp, w, len)) < 0)
		st = AR_ENOMEM;
	/* a dictionary word in a house style has its own fix first */
	if (st == AR_OK && !house) {
		if (!*c)
			st = rare_first(sp, pos, m, sugs, n);
		else if ((st = doc_sugs(sp, *c, m, n)) == AR_OK)
			*sugs = sp->doc_sugs;
	}
	if (st != AR_OK) {
		free(*c);
		*c = NULL;
	}
	return st;
}

/*
 * Report the held findings that start before `before`, in text order, but
 * the unknown words (names included) that the held stretch of the stream
 * uses twice or more
 * (the same stem after any proclitics): a text that repeats a word means
 * it, as it does the names the gazetteer lacks; a slip rarely repeats.
 * The words held after `before` count as repetitions too.
 *
 * The repeated words are also the suggestions for the slips of them: a
 * finding (unknown word or name) used once whose stem is one slip (a
 * letter changed, added or dropped, two neighbours swapped) from a stem
 * that the stretch repeats gets that word first, as first written, behind
 * the finding's own proclitics (وميكل: ومايكل where the text has مايكل
 * three times); the most used such stem wins.  A stem held once (the
 * name and its slip each written once) is offered only when its letters
 * read clearly better than the finding's, per letter (DOC_ONCE_ODDS),
 * and never for another reading of the finding itself.  Without such a
 * stem, a rare word the stream accepted near the finding may come first
 * (rare_first()).  Not for stems under
 * DOC_MIN_LETTERS letters, for two forms of one word (suffix_pair()), for
 * a dictionary word in a house style on either side (its own fix comes
 * first), nor when no use of the repeated stem is within DOC_NEAR bytes
 * of the finding.  The candidate depends on the text, so it is not in
 * the cached suggestions of the word (memo.c): the finding's list is made
 * here, bounded by the speller's number of suggestions.  The repeated
 * stems are indexed once per report by their one-letter deletions
 * (index_repeated()), so each finding costs a few probes.
 */
static ar_status report_held(ar_speller *sp, uint64_t before)
{
	size_t i, nsugs;
	ar_status st = AR_OK;
	const char *const *sugs;
	char *c = NULL;
	int indexed = 0, stop;

	sp->ndoc = 0; /* indexed when first needed */
	if (sp->nstems > sp->asorted) {
		uint64_t *s = realloc(sp->sorted, sp->nstems * sizeof *s);
		if (!s)
			return AR_ENOMEM;
		sp->sorted = s;
		sp->asorted = sp->nstems;
	}
	if (sp->nstems) {
		memcpy(sp->sorted, sp->stems, sp->nstems * sizeof *sp->stems);
		qsort(sp->sorted, sp->nstems, sizeof *sp->sorted, cmp_u64);
	}
	for (i = 0; i < sp->npend && sp->pend[i].start < before; i++) {
		const pend *p = &sp->pend[i];
		const char *w = sp->ptext.ptr + p->off;
		unsigned k;
		memo *m;
		for (k = 0; k < p->nstems; k++)
			if (stem_uses(sp, sp->stems[p->stems + k]) > 1)
				break;
		if (k < p->nstems)
			continue;
		if (p->nstems && !(sp->flags & AR_SPELL_NO_SUGGEST)) {
			int r = related_seen(sp, w, p->len, p->start);
			if (r < 0) {
				st = AR_ENOMEM;
				break;
			}
			if (r)
				continue;
		}
		/* the cache may have been emptied since: look again */
		st = ar_spell__lookup(sp, w, p->len, &m);
		if (st == AR_OK && (p->ctx & CTX_NAMES))
			continue; /* beside a word no dictionary has */
		if (st == AR_OK && m && m->verdict == V_UNKNOWN &&
		    !(sp->flags & AR_SPELL_NO_SUGGEST))
			st = ar_spell__suggest(sp, m);
		if (st != AR_OK)
			break; /* this one is tried again at the next report */
		if (!m || m->verdict == V_OK)
			continue;
		if (p->nstems && !indexed &&
		    !(sp->flags & AR_SPELL_NO_SUGGEST)) {
			if ((st = index_repeated(sp)) != AR_OK)
				break;
			indexed = 1;
		}
		st = finding_sugs(sp, w, p->len, p->start, m, p->nstems > 0,
		                  &sugs, &nsugs, &c);
		if (st != AR_OK)
			break;
		stop = emit(sp, kind_of(m), w, p->len, p->start, p->line,
		            p->col, sugs, nsugs);
		free(c);
		c = NULL;
		if (stop) {
			st = AR_EUSER;
			i++;
			break;
		}
	}
	drop_held(sp, i);
	return st;
}

static int token_sink(const ar_token *t, void *payload)
{
	ar_speller *sp = payload;
	uint64_t line = sp->pos.line, col = sp->pos.col;
	ar_status st = AR_OK;

	ar_pos__advance(&sp->pos, t->text, t->len);
	if (t->type == AR_TOKEN_ARABIC || t->type == AR_TOKEN_LATIN) {
		/* (room for the word first: it is kept once checked) */
		if ((st = ar_buf__grow(&sp->lastw, t->len)) == AR_OK &&
		    (st = next_word(sp, t->text, t->len)) == AR_OK &&
		    (st = check_token(sp, t->text, t->len, t->start, line,
		                      col)) == AR_OK) {
			ar_buf__clear(&sp->lastw);
			st = ar_buf__put(&sp->lastw, t->text, t->len);
		}
	}
	/* findings held too long (hold()), also when no new one comes */
	if (st == AR_OK && sp->npend &&
	    t->start - sp->pend[0].start > 2 * HOLD_WINDOW)
		st = report_held(sp, t->start - HOLD_WINDOW);
	if (st != AR_OK) {
		sp->cb_status = st;
		return 1;
	}
	return 0;
}

static int cmp_use(const void *a, const void *b)
{
	const use *x = *(const use *const *)a, *y = *(const use *const *)b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Report the spellings used once where another spelling of the same name
 * is used at least twice. */
static ar_status report_inconsistent(ar_speller *sp)
{
	use **flag = NULL;
	size_t nf = 0, i, j;
	ar_status st = AR_OK;

	if (sp->nuses < 2)
		return AR_OK;
	flag = malloc(sp->nuses * sizeof *flag);
	if (!flag)
		return AR_ENOMEM;
	for (i = 0; i < sp->nuses; i++) {
		use *u = &sp->uses[i];
		if (u->count != 1)
			continue;
		for (j = 0; j < sp->nuses; j++)
			if (sp->uses[j].group == u->group &&
			    sp->uses[j].count >= 2)
				break;
		if (j == sp->nuses)
			continue;
		for (j = 0; j < nf; j++)
			if (flag[j]->start == u->start)
				break;
		if (j == nf)
			flag[nf++] = u;
	}
	qsort(flag, nf, sizeof *flag, cmp_use);
	for (i = 0; i < nf && st == AR_OK; i++) {
		use *u = flag[i], *best = NULL;
		size_t nl;
		const char *name;
		char *s;
		for (j = 0; j < sp->nuses; j++)
			if (sp->uses[j].group == u->group &&
			    (!best || sp->uses[j].count > best->count))
				best = &sp->uses[j];
		if (!best) /* u is one of the uses: never */
			continue;
		name = ar_names__display(
		        sp->names,
		        ar_names__group_word(sp->names, best->group,
		                             best->variant, NULL),
		        &nl);
		s = ar_spell__make_sug(u->word, u->pre, name, nl,
		                       u->word + u->len - u->suf, u->suf);
		if (!s) {
			st = AR_ENOMEM;
			break;
		}
		if (emit(sp, AR_FINDING_INCONSISTENT, u->word, u->len, u->start,
		         u->line, u->col, (const char *const *)&s, 1) != 0)
			st = AR_EUSER;
		free(s);
	}
	free(flag);
	return st;
}

ar_status ar_spell_feed(ar_speller *sp, const char *s, size_t len,
                        ar_finding_sink sink, void *payload, ar_error *err)
{
	ar_status st;
	if (!sp || !sink || (!s && len))
		return AR_EINVAL;
	sp->sink = sink;
	sp->payload = payload;
	sp->cb_status = AR_OK;
	st = ar_tok_feed(sp->tok, s, len, token_sink, sp, err);
	if (st == AR_EUSER && sp->cb_status != AR_OK)
		st = sp->cb_status;
	return st;
}

ar_status ar_spell_finish(ar_speller *sp, ar_finding_sink sink, void *payload,
                          ar_error *err)
{
	ar_status st;
	if (!sp || !sink)
		return AR_EINVAL;
	sp->sink = sink;
	sp->payload = payload;
	sp->cb_status = AR_OK;
	st = ar_tok_finish(sp->tok, token_sink, sp, err);
	if (st == AR_EUSER && sp->cb_status != AR_OK)
		st = sp->cb_status;
	if (st == AR_OK)
		st = report_held(sp, UINT64_MAX);
	if (st == AR_OK && !(sp->flags & AR_SPELL_NO_CONSISTENCY))
		st = report_inconsistent(sp);
	ar_spell_reset(sp);
	return st;
}

void ar_spell_reset(ar_speller *sp)
{
	ar_pos p = AR_POS_INIT;
	if (!sp)
		return;
	ar_tok_reset(sp->tok);
	sp->pos = p;
	uses_clear(sp);
	sp->npend = 0;
	sp->nstems = 0;
	sp->nseen = 0;
	ar_buf__clear(&sp->ptext);
	ar_buf__clear(&sp->lastw);
	sp->stopped = 0;
}

/* ---- findings objects ------------------------------------------------- */

static int collect(const ar_finding *f, void *payload)
{
	ar_spell_findings *fs = payload;
	ar_finding *c;
	size_t size = f->len + 1, i;
	char *mem, *p;
	const char **sv;

	if (fs->n == fs->a) {
		/* two arrays of one capacity: grow a copy of it twice */
		size_t a = fs->a, b = fs->a;
		if (ar_array__grow((void **)&fs->v, &a, fs->n + 1,
		                   sizeof *fs->v) != 0 ||
		    ar_array__grow((void **)&fs->blocks, &b, fs->n + 1,
		                   sizeof *fs->blocks) != 0)
			return 1;
		fs->a = a;
	}
	for (i = 0; i < f->nsuggestions; i++)
		size += strlen(f->suggestions[i]) + 1;
	/* one block: the suggestion pointers, then the strings */
	mem = malloc(f->nsuggestions * sizeof(char *) + size);
	if (!mem)
		return 1;
	sv = (const char **)(void *)mem;
	p = mem + f->nsuggestions * sizeof(char *);
	fs->blocks[fs->n] = mem;
	c = &fs->v[fs->n++];
	*c = *f;
	memcpy(p, f->word, f->len);
	p[f->len] = '\0';
	c->word = p;
	p += f->len + 1;
	for (i = 0; i < f->nsuggestions; i++) {
		size_t l = strlen(f->suggestions[i]) + 1;
		memcpy(p, f->suggestions[i], l);
		sv[i] = p;
		p += l;
	}
	c->suggestions = f->nsuggestions ? sv : NULL;
	return 0;
}

void ar_spell_findings_free(ar_spell_findings *fs)
{
	size_t i;
	if (!fs)
		return;
	for (i = 0; i < fs->n; i++)
		free(fs->blocks[i]);
	free(fs->blocks);
	free(fs->v);
	free(fs);
}

size_t ar_spell_findings_count(const ar_spell_findings *fs)
{
	return fs ? fs->n : 0;
}

const ar_finding *ar_spell_findings_get(const ar_spell_findings *fs, size_t i)
{
	return fs && i < fs->n ? &fs->v[i] : NULL;
}

static int cmp_finding(const void *a, const void *b)
{
	const ar_finding *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

ar_status ar_spell_buffer(ar_spell_findings **out, ar_speller *sp,
                          const char *s, size_t len, ar_error *err)
{
	ar_spell_findings *fs;
	ar_status st;

	if (!out)
		return AR_EINVAL;
	*out = NULL;
	if (!sp || (!s && len))
		return AR_EINVAL;
	fs = calloc(1, sizeof *fs);
	if (!fs)
		return AR_ENOMEM;
	ar_spell_reset(sp);
	st = ar_spell_feed(sp, s, len, collect, fs, err);
	if (st == AR_OK)
		st = ar_spell_finish(sp, collect, fs, err);
	else
		ar_spell_reset(sp);
	if (st == AR_EUSER)
		st = AR_ENOMEM; /* only collect() stops, when out of memory */
	if (st != AR_OK) {
		ar_spell_findings_free(fs);
		return st;
	}
	/* mergesort-free stable order: findings come in order except the
	 * inconsistent ones, appended at the end */
	if (fs->n > 1) {
		size_t i, k;
		for (i = 1; i < fs->n; i++)
			if (fs->v[i].start < fs->v[i - 1].start)
				break;
		if (i < fs->n) {
			/* insertion sort keeps equal starts in order */
			for (i = 1; i < fs->n; i++) {
				ar_finding t = fs->v[i];
				void *tb = fs->blocks[i];
				for (k = i; k > 0 &&
				            cmp_finding(&fs->v[k - 1], &t) > 0;
				     k--) {
					fs->v[k] = fs->v[k - 1];
					fs->blocks[k] = fs->blocks[k - 1];
				}
				fs->v[k] = t;
				fs->blocks[k] = tb;
			}
		}
	}
	*out = fs;
	return AR_OK;
}

static int skip_word(const char *w, size_t len)
{
	return (len && (w[0] == '#' || w[0] == '@')) ||
	       memchr(w, '@', len) != NULL ||
	       (len > 3 && memchr(w, ':', len) != NULL &&
	        memchr(w, '/', len) != NULL);
}

ar_status ar_spell_word(ar_spell_findings **out, ar_speller *sp, const char *w,
                        size_t len)
{
	ar_spell_findings *fs;
	memo *m;
	ar_status st = AR_OK;

	if (!out)
		return AR_EINVAL;
	*out = NULL;
	if (!sp || (!w && len))
		return AR_EINVAL;
	if (!ar_utf8_valid(w, len, NULL))
		return AR_EUTF8;
	fs = calloc(1, sizeof *fs);
	if (!fs)
		return AR_ENOMEM;
	if (len && !skip_word(w, len)) {
		st = ar_spell__lookup(sp, w, len, &m);
		if (st == AR_OK && m && m->verdict != V_OK) {
			ar_finding f;
			if (m->verdict == V_UNKNOWN &&
			    !(sp->flags & AR_SPELL_NO_SUGGEST))
				st = ar_spell__suggest(sp, m);
			memset(&f, 0, sizeof f);
			f.kind = kind_of(m);
			f.word = w;
			f.len = len;
			f.end = len;
			f.line = f.column = 1;
			f.suggestions = (const char *const *)m->sugs;
			f.nsuggestions = m->nsugs;
			if (st == AR_OK && collect(&f, fs) != 0)
				st = AR_ENOMEM;
		}
	}
	if (st != AR_OK) {
		ar_spell_findings_free(fs);
		return st;
	}
	*out = fs;
	return AR_OK;
}
