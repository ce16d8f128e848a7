/*
 * names.h - the word store: the names gazetteer, the loanword supplement
 * and personal word lists, keyed by folded form, with the fuzzy name
 * matcher and the spelling-variant groups (names.c).  Used by the
 * speller and the segmenter.  Not installed.
 */
#ifndef AR_NAMES_H
#define AR_NAMES_H

#include "private.h"

/*
 * The word store of a speller: every word of the names gazetteer, of the
 * loanword supplement and of personal dictionaries, keyed by its folded
 * form (ar_names__fold), plus the indexes of the fuzzy name matcher and
 * the spelling-variant groups used by the consistency check.  Owned by one
 * speller; not thread-safe.
 */
typedef struct ar_names ar_names;

/* Where a word comes from (bits of ar_names__flags). */
enum {
	AR_NAMES_GAZ = 1u << 0,      /* a word of a gazetteer spelling */
	AR_NAMES_LOAN = 1u << 1,     /* the loanword supplement */
	AR_NAMES_PERSONAL = 1u << 2, /* a personal dictionary */
	AR_NAMES_SOLO = 1u << 3,     /* a whole one-word spelling (Telegram),
	                                not only part of a longer name */
	AR_NAMES_GSOUND = 1u << 4,   /* an Arabic spelling of a name whose
	                                Latin spellings have a g: its g
	                                letters (ج غ ق گ) are interchangeable */
	AR_NAMES_ATTESTED = 1u << 5, /* the attested words: used in real
	                                text, unknown to the dictionary */
	AR_NAMES_USER = 1u << 6      /* a word of a gazetteer the caller
	                                added (not the built-in one) */
};

/* The AR_NAMES_* bits of word id. */
unsigned ar_names__flags(const ar_names *n, long id);

/* How many words the store has: their ids are 0 to that number - 1. */
size_t ar_names__count(const ar_names *n);

/* Script of a folded word. */
enum { AR_NAMES_OTHER = 0, AR_NAMES_ARABIC = 1, AR_NAMES_LATIN = 2 };

ar_status ar_names__new(ar_names **out);
void ar_names__free(ar_names *n);

/*
 * Parse gazetteer source text (dict/FORMAT.md).  `source` names it in
 * errors ("file:line").  AR_EDICT for a malformed line, AR_EUTF8 for bad
 * UTF-8, AR_ENOMEM.  Lines before the faulty one stay loaded.
 */
ar_status ar_names__parse(ar_names *n, const char *text, size_t len,
                          const char *source, ar_error *err);

/* Parse a word list (one word per line, '#' comments, blank lines
 * ignored; for a personal dictionary, anything after a '/' is ignored as
 * in hunspell), adding each word with flag `flag`. */
ar_status ar_names__parse_words(ar_names *n, unsigned flag, const char *text,
                                size_t len, const char *source, ar_error *err);

/* Add one word with flag `flag`. */
ar_status ar_names__add_word(ar_names *n, unsigned flag, const char *w,
                             size_t len);

/* Folding modes, each doing more than the one before. */
enum {
	AR_FOLD_LIGHT = 0, /* Arabic marks and tatweel removed, Persian
	                       look-alike letters to Arabic, the v and p
	                       letters ڤ پ to ف ب; Latin lower-cased
	                       with accents removed, typographic apostrophe to
	                       ASCII: the key of the word store */
	AR_FOLD_ALEF = 1,  /* also hamzated alefs to bare alef */
	AR_FOLD_HEAVY = 2  /* also alef maqsura to ya, ta marbuta to ha: the
	                       spelling variation the typo matcher ignores */
};

/* Fold a word (see AR_FOLD_*), replacing the content of out.  Returns
 * the script of the word's letters (AR_NAMES_*), or -1 when out of
 * memory. */
int ar_names__fold(ar_buf *out, const char *w, size_t len, int mode);

/* Find a word by its light fold: its id (>= 0) or -1.  *flags gets its
 * bits. */
long ar_names__find(const ar_names *n, const char *folded, size_t len,
                    unsigned *flags);
/* Find an Arabic word under an accepted variant spelling (light fold
 * in): without the hamza of its alefs (امازون for أمازون), with another
 * letter for the g of a foreign name (أردوجان for أردوغان), or with a
 * final ta marbuta for the alef of a name (بنزيمة for بنزيما).  -1 when
 * there is none. */
long ar_names__find_variant(ar_names *n, const char *folded, size_t len,
                            unsigned *flags);

/* The word as first written in a gazetteer or list (valid until the next
 * change to n). */
const char *ar_names__display(const ar_names *n, long id, size_t *len);

/* The first spelling of the word in plain ASCII (Erdogan for Erdoğan),
 * or the display when there is none. */
const char *ar_names__display_plain(const ar_names *n, long id, size_t *len);

/* A candidate name for an unknown word. */
typedef struct ar_names_match {
	long id;   /* word id */
	int cost;  /* lower is better: 64 x (distance and key terms) +
	                  weighted edit cost */
	int dist;  /* Damerau (OSA) distance of the folded forms */
	int kdist; /* distance of the phonetic keys or skeletons */
} ar_names_match;

/*
 * Gazetteer words close to the folded word w of the given script, best
 * first; at most max written to out, returns their number, -1 on memory
 * exhaustion.  Builds (or extends) the fuzzy index on first use.
 */
int ar_names__match(ar_names *n, const char *folded, size_t len, int script,
                    ar_names_match *out, int max);

/* Phonetic key of a folded Latin word, or consonant skeleton of a folded
 * Arabic word (exposed for tests).  Appends to out (cleared first). */
ar_status ar_names__key(ar_buf *out, const char *folded, size_t len,
                        int script);

/* Restricted Damerau-Levenshtein (optimal string alignment) distance of
 * two UTF-8 strings, counted in code points; exposed for tests. */
int ar_names__distance(const char *a, size_t alen, const char *b, size_t blen);

/*
 * Spelling-variant groups: the words found at one position of the
 * spellings of one entry in one script (Gaddafi|Qaddafi, بافل|بافيل).
 * ar_names__groups() lists the groups of word id: up to max pairs
 * (group, variant) written to groups/variants, returns their number.
 */
int ar_names__groups(const ar_names *n, long id, unsigned *groups,
                     unsigned *variants, int max);
/* Number of groups, and the word id of a variant of a group. */
unsigned ar_names__ngroups(const ar_names *n);
long ar_names__group_word(const ar_names *n, unsigned group, unsigned variant,
                          unsigned *nvariants);

/*
 * The words of personal lists (AR_NAMES_PERSONAL) of the given script
 * within a small edit distance of folded word f (1 for words of up to
 * four characters, else 2), the word itself excluded: up to max ids
 * (max <= 16) into ids, closest first; returns their number.
 */
int ar_names__personal_near(const ar_names *n, const char *folded, size_t len,
                            int script, long *ids, int max);

/*
 * Load the gazetteer and the loanword list built into the library
 * (ar_names__builtin, ar_names__loanwords) into n.
 */
ar_status ar_names__load_builtin(ar_names *n, ar_error *err);

/* Load the attested words built into the library (freq.h, their one
 * copy) into n, flag AR_NAMES_ATTESTED: evidence for the speller, not
 * words the segmenter should split on.  (The words of evidence only stay
 * in freq.h: ar_freq__evidence_has().) */
ar_status ar_names__load_attested(ar_names *n);

#endif /* AR_NAMES_H */
