/*
 * rank.h - the order of the suggestions for an unknown Arabic word
 * (rank.c): candidates one typing slip away from it, hunspell's
 * suggestions and the speller's own, ranked by a noisy channel (how
 * common the word is, how likely the slip).  Not installed.
 */
#ifndef AR_RANK_H
#define AR_RANK_H

#include "private.h"

/*
 * Word frequencies of the bench corpus (dict/ar-freq.tsv) and the
 * attested words (dict/attested-ar.tsv; the count 0 for those the corpus
 * lacks), built into the library by dict/gen/freq-embed.sh
 * (freq_data.c): "word<TAB>count\n" lines, "word<TAB>count<TAB>a\n" for
 * an attested word, in byte order of their words, ar_rank__freq_len
 * bytes.  The library's one copy of the attested words: the speller
 * loads them from here (ar_names__load_attested()).
 */
extern const char ar_rank__freq[];
extern const size_t ar_rank__freq_len;
/* The sum of the counts of ar_rank__freq: the number of words counted. */
extern const unsigned long ar_rank__freq_total;
/* The letter trigrams of those words: bit (a * 44 + b) * 44 + c for
 * letters a, b, c numbered 0 for the edge of the word, 1 to 42 for U+0621
 * to U+064A, 43 for any other character. */
#define AR_RANK_TRI_BITS (44 * 44 * 44)
extern const unsigned char ar_rank__tri[(AR_RANK_TRI_BITS + 7) / 8];

/* Is word w[0..len) (Arabic letters, without marks) in the table?  1
 * with its corpus count in *count (0 for a word attested elsewhere), 2
 * when it is an attested word, else 0 with *count 0. */
int ar_rank__find(const char *w, size_t len, unsigned long *count);

/* How often the corpus has word w[0..len): its count, or 0. */
unsigned long ar_rank__count(const char *w, size_t len);

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

/* ---- charlm.c: how likely letters are as a word ---------------------- */

typedef struct ar_charlm ar_charlm;
struct ar_names;

/* The letter model of the words of ar_rank__freq and of the word store
 * names (NULL: none), in a new *out (free with ar_charlm__free).  AR_OK or
 * AR_ENOMEM. */
ar_status ar_charlm__new(ar_charlm **out, const struct ar_names *names);
void ar_charlm__free(ar_charlm *m);

/* The natural log of the probability of the word w[0..len) (UTF-8; its
 * end counts as a letter): below 0, lower for strings that read less
 * like the model's words. */
double ar_charlm__logp(const ar_charlm *m, const char *w, size_t len);

#endif /* AR_RANK_H */
