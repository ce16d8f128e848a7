/*
 * spell.c - the spell-checker: hunspell dictionaries, the names gazetteer
 * (names.c), a cache of the verdict on each distinct word, the name-typo
 * and consistency checks, and the streaming interface over the tokenizer.
 *
 * Words are checked by the library's own reader of hunspell dictionaries
 * (affix.c) where the dictionary allows it, as the Arabic one does: it
 * loads in a fifth of hunspell's time and checks a word about three times
 * as fast, with hunspell's verdict.  Hunspell itself is created only when
 * it is needed: for suggestions, for words that reader leaves to it, and
 * for dictionaries it cannot read.  A text repeats its words: only about a
 * fifth of the tokens of 10 MB of news are distinct forms.  So each
 * distinct word as written is analysed once per speller and the verdict
 * cached; suggestions, which cost tens of milliseconds for an Arabic word,
 * are computed only when a finding needs them, and cached too.
 */
#include "config.h"

#include "chars.h"
#include "spell_int.h"

#include <stdio.h>
#include <stdlib.h>

#define MEMO_MAX  (1u << 20) /* cached words before the cache is emptied */
#define NAME_SUGS 8          /* name candidates looked at */

enum { V_OK = 0, V_NAME = 1, V_UNKNOWN = 2 };

typedef struct memo {
	uint64_t h;
	uint32_t off, len; /* key (the word as written) in sp->keys */
	int32_t gaz;       /* gazetteer word accepted, or -1 */
	uint16_t gaz_pre;  /* bytes of proclitics before it */
	uint16_t gaz_suf;  /* bytes after it ('s) */
	uint8_t verdict;
	uint8_t sugs_done;
	uint16_t nsugs;
	char **sugs; /* malloc'd strings */
} memo;

/* Consistency: use of one variant of one group in the current stream. */
typedef struct use {
	uint32_t group, variant;
	uint32_t count;
	uint64_t start, end, line, col;
	char *word; /* first occurrence as written */
	size_t len;
	uint16_t pre, suf;
} use;

struct ar_spell_findings {
	ar_finding *v;
	void **blocks; /* the memory of each finding */
	size_t n, a;
};

struct ar_speller {
	unsigned flags;
	unsigned max_sugs;
	ar_invalid_mode invalid;
	ar_lexicon *lex; /* the hunspell dictionaries */
	ar_names *names;
	ar_tokenizer *tok;
	/* the word cache */
	memo *memo;
	size_t nmemo, memo_slots;
	ar_buf keys;
	/* scratch */
	ar_buf fold, norm, tmp, cand;
	/* the stream */
	ar_pos pos;
	use *uses;
	size_t nuses, auses;
	ar_finding_sink sink;
	void *payload;
	ar_status cb_status;
	int stopped;
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
	default:
		return NULL;
	}
}

/* ---- opening ---------------------------------------------------------- */

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
	/* version 1 of the options ends before the lexicon */
	if (opts->version >= 2)
		lexicon = opts->lexicon;
	sp = calloc(1, sizeof *sp);
	if (!sp)
		return AR_ENOMEM;
	sp->flags = opts->flags;
	sp->max_sugs = opts->max_suggestions ? opts->max_suggestions : 5;
	sp->invalid = opts->invalid;
	sp->memo_slots = 1u << 12;
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
	if (st != AR_OK) {
		ar_speller_free(sp);
		return st;
	}
	ar_spell_reset(sp);
	*out = sp;
	return AR_OK;
}

static void memo_clear(ar_speller *sp)
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
	ar_buf__clear(&sp->keys);
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
		memo_clear(sp);
	free(sp->memo);
	if (sp->lex)
		ar_lexicon_free(sp->lex);
	ar_names__free(sp->names);
	ar_tokenizer_free(sp->tok);
	uses_clear(sp);
	free(sp->uses);
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
	memo_clear(sp);
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

/* What the analysis of a word found. */
typedef struct verdict {
	int v;           /* V_* */
	long gaz;        /* accepted gazetteer word, or -1 */
	size_t pre, suf; /* bytes of the word around the stem */
	ar_names_match m[NAME_SUGS];
	int nm;
	size_t mpre[NAME_SUGS], msuf[NAME_SUGS]; /* bytes kept around each */
	int elided[NAME_SUGS]; /* l+al: the name's alef is dropped */
} verdict;

