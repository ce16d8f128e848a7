/*
 * spell_int.h - what the files of the speller share: spell.c (the handle,
 * the stream, the findings), analyse.c (the verdict on one word) and
 * memo.c (the cache of verdicts and the suggestions).  Not installed.
 */
#ifndef AR_SPELL_INT_H
#define AR_SPELL_INT_H

#include "dict_int.h"
#include "clitic.h"
#include "names.h"
#include "strmap.h"

#define MEMO_MAX   (1u << 20) /* cached words before the cache is emptied */
#define MEMO_SLOTS (1u << 12) /* slots of an empty cache */
#define NAME_SUGS  8          /* name candidates looked at */

enum { V_OK = 0, V_NAME = 1, V_UNKNOWN = 2, V_KNOWN = 3 };

typedef struct memo {
	uint64_t h;
	uint32_t off, len; /* key (the word as written) in sp->keys */
	int32_t gaz;       /* gazetteer word accepted, or -1 */
	uint16_t gaz_pre;  /* bytes of proclitics before it */
	uint16_t gaz_suf;  /* bytes after it ('s) */
	uint8_t verdict;
	uint8_t sugs_done;
	uint16_t nsugs;
	uint8_t beside; /* not reported beside a word no dictionary has */
	char **sugs;    /* malloc'd strings */
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

/* A finding of the current stream, held back in text order (spell.c
 * hold()): an unknown word is reported unless the stream repeats it. */
#define HOLD_WINDOW ((uint64_t)256 << 10) /* bytes a finding is held */
typedef struct pend {
	uint64_t start, line, col;
	size_t off, len; /* the word in sp->ptext */
	size_t stems;    /* its stem hashes: sp->stems[stems..stems+nstems) */
	unsigned nstems;
	unsigned ctx; /* its neighbours (spell.c: CTX_*) */
} pend;

/* A stem of an unknown word (ar_spell__stem_spans()). */
typedef struct stem_span {
	uint64_t h;         /* its key: the hash of its folded letters */
	size_t fskip, flen; /* its folded letters in sp->fold */
	size_t pre, end;    /* it in the word as written */
} stem_span;

/* A stem that the held stretch of the stream repeats (spell.c
 * report_held()): a candidate for the words used once that miss it by
 * one slip. */
typedef struct doc_word {
	size_t cp, ncp;   /* its folded letters in sp->doc_cp */
	size_t raw, nraw; /* it as first written, in sp->doc_text */
	size_t uses;      /* held words that have it */
	size_t at, nat;   /* their starts in sp->doc_at */
} doc_word;

typedef struct seen_word {
	uint64_t h;     /* hash of the word as written */
	uint64_t start; /* its byte offset in the stream */
} seen_word;

typedef struct doc_key {
	uint64_t h; /* a stem, or a stem less one letter */
	size_t word;
} doc_key;

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
	size_t memo_budget; /* bytes the cache may hold (cache_bytes) */
	size_t sug_bytes;   /* bytes of the cached suggestions */
	/* scratch */
	ar_buf fold, norm, tmp, cand;
	/* the stream */
	ar_pos pos;
	use *uses;
	size_t nuses, auses;
	pend *pend;
	size_t npend, apend;
	ar_buf ptext;
	ar_buf lastw; /* the last word of the stream, as written */
	uint64_t *stems, *sorted;
	size_t nstems, astems, asorted;
	/* the repeated stems of the held stretch, indexed by their
	 * deletions (report_held()) */
	doc_word *doc;
	size_t ndoc, adoc;
	doc_key *doc_keys;
	size_t ndoc_keys, adoc_keys;
	uint32_t *doc_cp;
	size_t ndoc_cp, adoc_cp;
	ar_buf doc_text;
	size_t *doc_slot; /* per entry of sorted: 1 + its index in doc, 0
	                   * not seen yet, or NOT_DOC */
	size_t adoc_slot;
	uint64_t *doc_at;
	size_t adoc_at;
	const char **doc_sugs; /* a finding's suggestions */
	size_t adoc_sugs;
	/* the accepted words of the stream, in text order, as far back as
	 * a held finding may look (DOC_NEAR): a rare word the text uses is
	 * the likelier fix (finding_sugs()) */
	seen_word *seen;
	size_t nseen, aseen;
	/* the known errors: folded error -> offset of its correction */
	ar_strmap known;
	ar_buf known_fix;
	struct ar_charlm *lm;  /* the letter model, built when first needed */
	struct ar_charlm *plm; /* the letter model of places, likewise */
	ar_finding_sink sink;
	void *payload;
	ar_status cb_status;
	int stopped;
};

/* What the analysis of a word found. */
typedef struct verdict {
	int v;           /* V_* */
	long gaz;        /* accepted gazetteer word, or -1 */
	size_t pre, suf; /* bytes of the word around the stem */
	ar_names_match m[NAME_SUGS];
	int nm;
	size_t mpre[NAME_SUGS], msuf[NAME_SUGS]; /* bytes kept around each */
	int elided[NAME_SUGS]; /* l+al: the name's alef is dropped */
	long kfix;     /* V_KNOWN: offset of the correction in sp->known_fix */
	int name_sugs; /* V_UNKNOWN: the names m[] are its suggestions */
	int beside;    /* a word that reads almost like a name: not reported
	                * beside a word no dictionary has (spell.c) */
} verdict;

