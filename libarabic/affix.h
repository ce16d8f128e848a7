/*
 * affix.h - a read-only word checker over a hunspell dictionary (.aff +
 * .dic), for the spell-checker's hot path.  Not installed.
 *
 * Hunspell itself spends most of a short run loading: it expands every
 * .dic entry into its own allocation (170,000 for Arabic, 0.15 s) before
 * the first word is checked, and one handle cannot be used from two
 * threads.  This checker reads the same two files into a few flat arrays
 * (the .dic text stays as read; entries point into it) and answers "does
 * hunspell accept this word?" by hunspell's rules: input conversion
 * (ICONV) and IGNORE characters, trailing dots, the capitalization type
 * and the spellings tried for it (with the hidden capitalized forms of
 * mixed-case and all-caps entries), prefixes and suffixes with their
 * strip strings, conditions and cross products, two-level suffixes
 * (continuation classes), and the default hyphen break points.  Hunspell
 * stays the source of suggestions.
 *
 * Only a subset of the .aff format is understood, and the reader says so
 * rather than guess.  affix.c keeps an allow-list of directives
 * (directives[]): those read here (SET, FLAG, AF, IGNORE, ICONV, PFX,
 * SFX, and COMPOUNDRULE, COMPOUNDMIN, ONLYINCOMPOUND as far as en_US
 * uses them: for words with digits, which are left to hunspell), and
 * those skipped because they only shape suggestions or morphology (TRY,
 * KEY, REP, MAP, PHONE, AM, OCONV, WORDCHARS, NOSUGGEST...), each with
 * the reason.  Any other directive (compounding by COMPOUNDFLAG,
 * NEEDAFFIX, FORBIDDENWORD, CIRCUMFIX, KEEPCASE, BREAK, LANG, a misspelt
 * or newer one) makes ar_affix__open() refuse the dictionary with
 * AR_EINVAL and a message naming the directive and its line.  A .aff
 * that is malformed, or that hunspell would stop reading (a repeated
 * directive, a table shorter than announced), and a .dic whose first line
 * is not a word count give AR_EDICT.  Either way the caller keeps using
 * hunspell for that dictionary.
 *
 * The reader was compared with hunspell 1.7.x (tests/unit/test_affix.c,
 * fuzz/fuzz_affix_diff.c).  configure leaves it out with another
 * hunspell series, and with --disable-affix-reader: ar_affix__open()
 * then refuses every dictionary (AR_EINVAL, "affix reader disabled at
 * build time") and hunspell gives every verdict.  --enable-affix-reader
 * forces it on.
 *
 * A checker is immutable once open: any number of threads may call
 * ar_affix__check() on one checker at once.
 */
#ifndef AR_AFFIX_H
#define AR_AFFIX_H

#include "private.h"

typedef struct ar_affix ar_affix;

/*
 * Open the dictionary made of `aff` and `dic` (paths).  AR_OK; AR_EINVAL
 * when the .aff uses a directive outside the allow-list or is not UTF-8
 * (err says which), or when the reader is disabled at build time; AR_EIO
 * when a file cannot be read; AR_EDICT when a file is malformed (also to
 * hunspell: see above); AR_ENOMEM.
 */
ar_status ar_affix__open(ar_affix **out, const char *aff, const char *dic,
                         ar_error *err);
void ar_affix__free(ar_affix *a);

/*
 * Whether hunspell would accept the UTF-8 word w[0..len) (no NUL needed):
 * 1 yes, 0 no, -1 when this checker cannot tell and the caller should ask
 * hunspell: a word with characters it does not decide on (digits, letters
 * outside Arabic, ASCII and Latin-1, other punctuation than the hyphen,
 * dot and apostrophe), longer than 100 bytes, an all-caps word with an
 * apostrophe, or one of the rare words whose verdict depends on the order
 * of hunspell's search.  Like hunspell, it accepts an empty word and a
 * word made only of IGNORE characters or dots.
 */
int ar_affix__check(const ar_affix *a, const char *w, size_t len);

/*
 * The words of the .dic as this checker keeps them, in the file's order
 * (the count line excluded): the part of each line before its flags and
 * morphological fields, without the .aff's IGNORE characters.  Words too
 * long for any check (over 132 bytes) are not kept.  ar_affix__word()
 * returns word i of ar_affix__nwords() and its length in *len; the
 * pointer lives as long as the checker.
 */
size_t ar_affix__nwords(const ar_affix *a);
const char *ar_affix__word(const ar_affix *a, size_t i, size_t *len);

#endif /* AR_AFFIX_H */