/* Does a dictionary of the word's script accept w (NUL-terminated)? */
static int hun_ok(ar_speller *sp, int arabic, const char *w)
{
	size_t i, n = ar_lexicon__count(sp->lex), len = strlen(w);
	for (i = 0; i < n; i++)
		if (ar_lexicon__arabic(sp->lex, i) == arabic &&
		    ar_dict__check(sp->lex, i, w, len))
			return 1;
	return 0;
}

/* Copy of w without the harakat and tatweel (ar_char__harakat_or_tatweel:
 * what the Arabic dictionary is written without) nor zero-width joiners,
 * NUL-terminated in sp->norm.  Byte by byte, on the UTF-8 of those
 * characters: this is on the path of every new Arabic word. */
static ar_status strip_marks(ar_speller *sp, const char *w, size_t len)
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

#define A_WAW        "\xd9\x88"
#define A_FA         "\xd9\x81"
#define A_BA         "\xd8\xa8"
#define A_KAF        "\xd9\x83"
#define A_LAM        "\xd9\x84"
#define A_ALEF       "\xd8\xa7"
#define A_TA_MARBUTA "\xd8\xa9"

/* A way to read an Arabic word as proclitics + stem. */
typedef struct split {
	size_t skip;    /* bytes of the folded word before the stem */
	size_t letters; /* letters of the written word before it */
	int elided;     /* the stem is "ا" + folded[skip..] (لل) */
} split;

/* The readings of folded Arabic word f: و/ف, then ب/ك/ل, then ال, and
 * ل + ال written لل.  Each proclitic letter is 2 bytes when folded. */
