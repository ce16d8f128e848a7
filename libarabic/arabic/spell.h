/*
 * arabic/spell.h - spell-checking of mixed Arabic/Latin text with hunspell
 * and a names gazetteer.  Include <arabic.h>.
 *
 * A speller (ar_speller) is opened once: it loads the hunspell
 * dictionaries (by default Arabic "ar" and English "en_US"), the names
 * gazetteer and the Arabic loanword supplement built into the library, and
 * any extra gazetteer files or personal dictionaries the caller adds.  It
 * then checks text:
 *  - a stream, fed in pieces cut at any byte (ar_spell_feed() /
 *    ar_spell_finish()), findings going to a callback;
 *  - a whole buffer at once (ar_spell_buffer()), findings returned in one
 *    object freed with one call;
 *  - a single word (ar_spell_word()).
 *
 * Words are found with the library's tokenizer.  Arabic words are checked
 * against the Arabic dictionaries, Latin words against the others.
 * Numbers, URLs, e-mail addresses, @mentions, #hashtags and words with
 * digits are skipped, and all-capital Latin words (VPN, FSB) are accepted
 * unless AR_SPELL_CHECK_ACRONYMS is set.  Every word of every spelling in
 * the gazetteer is accepted (but an inner word of a longer name that is a
 * two-letter or article-initial common word without its hamza or with
 * another final letter: ان, او, الان of "سي ان ان"), with Arabic
 * proclitics (و ف ب ك ل ال and their
 * combinations: وأمازون, لتيليجرام) and the Latin possessive 's, and so
 * are the regular variants of Arabic spellings: alefs without their hamza
 * (امازون), any of ج غ ق گ ڨ for the g of a foreign name (أردوجان), a final
 * ة for the final ا of a name (بنزيمة), and the nisba adjectives and
 * plurals of one-word names (الترامبية, الحوثيين); in Latin script, the
 * plural of a one-word name (iPhones).
 *
 * The built-in attested words (dict/attested-ar.tsv: words real text uses
 * that the Arabic dictionary lacks, such as foreign names and loanwords)
 * are accepted too.
 *
 * A word no dictionary knows is a finding of one of these kinds:
 *  - AR_FINDING_NAME: the word is close to a gazetteer name (by edit
 *    distance with transpositions, by a phonetic key for transliterated
 *    Latin names, by a consonant skeleton for Arabic), which is the first
 *    suggestion (Telegerm -> Telegram, Doroff -> Durov), and the evidence
 *    says it is that name's typo: it is close for its length, and no
 *    dictionary word is one edit from it (recieve is a typo of receive,
 *    not of a name);
 *  - AR_FINDING_UNKNOWN: any other unknown word, with hunspell's
 *    suggestions;
 * an unknown word (of either kind) used twice or more in one stream, within
 * 256 KiB of text (as itself or behind other proclitics: بوتوماك,
 * والبوتوماك), is taken for a word the text means, such as a name the
 * gazetteer lacks, and not reported; nor is an unknown Arabic word that
 * reads almost like a name (its score just over the line) beside a word,
 * before or after it, that no dictionary has: names come in runs.
 * A word that the dictionary accepts but that is a common misspelling
 * (dict/ar-known-errors.tsv: ذالك for ذلك, شئ for شيء, حتي for حتى) is a
 * finding of kind AR_FINDING_KNOWN_ERROR with its correction.
 * And, for a known name:
 *  - AR_FINDING_INCONSISTENT: an accepted spelling of a name used once in
 *    a stream in which another accepted spelling of the same name is used
 *    at least twice as often (Qaddafi once, Gaddafi three times); the
 *    majority spelling is the suggestion.  These findings can only be
 *    decided at the end of the stream, so ar_spell_finish() reports them.
 *
 * Results of each distinct word are cached in the speller, so a long text
 * costs about one dictionary lookup per distinct word.  The cache has a
 * byte budget (cache_bytes in the options, 16 MiB by default): when it
 * is spent, the cache is emptied and its memory given back, so a speller
 * fed news for months stays within a few tens of MB (its dictionaries
 * and gazetteer plus the budget).  Only speed depends on the cache,
 * never a result.
 *
 * Thread safety: a speller is used by ONE THREAD AT A TIME (its cache
 * changes on every check).  Open one speller per thread.  Spellers may
 * share their dictionaries through one lexicon (arabic/dict.h), which is
 * thread-safe: its hunspell handles are used under its own lock.  The
 * library has no global mutable state.  Hunspell 1.7 has some, a Unicode
 * case table shared by all its handles and allocated, counted and freed
 * without a lock when a dictionary is loaded or released; the library
 * therefore loads and releases hunspell dictionaries under one
 * process-wide lock, so spellers may be opened, used and freed in several
 * threads at once.  The lock does not cover hunspell handles that the
 * application creates itself: do not create or free those while a
 * libarabic speller or segmenting tokenizer is loading a dictionary or
 * being freed in another thread.
 * A findings object (ar_spell_findings) does not depend on its speller and
 * may be read by any thread once created.
 *
 * Out of memory: every call that returns AR_ENOMEM leaves its handle
 * usable, with nothing half-recorded: once memory is back, the same call
 * gives what it would have given without the failure, and a call that
 * returned AR_OK gave exactly that.  Hunspell, which is C++, runs behind
 * a boundary that catches its exceptions (std::bad_alloc becomes
 * AR_ENOMEM), so a failed allocation inside it never ends the process.
 * What AR_ENOMEM cannot promise while hunspell is in the call (loading a
 * dictionary, suggesting): hunspell may leak what it had allocated (tens
 * of thousands of blocks after a failure during a load); and hunspell
 * 1.7 survives some failed allocations without a word, keeping part of a
 * dictionary.  The library checks each new hunspell handle against a word
 * its own reader knows and makes it again when that word is missing (a
 * word table lost), but cannot see a partial affix table: after memory
 * ran out while hunspell was loading, suggestions (not verdicts, which
 * the library's reader gives) may differ until the lexicon is opened
 * again.
 *
 * Dictionaries: words are checked by the library's own reader of
 * hunspell's .aff/.dic files, which gives hunspell's verdict (the same
 * affix, case, abbreviation and hyphen rules) from flat tables that load
 * in a few hundredths of a second; hunspell itself is loaded only for
 * suggestions and for what that reader leaves to it: words with digits
 * or with letters outside Arabic, ASCII and Latin-1, and dictionaries
 * that use compounding or other features it does not implement.
 *
 * Start-up: ar_speller_new() finds the dictionaries and reads the
 * encodings their .aff files declare; each dictionary's words are read
 * when the first word of its script is checked (a few hundredths of a
 * second for the Arabic one).  A dictionary whose .aff declares an
 * encoding other than UTF-8 (its SET line) is used through hunspell and
 * an ICU converter; words it cannot encode are unknown to it.
 */
