/*
 * arabic/dict.h - hunspell dictionaries loaded once and shared between a
 * speller and segmenting tokenizers.
 *
 * A speller (arabic/spell.h) checks words against hunspell dictionaries,
 * and a tokenizer made with AR_TOK_SEGMENT (arabic/tok.h) checks the stems
 * it splits off against the Arabic one.  Each opens the dictionaries it
 * needs by itself, unless it is given a lexicon: then it uses the
 * lexicon's, and a program that spell-checks and segments loads ar.aff and
 * ar.dic once instead of once per handle.
 *
 * Dictionaries are found by one rule everywhere in the library: a name
 * ("en_GB") is looked up in the directory the caller gives (dict_dir),
 * else in each directory of $DICPATH (colon-separated, as for
 * hunspell(1)), else in the system directory (/usr/share/hunspell on
 * Debian); a name holding a '/' is a path without .aff/.dic.
 *
 * A lexicon holds no state that depends on the text: it is shared by
 * reference, and any number of spellers and tokenizers, in any threads,
 * may use one lexicon at once.  Each dictionary is read when a handle
 * first needs it, under a lock of the lexicon.  A lexicon lives as long
 * as the longest of its users: ar_lexicon_free() drops the caller's
 * reference, and a speller or tokenizer keeps its own.
 *
 * After fork(), the child may use any handle whose lexicon no other thread
 * of the parent was using at that moment (a lexicon's lock may be held
 * by such a thread); the library's process-wide hunspell lock is released
 * in the child.
 */
#ifndef ARABIC_DICT_H
#define ARABIC_DICT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options of a lexicon. */
typedef struct ar_lexicon_options {
	unsigned version;         /**< AR_LEXICON_OPTIONS_VERSION */
	const char *dictionaries; /**< comma-separated hunspell dictionaries,
	                                as hunspell's -d; a dictionary whose
	                                base name starts with "ar" checks
	                                Arabic words, the others Latin words.
	                                NULL: "ar,en_US" */
	const char *dict_dir;     /**< directory searched first, or NULL */
} ar_lexicon_options;

#define AR_LEXICON_OPTIONS_VERSION 1
#define AR_LEXICON_OPTIONS_INIT                                                \
	{                                                                      \
		AR_LEXICON_OPTIONS_VERSION, NULL, NULL                         \
	}

/** A set of hunspell dictionaries, shared by reference. */
typedef struct ar_lexicon ar_lexicon;

/**
 * Find the dictionaries and read their encodings.  The word lists
 * themselves are read on first use.
 * @param out receives the lexicon (release with ar_lexicon_free()).
 * @param opts options, or NULL for AR_LEXICON_OPTIONS_INIT.
 * @param err optional details: which dictionary is missing and which
 * Debian package holds it, or which encoding is not supported.
 * @return AR_OK, AR_ENOMEM, AR_EINVAL (bad version, empty list), AR_EDICT
 * (a dictionary not found, or its encoding unknown to ICU).
 */
AR_EXTERN ar_status ar_lexicon_new(ar_lexicon **out,
                                   const ar_lexicon_options *opts,
                                   ar_error *err);

/**
 * The number of dictionaries of a lexicon (0 for NULL).
 */
AR_EXTERN size_t ar_lexicon_count(const ar_lexicon *lx);

/**
 * Where dictionary i of a lexicon was found, in the order of its
 * dictionaries option (the search: a path as given; dict_dir; each
 * directory of $DICPATH; the system directory).
 * @param aff receives the path of its .aff file, owned by the lexicon.
 * @param dic receives the path of its .dic file, owned by the lexicon.
 * @return AR_OK, or AR_EINVAL (NULL lexicon or pointer, i out of range).
 */
AR_EXTERN ar_status ar_lexicon_files(const ar_lexicon *lx, size_t i,
                                     const char **aff, const char **dic);

/**
 * Drop the caller's reference.  The lexicon is released when no speller
 * or tokenizer uses it any more.  NULL is a no-op.
 */
AR_EXTERN void ar_lexicon_free(ar_lexicon *lx);

#ifdef __cplusplus
}
#endif

#endif /* ARABIC_DICT_H */