static int arabic_splits(const char *f, size_t len, split *out)
{
	static const char *const conj[] = { "", A_WAW, A_FA };
	static const char *const prep[] = { "", A_BA, A_KAF, A_LAM };
	int n = 0, a, b;

	for (a = 0; a < 3; a++)
		for (b = 0; b < 4; b++) {
			size_t p = strlen(conj[a]) + strlen(prep[b]);
			if (p + 4 > len ||
			    memcmp(f, conj[a], strlen(conj[a])) ||
			    memcmp(f + strlen(conj[a]), prep[b],
			           strlen(prep[b])))
				continue;
			out[n].skip = p;
			out[n].letters = p / 2;
			out[n++].elided = 0;
			if (len >= p + 8 &&
			    memcmp(f + p, A_ALEF A_LAM, 4) == 0) {
				out[n].skip = p + 4;
				out[n].letters = p / 2 + 2;
				out[n++].elided = 0;
			}
			if (b == 3 && len >= p + 6 &&
			    memcmp(f + p, A_LAM, 2) == 0) {
				/* لل: the article's alef is not written */
				out[n].skip = p;
				out[n].letters = p / 2;
				out[n++].elided = 1;
				out[n].skip = p + 2;
				out[n].letters = p / 2 + 1;
				out[n++].elided = 0;
			}
		}
	return n;
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
			if (hun_ok(sp, arabic, sp->tmp.ptr)) {
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
	int nm;

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
	if (hun_ok(sp, 0, sp->norm.ptr))
		return AR_OK;
	if (base < len) {
		sp->norm.ptr[base] = '\0';
		if (hun_ok(sp, 0, sp->norm.ptr))
			return AR_OK;
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
	split s[24];
	int ns = arabic_splits(f, flen, s), i;

	for (i = 0; i < ns; i++) {
		unsigned fl = 0;
		if (find_stem(sp, f + s[i].skip, flen - s[i].skip, s[i].elided,
		              &fl) >= 0 &&
		    (fl & AR_NAMES_GAZ))
			return 1;
	}
	return 0;
}

/* The slips ortho_fix() corrects: an alef that lost its hamza, and a
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
static int ortho_fix(ar_speller *sp, const char *f, size_t flen, const split *s,
                     int ns, char *out, size_t size)
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
				if (hun_ok(sp, 1, out))
					return 1;
			}
	return 0;
}

static ar_status analyse_arabic(ar_speller *sp, const char *w, size_t len,
                                verdict *v)
{
	split sp_[24];
	int ns, i;
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
	ns = arabic_splits(f, flen, sp_);
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
	if (strip_marks(sp, w, len) != AR_OK)
		return AR_ENOMEM;
	if (hun_ok(sp, 1, sp->norm.ptr))
		return AR_OK;
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
		if (ortho_fix(sp, f, flen, sp_, ns, fix, sizeof fix) &&
		    !known_name(sp, fix, strlen(fix)))
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
static int script_of(const char *w, size_t len)
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

static ar_status analyse(ar_speller *sp, const char *w, size_t len, verdict *v)
{
	int script;
	unsigned fl = 0;

	memset(v, 0, sizeof *v);
	v->gaz = -1;
	if (has_digit(w, len))
		return AR_OK;
	script = script_of(w, len);
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
static char *make_sug(const char *pre, size_t pl, const char *name, size_t nl,
                      const char *suf, size_t sl)
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

static ar_status memo_names(ar_speller *sp, memo *m, const char *w, size_t len,
                            const verdict *v)
{
	int i, n = 0;
	int plain = 1;
	size_t b;
	int bare = script_of(w, len) == AR_NAMES_ARABIC &&
	           !has_hamza_alef(w, len) && has_bare_alef(w, len);
	int final_ta = len >= 8 && memcmp(w + len - 2, A_TA_MARBUTA, 2) == 0;
	/* a word typed in plain ASCII gets plain suggestions */
	for (b = 0; b < len; b++)
		if ((unsigned char)w[b] >= 0x80)
			plain = 0;
	m->sugs = calloc((size_t)v->nm, sizeof *m->sugs);
	if (!m->sugs)
		return AR_ENOMEM;
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
		s = make_sug(w, v->mpre[i], name, nl, w + len - v->msuf[i],
		             v->msuf[i]);
		if (!s)
			return AR_ENOMEM;
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
	}
	m->nsugs = (uint16_t)n;
	m->sugs_done = 1;
	if (n == 0) {
		/* every candidate was the word itself: treat as unknown */
		free(m->sugs);
		m->sugs = NULL;
		m->sugs_done = 0;
		m->verdict = V_UNKNOWN;
	}
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

	if (sp->nmemo >= MEMO_MAX)
		memo_clear(sp);
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
 * known-right word is right (they attach to any word).
 */
static ar_status lookup(ar_speller *sp, const char *w, size_t len, memo **out)
{
	uint64_t h = ar_hash__bytes(w, len), lh = 0;
	verdict v;
	memo *m;
	ar_status st;
	int marked = 0;
	static const verdict ok = {
		V_OK, -1, 0, 0, { { 0, 0, 0, 0 } }, 0, { 0 }, { 0 }, { 0 }
	};

	*out = memo_find(sp, w, len, h);
	if (*out)
		return AR_OK;
	if (len == 0 || len > 1000)
		return AR_OK; /* not a word to check */
	if ((unsigned char)w[0] >= 0xD8) {
		if (strip_marks(sp, w, len) != AR_OK)
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
		    plain_ok(memo_find(sp, w + 2, len - 2,
		                       ar_hash__bytes(w + 2, len - 2))))
			goto cache_ok;
	}
	st = analyse(sp, w, len, &v);
	if (st != AR_OK)
		return st;
	m = memo_insert(sp, w, len, h, &v);
	if (!m)
		return AR_ENOMEM;
	if (v.v == V_NAME) {
		st = memo_names(sp, m, w, len, &v);
		if (st != AR_OK)
			return st;
	}
	if (marked && plain_ok(m)) {
		/* remember the bare letters too; m may move */
		size_t off = m->off;
		if (strip_marks(sp, w, len) != AR_OK ||
		    !memo_insert(sp, sp->norm.ptr, sp->norm.size, lh, &ok))
			return AR_ENOMEM;
		m = memo_find(sp, sp->keys.ptr + off, len, h);
		if (!m) /* the cache was emptied: look again */
			return lookup(sp, w, len, out);
	}
	*out = m;
	return AR_OK;
cache_ok:
	*out = memo_insert(sp, w, len, h, &ok);
	return *out ? AR_OK : AR_ENOMEM;
}

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

/* Is folded word b the folded word a with the slips ortho_fix() corrects
 * undone: hamzas on some alefs, ة for ه or ى for ي at the end? */
static int ortho_variant(const char *a, size_t al, const char *b, size_t bl)
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

/* Put first among the suggestions of unknown Arabic word w the word it
 * misspells by a slip of hamza, ة or ى: hunspell's best such suggestion,
 * else the one ortho_fix() finds. */