#ifndef ARABIC_SPELL_H
#define ARABIC_SPELL_H

#include "common.h"
#include "dict.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Speller option bits (ar_spell_options.flags). */
enum {
	AR_SPELL_CHECK_ACRONYMS = 1u << 0, /**< check all-capital words too */
	AR_SPELL_NO_SUGGEST = 1u << 1,     /**< findings carry no
	                                        suggestions, and every
	                                        unknown word is of kind
	                                        AR_FINDING_UNKNOWN (no name
	                                        or hunspell suggestion search:
	                                        much faster, as for a list of
	                                        misspelled words) */
	AR_SPELL_NO_CONSISTENCY = 1u << 2, /**< no AR_FINDING_INCONSISTENT */
	AR_SPELL_NO_BUILTIN = 1u << 3,     /**< do not load the built-in
	                                        gazetteer, loanwords,
	                                        attested words and known
	                                        errors */
	/* House styles: spellings some papers use throughout. */
	AR_SPELL_HAMZA_FREE = 1u << 4,        /**< accept an alef written
	                                         without its hamza (الى,
	                                         اعلنت, والاقتصاد) where the
	                                         word with the hamza is
	                                         right */
	AR_SPELL_FINAL_YA = 1u << 5,          /**< accept a final ى written
	                                         for ي (السيسى, هواوى,
	                                         الرئيسى) where the word with
	                                         ي is right */
	AR_SPELL_CONSISTENCY_NAMES = 1u << 6, /**< check the consistency of
	                                          names only: a spelling
	                                          that a dictionary accepts
	                                          as a word (علي, او) is
	                                          never inconsistent */
	AR_SPELL_ALL_UNKNOWN = 1u << 7        /**< report every unknown Arabic
	                                    word, also one that reads like
	                                    a word and has no listed or
	                                    dictionary word one edit away
	                                    (a name or a term no list has),
	                                    which is accepted by default */
};

