/*
 * freq.h - the word counts built into the library (freq.c,
 * freq_data.c): how often the bench corpus has each Arabic word, and
 * which words real text attests that no dictionary has.  The speller
 * ranks its suggestions by them and takes the attested words from them;
 * the segmenter weighs a proclitic reading with them.  Not installed.
 */
#ifndef AR_FREQ_H
#define AR_FREQ_H

#include "private.h"

/*
 * Word frequencies of the bench corpus (dict/ar-freq.tsv) and the
 * attested words (dict/attested-ar.tsv; the count 0 for those the corpus
 * lacks), built into the library by dict/gen/freq-embed.sh
 * (freq_data.c): "word<TAB>count\n" lines, "word<TAB>count<TAB>a\n" for
 * an attested word, in byte order of their words, ar_freq__words_len
 * bytes.  The library's one copy of the attested words: the speller
 * loads them from here (ar_names__load_attested()).
 */
extern const char ar_freq__words[];
extern const size_t ar_freq__words_len;
/* The sum of the counts of ar_freq__words: the number of words counted. */
extern const unsigned long ar_freq__total;
/* The letter trigrams of those words: bit (a * 44 + b) * 44 + c for
 * letters a, b, c numbered 0 for the edge of the word, 1 to 42 for U+0621
 * to U+064A, 43 for any other character. */
#define AR_FREQ_TRI_BITS (44 * 44 * 44)
extern const unsigned char ar_freq__tri[(AR_FREQ_TRI_BITS + 7) / 8];

/* Is word w[0..len) (Arabic letters, without marks) in the table?  1
 * with its corpus count in *count (0 for a word attested elsewhere), 2
 * when it is an attested word, else 0 with *count 0. */
int ar_freq__find(const char *w, size_t len, unsigned long *count);

/* How often the corpus has word w[0..len): its count, or 0. */
unsigned long ar_freq__count(const char *w, size_t len);

/* The attested words, one a call: the next from byte *pos of the table
 * on (start at 0), its length in *len and *pos moved past it; NULL after
 * the last. */
const char *ar_freq__next_attested(size_t *pos, size_t *len);

/*
 * The words of evidence only (dict/attested-ar.tsv, evidence "g" and
 * "p": names of cities of GeoNames and of towns from a list made in
 * bulk), "word\n" lines in byte order, ar_freq__evidence_len bytes.
 * Not in ar_freq__words: the speller accepts them and the ranking weighs
 * them as words without a count, but they count neither in the letter
 * model nor in the segmenter.
 */
extern const char ar_freq__evidence[];
extern const size_t ar_freq__evidence_len;

/* The words of evidence only, as ar_freq__next_attested() gives the
 * attested words. */
const char *ar_freq__next_evidence(size_t *pos, size_t *len);

/* Is w[0..len) (Arabic letters, without marks) a word of evidence only?
 * A binary search: the list is not loaded into a speller's word store,
 * which it would make a fifth larger and slower to build. */
int ar_freq__evidence_has(const char *w, size_t len);

#endif /* AR_FREQ_H */