static ar_status ortho_first(ar_speller *sp, memo *m, const char *w)
{
	char fix[512], *c;
	split s[24];
	int ns;
	size_t j, fl;

	if (ar_names__fold(&sp->fold, w, m->len, AR_FOLD_LIGHT) < 0)
		return AR_ENOMEM;
	for (j = 0; j < m->nsugs; j++) {
		if (ar_names__fold(&sp->tmp, m->sugs[j], strlen(m->sugs[j]),
		                   AR_FOLD_LIGHT) < 0)
			return AR_ENOMEM;
		if (ortho_variant(sp->fold.ptr, sp->fold.size, sp->tmp.ptr,
		                  sp->tmp.size))
			break;
	}
	if (j == m->nsugs) {
		ns = arabic_splits(sp->fold.ptr, sp->fold.size, s);
		if (!ortho_fix(sp, sp->fold.ptr, sp->fold.size, s, ns, fix,
		               sizeof fix))
			return AR_OK;
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

/* Hunspell's suggestions for an unknown word, computed once. */
static ar_status memo_suggest(ar_speller *sp, memo *m)
{
	const char *w = sp->keys.ptr + m->off;
	int arabic;
	size_t i, n = 0, cap;

	if (m->sugs_done)
		return AR_OK;
	m->sugs_done = 1;
	arabic = script_of(w, m->len) == AR_NAMES_ARABIC;
	if (arabic) {
		if (strip_marks(sp, w, m->len) != AR_OK)
			return AR_ENOMEM;
	} else {
		ar_buf__clear(&sp->norm);
		if (ar_buf__put(&sp->norm, w, m->len) != AR_OK)
			return AR_ENOMEM;
	}
	cap = sp->max_sugs;
	m->sugs = calloc(cap, sizeof *m->sugs);
	if (!m->sugs)
		return AR_ENOMEM;
	for (i = 0; i < ar_lexicon__count(sp->lex) && n < cap; i++) {
		char **list;
		size_t k, ns;
		if (ar_lexicon__arabic(sp->lex, i) != arabic)
			continue;
		if (ar_dict__suggest(sp->lex, i, sp->norm.ptr, &list, &ns) !=
		    AR_OK)
			return AR_ENOMEM;
		for (k = 0; k < ns && n < cap; k++) {
			size_t j;
			char *u = list[k];
			for (j = 0; j < n; j++)
				if (strcmp(m->sugs[j], u) == 0)
					break;
			if (j < n || !u[0])
				continue;
			m->sugs[n++] = u;
			list[k] = NULL;
		}
		ar_dict__free_list(list, ns);
	}
	m->nsugs = (uint16_t)n;
	if (arabic && m->verdict == V_UNKNOWN && cap > 0)
		return ortho_first(sp, m, w);
	return AR_OK;
}

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

/* Check one word token at [start, start+len). */
static ar_status check_token(ar_speller *sp, const char *w, size_t len,
                             uint64_t start, uint64_t line, uint64_t col)
{
	memo *m;
	ar_status st = lookup(sp, w, len, &m);

	if (st != AR_OK || !m)
		return st;
	if (m->verdict == V_OK) {
		if (m->gaz >= 0 && !(sp->flags & AR_SPELL_NO_CONSISTENCY))
			return track_use(sp, m, w, len, start, line, col);
		return AR_OK;
	}
	if (m->verdict == V_UNKNOWN && !(sp->flags & AR_SPELL_NO_SUGGEST)) {
		st = memo_suggest(sp, m);
		if (st != AR_OK)
			return st;
	}
	if (emit(sp,
	         m->verdict == V_NAME ? AR_FINDING_NAME : AR_FINDING_UNKNOWN, w,
	         len, start, line, col, (const char *const *)m->sugs,
	         m->nsugs) != 0)
		return AR_EUSER;
	return AR_OK;
}

static int token_sink(const ar_token *t, void *payload)
{
	ar_speller *sp = payload;
	uint64_t line = sp->pos.line, col = sp->pos.col;
	ar_status st = AR_OK;

	ar_pos__advance(&sp->pos, t->text, t->len);
	if (t->type == AR_TOKEN_ARABIC || t->type == AR_TOKEN_LATIN)
		st = check_token(sp, t->text, t->len, t->start, line, col);
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
		name = ar_names__display(
		        sp->names,
		        ar_names__group_word(sp->names, best->group,
		                             best->variant, NULL),
		        &nl);
		s = make_sug(u->word, u->pre, name, nl,
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
		st = lookup(sp, w, len, &m);
		if (st == AR_OK && m && m->verdict != V_OK) {
			ar_finding f;
			if (m->verdict == V_UNKNOWN &&
			    !(sp->flags & AR_SPELL_NO_SUGGEST))
				st = memo_suggest(sp, m);
			memset(&f, 0, sizeof f);
			f.kind = m->verdict == V_NAME ? AR_FINDING_NAME
			                              : AR_FINDING_UNKNOWN;
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