/** Options of a speller. */
typedef struct ar_spell_options {
	unsigned version;         /**< AR_SPELL_OPTIONS_VERSION */
	unsigned flags;           /**< AR_SPELL_* bits */
	const char *dictionaries; /**< comma-separated hunspell dictionaries,
	                                as hunspell's -d: a name ("en_GB"),
	                                looked up in dict_dir, else in each
	                                directory of $DICPATH, else in the
	                                system directory; or a path without
	                                .aff/.dic.  A dictionary whose base
	                                name starts with "ar" checks Arabic
	                                words, the others Latin words.  NULL:
	                                "ar,en_US". */
	const char *dict_dir;     /**< directory searched first, or NULL */
	ar_invalid_mode invalid;  /**< what to do with invalid UTF-8 */
	unsigned max_suggestions; /**< per finding; 0 means 5 */
	ar_lexicon *lexicon;      /**< (version 2) the dictionaries to use,
	                                shared with other handles
	                                (arabic/dict.h); the speller keeps a
	                                reference.  NULL: open the
	                                dictionaries and dict_dir above,
	                                which are then ignored */
	size_t cache_bytes;       /**< (version 3) the most memory the
	                                speller's cache of verdicts and
	                                suggestions may hold before it is
	                                emptied and its memory released;
	                                0 means AR_SPELL_CACHE_DEFAULT */
} ar_spell_options;

/** The default byte budget of a speller's cache (16 MiB): about 65,000
 * distinct words, a day of a news wire. */
#define AR_SPELL_CACHE_DEFAULT ((size_t)16 << 20)

/** Version 2 adds lexicon; a version 1 struct is still accepted. */
#define AR_SPELL_OPTIONS_VERSION 3
#define AR_SPELL_OPTIONS_INIT                                                  \
	{                                                                      \
		AR_SPELL_OPTIONS_VERSION, 0, NULL, NULL, AR_INVALID_ERROR, 0,  \
		        NULL, 0                                                \
	}

/** Kinds of findings. */
typedef enum ar_finding_kind {
	AR_FINDING_UNKNOWN = 0,      /**< a word no dictionary knows */
	AR_FINDING_NAME = 1,         /**< a probable misspelling of a name */
	AR_FINDING_INCONSISTENT = 2, /**< a name spelled differently from
	                                  its usual spelling in the text */
	AR_FINDING_KNOWN_ERROR = 3   /**< a common misspelling that the
	                                  dictionary accepts (ذالك, شئ);
	                                  the correction is the
	                                  suggestion */
} ar_finding_kind;

/** "unknown", "name", "inconsistent", "known-error", or NULL when out of
 * range.  Thread-safe. */
AR_EXTERN const char *ar_finding_kind_name(ar_finding_kind k);

/** One finding.  Handed to an ar_finding_sink, it is valid only during
 * the call; from ar_spell_findings_get(), until the findings are freed. */
typedef struct ar_finding {
	ar_finding_kind kind;
	const char *word;    /**< the word exactly as written (UTF-8) */
	size_t len;          /**< its length in bytes */
	uint64_t start, end; /**< [start, end): byte offsets in the
	                               input stream as given */
	uint64_t line;       /**< 1-based line of start */
	uint64_t column;     /**< 1-based column of start, counted in
	                               Unicode characters */
	const char *const *suggestions; /**< best first, NUL-terminated
	                                     UTF-8 strings */
	size_t nsuggestions;
} ar_finding;

/** Receives findings.  Return 0 to go on, non-zero to stop (the call then
 * returns AR_EUSER). */
typedef int (*ar_finding_sink)(const ar_finding *f, void *payload);

typedef struct ar_speller ar_speller;

/**
 * Open a speller: load the hunspell dictionaries and, unless
 * AR_SPELL_NO_BUILTIN, the built-in gazetteer and loanword supplement.
 * @param out receives the handle, to release with ar_speller_free().
 * @param opts options, or NULL for AR_SPELL_OPTIONS_INIT.
 * @param err optional details: for AR_EDICT, a message naming the missing
 *        dictionary and the Debian package that provides it, or the
 *        encoding of its SET line that ICU cannot convert.
 * @return AR_OK, AR_ENOMEM, AR_EINVAL (bad version or empty dictionary
 * list), AR_EDICT (a dictionary not found, unreadable or in an unknown
 * encoding).
 */
AR_EXTERN ar_status ar_speller_new(ar_speller **out,
                                   const ar_spell_options *opts, ar_error *err);

/** Release a speller and everything it holds.  NULL is a no-op. */
AR_EXTERN void ar_speller_free(ar_speller *sp);

/**
 * Add gazetteer entries in the source format of dict/FORMAT.md
 * (TYPE, CANONICAL, LATIN-VARIANTS, ARABIC-SPELLINGS, TAB-separated).
 * @param sp the speller.  @param text, len the entries.
 * @param source name used in error messages (NULL: "(names)").
 * @param err optional; on failure gets line, source and a message
 *        "SOURCE:LINE: ...".
 * @return AR_OK, AR_EDICT (malformed line: wrong number of fields, unknown
 * type, empty canonical name; the lines before it stay loaded), AR_EUTF8,
 * AR_ENOMEM, AR_EINVAL.
 */
