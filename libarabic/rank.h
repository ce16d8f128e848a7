/*
 * rank.h - the order of the suggestions for an unknown Arabic word
 * (rank.c): candidates one typing slip away from it, hunspell's
 * suggestions and the speller's own, ranked by a noisy channel (how
 * common the word is, how likely the slip).  Not installed.
 */
#ifndef AR_RANK_H
#define AR_RANK_H

#include "freq.h"
#include "private.h"

/* A suggestion made elsewhere, for ar_rank__suggest(). */
typedef struct ar_rank_extra {
	const char *word; /* NUL-terminated UTF-8 */
	double prior;     /* multiplies its score (1: a word like others) */
} ar_rank_extra;

/*
 * The suggestions for the unknown Arabic word w (len bytes, without
 * marks, NUL-terminated), best first: the words one slip of typing away
 * that a dictionary, the word store or the frequency table knows, the
 * strings one slip away that read like words by the letter model, the
 * candidates extra[0..nextra), and, when max is more than the 5 a report
 * shows, hunspell's suggestions, ordered by (corpus count + 0.5) x
 * P(slip).  At most max;
 * *out gets a malloc'd array of *n malloc'd strings (free with
 * ar_dict__free_list), or NULL with *n == 0.  AR_OK or AR_ENOMEM.
 */
ar_status ar_rank__suggest(ar_speller *sp, const char *w, size_t len,
                           const ar_rank_extra *extra, size_t nextra,
                           size_t max, char ***out, size_t *n);

/* Is the Arabic word w[0..wl) (UTF-8) one likely slip of typing from
 * c[0..cl): a letter with other dots, a neighbour key, one of the same
 * sound, a hamza seat or a final ة/ه, ى/ي for another; a letter left
 * out; a letter doubled or added next to its key's neighbour; two
 * neighbours swapped?  Not: any other letter for another or added (a
 * long vowel in a transliteration, ستيفين beside ستيفن). */
int ar_rank__likely_slip(const char *c, size_t cl, const char *w, size_t wl);

/* The Arabic letter that Persian or Urdu letter c looks like and is
 * typed for on those keyboards (ی for ي, ک ڪ for ك, ہ ھ ە for ه, ۃ for
 * ة: arnorm --persian's letters), or c. */
uint32_t ar_rank__look_alike(uint32_t c);

/* ---- charlm.c: how likely letters are as a word ---------------------- */

typedef struct ar_charlm ar_charlm;
struct ar_names;

/* The letter model of the words of ar_freq__words and of the word store
 * names (NULL: none), in a new *out (free with ar_charlm__free).  AR_OK or
 * AR_ENOMEM. */
ar_status ar_charlm__new(ar_charlm **out, const struct ar_names *names);
void ar_charlm__free(ar_charlm *m);

/* The letter model of names of places: the places that are only
 * evidence (ar_freq__evidence: cities, towns and provinces of the
 * world), in a new *out.  Set beside the model above, it tells a
 * transliterated foreign name from the slip of an Arabic word.  AR_OK or
 * AR_ENOMEM. */
ar_status ar_charlm__new_places(ar_charlm **out);

/* The natural log of the probability of the word w[0..len) (UTF-8; its
 * end counts as a letter): below 0, lower for strings that read less
 * like the model's words. */
double ar_charlm__logp(const ar_charlm *m, const char *w, size_t len);

/* Called by ar_charlm__each_edit() with a string s[0..n) (not
 * NUL-terminated) one edit from the word, and how much likelier (natural
 * log) the model finds it; non-zero stops the walk. */
typedef int (*ar_charlm_edit_fn)(void *ctx, const char *s, size_t n,
                                 double gain);

/* Calls fn with every string one edit (a letter deleted, added or
 * replaced by one of U+0621-U+063A, U+0641-U+064A, or two neighbours
 * swapped) from Arabic word w[0..len) whose sequences of `order` (3 or
 * 4) letters, the edges counted, all occur in the model's words, until
 * fn returns non-zero; returns that, or 0.  The gain is 0 unless
 * want_gain.  Only the sequences around
 * the edit are looked at, and the gain is counted from the terms that
 * change: the walk is cheap.  A string with an unseen sequence is not
 * a word the model counted: for order 4, the walk skips no word of the
 * frequency table or the word store.  Words with a letter outside those
 * or of more than 38 letters get no call. */
int ar_charlm__each_edit(const ar_charlm *m, const char *w, size_t len,
                         int order, int want_gain, ar_charlm_edit_fn fn,
                         void *ctx);

#endif /* AR_RANK_H */