#define A_WAW        "\xd9\x88"
#define A_FA         "\xd9\x81"
#define A_BA         "\xd8\xa8"
#define A_KAF        "\xd9\x83"
#define A_LAM        "\xd9\x84"
#define A_ALEF       "\xd8\xa7"
#define A_TA_MARBUTA "\xd8\xa9"

/* ---- analyse.c -------------------------------------------------------- */

/* Analyse word w[0..len) (valid UTF-8) into *v.  AR_OK or AR_ENOMEM. */
ar_status ar_spell__analyse(ar_speller *sp, const char *w, size_t len,
                            verdict *v);

/* How many of the hyphen-separated parts of Arabic word w[0..len) are
 * not right: 0, 1 (its bytes w[*a..*b)) or 2 for two or more; -1 when out
 * of memory.  w must not be one of the speller's buffers. */
int ar_spell__hyphen_wrong_parts(ar_speller *sp, const char *w, size_t len,
                                 size_t *a, size_t *b);

/* Script of a word (AR_NAMES_*): Arabic when it has an Arabic letter,
 * else Latin when it has a Latin letter, else other. */
int ar_spell__script(const char *w, size_t len);

/* w without harakat, tatweel and zero-width joiners, NUL-terminated in
 * sp->norm.  AR_OK or AR_ENOMEM. */
ar_status ar_spell__strip_marks(ar_speller *sp, const char *w, size_t len);

/* The dictionary word that the light-folded Arabic word f (with its
 * proclitic readings s[0..ns)) misspells by a slip of hamza or of a final
 * letter: 1 with it in out (folded, NUL-terminated), else 0; -1 when out
 * of memory. */
int ar_spell__ortho_fix(ar_speller *sp, const char *f, size_t flen,
                        const ar_clitic_reading *s, int ns, char *out,
                        size_t size);

/* Is Arabic word w[0..len) a dictionary word written without the hamza
 * of an alef (also right after a proclitic) or with another final letter
 * (a house style)?  1 or 0 (also for Latin words), -1 when out of
 * memory; uses sp->fold. */
int ar_spell__house_spelling(ar_speller *sp, const char *w, size_t len);

/* Does a hunspell dictionary of its script accept word w[0..len) (its
 * marks removed)?  1 also for a word of neither script or with a digit;
 * 0, or -1 when out of memory.  Uses sp->norm. */
int ar_spell__dict_word(ar_speller *sp, const char *w, size_t len);

/* Is folded word b folded word a with such slips undone? */
int ar_spell__ortho_variant(const char *a, size_t al, const char *b, size_t bl);

/* The keys of the unknown word w[0..len) for the repetition rule: hashes
 * of its folded stems after each proclitic reading (Arabic), or of the
 * folded word (Latin); then, for an Arabic word, keys of another kind for
 * each stem and the stem without the ending of an adjective made from a
 * name (ي, ية, يين, يون, يات, ات, ة: القرطاجية and قرطاج share one).  At
 * most max into out, none twice; returns their number, -1 when out of
 * memory. */
int ar_spell__stems(ar_speller *sp, const char *w, size_t len, uint64_t *out,
                    int max);

/* Keys of the words the unknown Arabic word w[0..len) may be with other
 * proclitics: its stems behind proclitics (بإليجا: إليجا), and its stems
 * with the article (زمكان: الزمكان), as hashes of the light-folded words
 * (spell.c compares them with the accepted words of the text).  At most
 * max into out; their number, -1 when out of memory. */
int ar_spell__related_keys(ar_speller *sp, const char *w, size_t len,
                           uint64_t *out, int max);

/* The same stems with where they are: in the fold (sp->fold, valid until
 * the next fold into it) and in w as written, whose proclitics are
 * w[0..pre) and the rest after end (Latin 's). */
int ar_spell__stem_spans(ar_speller *sp, const char *w, size_t len,
                         stem_span *out, int max);

/* ---- memo.c ----------------------------------------------------------- */

/* The cached verdict on w, analysing it the first time; *out NULL for
 * what is not worth checking.  AR_OK or AR_ENOMEM. */
ar_status ar_spell__lookup(ar_speller *sp, const char *w, size_t len,
                           memo **out);

/* Hunspell's suggestions for the unknown word of m, computed once. */
ar_status ar_spell__suggest(ar_speller *sp, memo *m);

/* Empty the cache (its verdicts depend on the word lists). */
void ar_spell__memo_clear(ar_speller *sp);

/* A malloc'd suggestion: prefix + name + suffix; NULL when out of
 * memory. */
char *ar_spell__make_sug(const char *pre, size_t pl, const char *name,
                         size_t nl, const char *suf, size_t sl);

#endif /* AR_SPELL_INT_H */