AR_EXTERN ar_status ar_speller_add_names(ar_speller *sp, const char *text,
                                         size_t len, const char *source,
                                         ar_error *err);

/**
 * Load a gazetteer file (same format as ar_speller_add_names()).
 * @return as ar_speller_add_names(), or AR_EIO if the file cannot be read
 * (err->message then holds "PATH: strerror").
 */
AR_EXTERN ar_status ar_speller_load_names(ar_speller *sp, const char *path,
                                          ar_error *err);

/**
 * Load a personal dictionary: one word per line, as hunspell's -p (a
 * '/' and what follows it on a line are ignored; '#' starts a comment
 * line).  Its words are accepted in any case.
 * @return AR_OK, AR_EIO, AR_EUTF8 (with the line), AR_ENOMEM, AR_EINVAL.
 */
AR_EXTERN ar_status ar_speller_load_personal(ar_speller *sp, const char *path,
                                             ar_error *err);

/** Accept one more word (UTF-8, `len` bytes), as a personal dictionary
 * line would.  @return AR_OK, AR_EUTF8, AR_ENOMEM, AR_EINVAL. */
AR_EXTERN ar_status ar_speller_add_word(ar_speller *sp, const char *word,
                                        size_t len);

/**
 * Check the next piece of a stream (cut at any byte).  Findings go to
 * sink in text order, once the stream has gone on 256 KiB past their word
 * (or at ar_spell_finish()): the unknown words the text repeats within
 * that stretch are dropped (see above).  A stream that never ends thus
 * holds a bounded number of findings.  Any split of the input gives the
 * same findings.
 * @param sp the speller.  @param s, len the bytes (s may be NULL if len 0).
 * @param sink receives findings.  @param payload passed to sink.
 * @param err optional; on AR_EUTF8 gets line, column and byte offset.
 * @return AR_OK, AR_EUTF8 (then call ar_spell_reset() to reuse the
 * speller), AR_ENOMEM, AR_EUSER.
 */
AR_EXTERN ar_status ar_spell_feed(ar_speller *sp, const char *s, size_t len,
                                  ar_finding_sink sink, void *payload,
                                  ar_error *err);

/**
 * End the stream: check the last word, report the findings still held
 * back, then the inconsistent spellings (each in text order), and get
 * ready for a new
 * stream (offsets, lines, repetition and consistency counts start
 * again).
 * @return as ar_spell_feed().
 */
AR_EXTERN ar_status ar_spell_finish(ar_speller *sp, ar_finding_sink sink,
                                    void *payload, ar_error *err);

/** Forget the current stream (held-back bytes, positions, counts).  The
 * word cache is kept. */
AR_EXTERN void ar_spell_reset(ar_speller *sp);

/** A list of findings, owned by the caller, freed with
 * ar_spell_findings_free(). */
typedef struct ar_spell_findings ar_spell_findings;

/**
 * Check a whole buffer: the findings of ar_spell_feed() then
 * ar_spell_finish(), sorted by offset.
 * @param out receives the findings (even when there are none).
 * @return AR_OK, AR_EUTF8, AR_ENOMEM, AR_EINVAL.  On failure *out is NULL.
 */
AR_EXTERN ar_status ar_spell_buffer(ar_spell_findings **out, ar_speller *sp,
                                    const char *s, size_t len, ar_error *err);

/**
 * Check one word, without tokenizing: the whole input is the word.  A
 * word alone has no neighbours: an unknown word that reads almost like a
 * name, which a text does not report beside a word no dictionary has,
 * is reported here.
 * @param out receives a findings object holding no finding when the word
 *        is correct (or is not a word to check: a number, an acronym...),
 *        else exactly one (start 0, end len, line 1, column 1, never of
 *        kind inconsistent).
 * @return AR_OK, AR_EUTF8, AR_ENOMEM, AR_EINVAL.
 */
AR_EXTERN ar_status ar_spell_word(ar_spell_findings **out, ar_speller *sp,
                                  const char *word, size_t len);

/** Number of findings.  NULL counts 0. */
AR_EXTERN size_t ar_spell_findings_count(const ar_spell_findings *f);
/** Finding i (0-based), or NULL when out of range.  Valid until
 * ar_spell_findings_free(). */
AR_EXTERN const ar_finding *ar_spell_findings_get(const ar_spell_findings *f,
                                                  size_t i);
/** Free findings and all their strings.  NULL is a no-op. */
AR_EXTERN void ar_spell_findings_free(ar_spell_findings *f);

#ifdef __cplusplus
}
#endif

#endif /* ARABIC_SPELL_H */
