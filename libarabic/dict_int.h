/*
 * dict_int.h - what the library's stages ask of a lexicon (dict.c): the
 * verdict and the suggestions of each hunspell dictionary, and the
 * headwords of an Arabic one.  Not installed.
 *
 * Every call into hunspell in the library goes through dict.c: it decides
 * whether a word is checked by the library's own reader of hunspell files
 * (affix.c) or by hunspell, converts words to and from a dictionary's
 * encoding, and keeps hunspell handles, which are not thread-safe, under
 * the lexicon's lock.
 */
#ifndef AR_DICT_INT_H
#define AR_DICT_INT_H

#include "strmap.h"

/* Open the comma-separated list of dictionaries (see ar_lexicon_new). */
ar_status ar_lexicon__open(ar_lexicon **out, const char *list,
                           const char *dict_dir, ar_error *err);

/* Take one more reference; returns lx. */
ar_lexicon *ar_lexicon__ref(ar_lexicon *lx);

/* Whether dictionary i checks Arabic words (its base name starts with
 * "ar"); the number of dictionaries is ar_lexicon_count(). */
int ar_lexicon__arabic(const ar_lexicon *lx, size_t i);

/*
 * Does dictionary i accept the word w[0..len) (UTF-8, with w[len] ==
 * '\0')?  1 yes, 0 no (also for a word the dictionary's encoding cannot
 * write, or when the dictionary cannot be read), -1 when out of memory
 * while reading the dictionary or inside hunspell (hun.h).  Thread-safe.
 */
int ar_dict__check(ar_lexicon *lx, size_t i, const char *w, size_t len);

/*
 * Hunspell's suggestions for w (NUL-terminated UTF-8) from dictionary i,
 * in UTF-8: *out gets a malloc'd array of *n malloc'd strings (free with
 * ar_dict__free_list), or NULL with *n == 0.  AR_OK, or AR_ENOMEM (or
 * AR_EDICT) when hunspell failed (hun.h).  Thread-safe.
 */
ar_status ar_dict__suggest(ar_lexicon *lx, size_t i, const char *w, char ***out,
                           size_t *n);
void ar_dict__free_list(char **list, size_t n);

/* Kinds of headword of an Arabic .dic (values of its headword map). */
enum { AR_HEAD_OPEN = 1, AR_HEAD_STOP = 2 };

/*
 * The headwords of dictionary i, without their marks (the part of each
 * .dic line before '/', a tab or a space), read on first use: AR_HEAD_STOP
 * for the words of the file's "stopwords" list (function words, given
 * with their clitics attached), AR_HEAD_OPEN for the others.  The map is
 * the lexicon's and never changes once read.  AR_OK, AR_ENOMEM, AR_EDICT
 * (the .dic cannot be read; err says why).
 */
ar_status ar_lexicon__heads(ar_lexicon *lx, size_t i, const ar_strmap **out,
                            ar_error *err);

/* The index of the first Arabic dictionary, or -1 when there is none. */
long ar_lexicon__first_arabic(const ar_lexicon *lx);

#endif /* AR_DICT_INT_H */
