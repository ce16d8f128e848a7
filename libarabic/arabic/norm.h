/*
 * arabic/norm.h - Arabic normalization.  Include <arabic.h>.
 *
 * Each operation is one bit of ar_norm_flag and carries the same name as the
 * arnorm long option (ar_norm_flag_name()).  Profiles are named sets of
 * operations.  Text is UTF-8 in, UTF-8 out, with explicit lengths.
 *
 * Two ways to normalize, which always give the same bytes:
 *  - ar_norm_buffer(): a whole buffer at once, into an ar_buf;
 *  - ar_norm_feed()/ar_norm_finish(): a stream cut at any byte (even inside
 *    a UTF-8 sequence or between a letter and its marks); the normalizer
 *    holds back what it cannot decide yet.
 *
 * Offset map: on request, every piece of output comes with the span of input
 * bytes it was made from, so that a finding in the normalized text can be
 * shown in the text the user actually has.
 */
#ifndef ARABIC_NORM_H
#define ARABIC_NORM_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Normalization operations, one bit each.  Applied in this order:
 *  1. per character: nfkc / nfkc-arabic (compatibility decomposition), then
 *     invisible and strip-tatweel remove characters;
 *  2. per combining sequence: nfc (canonical ordering and composition; it
 *     also completes nfkc and nfkc-arabic);
 *  3. per character: strip-diacritics, persian, alef, hamza, ya,
 *     ta-marbuta, digits, punct;
 *  4. spaces.
 * Removing tatweel and invisible characters before composing lets a mark
 * written after a tatweel reach its letter, so that every profile is
 * idempotent: normalizing its own output changes nothing.  Newlines are
 * never added or removed, and the Arabic folds leave other scripts alone.
 */
typedef enum ar_norm_flag {
	AR_NORM_NFC = 1u << 0,         /**< "nfc": canonical composition */
	AR_NORM_NFKC_ARABIC = 1u << 1, /**< "nfkc-arabic": fold presentation
	                                         forms U+FB50-FDFF, U+FE70-FEFF */
	AR_NORM_NFKC = 1u << 2,        /**< "nfkc": full NFKC */
	AR_NORM_STRIP_DIACRITICS = 1u << 3, /**< "strip-diacritics" */
	AR_NORM_STRIP_TATWEEL = 1u << 4,    /**< "strip-tatweel": drop U+0640 */
	AR_NORM_ALEF = 1u << 5,       /**< "alef": hamzated alefs -> U+0627 */
	AR_NORM_YA = 1u << 6,         /**< "ya": U+0649 -> U+064A */
	AR_NORM_TA_MARBUTA = 1u << 7, /**< "ta-marbuta": U+0629 -> U+0647 */
	AR_NORM_HAMZA = 1u << 8,      /**< "hamza": U+0624 -> U+0648,
	                                         U+0626 -> U+064A */
	AR_NORM_PERSIAN = 1u << 9,    /**< "persian": Persian/Urdu
	                                         look-alikes -> Arabic letters */
	AR_NORM_DIGITS_ASCII = 1u << 10,  /**< "digits=ascii" */
	AR_NORM_DIGITS_ARABIC = 1u << 11, /**< "digits=arabic" (Arabic-Indic) */
	AR_NORM_PUNCT = 1u << 12,         /**< "punct": Arabic punctuation ->
	                                         ASCII */
	AR_NORM_INVISIBLE = 1u << 13,     /**< "invisible": drop format and
	                                         bidi controls */
	AR_NORM_SPACES = 1u << 14         /**< "spaces": unify, collapse and
	                                         trim horizontal space */
} ar_norm_flag;

/** "clean", the default profile: spelling and diacritics are kept. */
#define AR_NORM_PROFILE_CLEAN                                                  \
	(AR_NORM_NFC | AR_NORM_NFKC_ARABIC | AR_NORM_STRIP_TATWEEL |           \
	 AR_NORM_INVISIBLE | AR_NORM_PERSIAN | AR_NORM_SPACES)
/** "search": clean plus every orthographic fold, for indexing. */
#define AR_NORM_PROFILE_SEARCH                                                 \
	(AR_NORM_PROFILE_CLEAN | AR_NORM_STRIP_DIACRITICS | AR_NORM_ALEF |     \
	 AR_NORM_YA | AR_NORM_TA_MARBUTA | AR_NORM_HAMZA |                     \
	 AR_NORM_DIGITS_ASCII | AR_NORM_PUNCT)
/** "none": no operation (the text is still validated). */
#define AR_NORM_PROFILE_NONE 0u

/**
 * Look up a profile by name ("clean", "search", "none").
 * @param out receives the flags.  @param name NUL-terminated.
 * @return AR_OK, or AR_EINVAL for an unknown name.  Thread-safe.
 */
AR_EXTERN ar_status ar_norm_profile(unsigned *out, const char *name);

/**
 * Look up one operation by its option name ("strip-diacritics",
 * "digits=ascii", ...).
 * @return AR_OK, or AR_EINVAL for an unknown name.  Thread-safe.
 */
AR_EXTERN ar_status ar_norm_flag_from_name(unsigned *out, const char *name);

/** Name of a single flag, or NULL if `flag` is not exactly one known bit.
 * Thread-safe. */
AR_EXTERN const char *ar_norm_flag_name(unsigned flag);

/** Options of a normalizer. */
typedef struct ar_norm_options {
	unsigned version;        /**< AR_NORM_OPTIONS_VERSION */
	unsigned flags;          /**< ar_norm_flag bits */
	ar_invalid_mode invalid; /**< what to do with invalid UTF-8 */
	int want_offsets;        /**< non-zero: sinks receive offset spans */
} ar_norm_options;

#define AR_NORM_OPTIONS_VERSION 1
#define AR_NORM_OPTIONS_INIT                                                   \
	{                                                                      \
		AR_NORM_OPTIONS_VERSION, AR_NORM_PROFILE_CLEAN,                \
		        AR_INVALID_ERROR, 0                                    \
	}

/**
 * One entry of the offset map: output bytes [out_start, out_end) were
 * produced from input bytes [in_start, in_end).  All four are absolute byte
 * offsets from the start of the stream (or buffer).  When `identity` is
 * non-zero the two spans hold the same bytes, so any byte inside maps one to
 * one; otherwise the span maps only as a whole (e.g. a ligature that became
 * two letters, or a removed mark, which has out_start == out_end).
 * Entries come in increasing order and tile both texts without gaps.
 */
typedef struct ar_norm_span {
	uint64_t out_start, out_end;
	uint64_t in_start, in_end;
	int identity;
} ar_norm_span;

/** An opaque normalizer: options plus the state of a stream. */
typedef struct ar_normalizer ar_normalizer;

/**
 * Create a normalizer.
 * @param out receives the handle, to release with ar_normalizer_free().
 * @param opts options, or NULL for AR_NORM_OPTIONS_INIT.
 * @return AR_OK, AR_ENOMEM, or AR_EINVAL (bad version or flags, e.g. both
 * digit directions).
 *
 * The first normalizer of a process (and the first tokenizer or speller,
 * which use one) sets up ICU's NFC and NFKC tables.  ICU does that once
 * per process and remembers a failure: if memory runs out during that
 * set-up, this call returns AR_ENOMEM and so will every later one, in
 * every thread, for the life of the process, whatever memory is free.
 * ICU offers no way to try again.  A server should therefore open one
 * normalizer at start-up (and exit if that fails); once the set-up has
 * succeeded, later failures are ordinary AR_ENOMEM that the next call
 * recovers from.
 */
AR_EXTERN ar_status ar_normalizer_new(ar_normalizer **out,
                                      const ar_norm_options *opts);

/** Release a normalizer.  NULL is a no-op. */
AR_EXTERN void ar_normalizer_free(ar_normalizer *n);

/**
 * Receives normalized output.  `data`/`len` are valid only during the call.
 * `spans`/`nspans` describe where it came from when the normalizer was made
 * with want_offsets, and are NULL/0 otherwise.  Return 0 to go on, non-zero
 * to stop (the feeding call then returns AR_EUSER).
 */
typedef int (*ar_norm_sink)(const char *data, size_t len,
                            const ar_norm_span *spans, size_t nspans,
                            void *payload);

/**
 * Normalize the next piece of a stream.  The piece may end anywhere; what
 * cannot be decided yet is kept for the next call.
 * @param n the normalizer.  @param s, len the bytes (s may be NULL if len 0).
 * @param sink receives output, possibly several times, possibly not at all.
 * @param payload passed to sink.
 * @param err optional; on AR_EUTF8 gets line, column and absolute offset.
 * @return AR_OK, AR_EUTF8 (the stream is then finished; ar_norm_reset() to
 * reuse), AR_ENOMEM, AR_EUSER.
 */
AR_EXTERN ar_status ar_norm_feed(ar_normalizer *n, const char *s, size_t len,
                                 ar_norm_sink sink, void *payload,
                                 ar_error *err);

/**
 * End the stream: flush what was held back and reset the normalizer for a
 * new stream.  A truncated UTF-8 sequence at the end is an error (or
 * replaced / kept, as the options say).  Same returns as ar_norm_feed().
 */
AR_EXTERN ar_status ar_norm_finish(ar_normalizer *n, ar_norm_sink sink,
                                   void *payload, ar_error *err);

/** Drop any held-back input and start a new stream (also after an
 * error).  The count of ar_norm_invalid_count() is kept. */
AR_EXTERN void ar_norm_reset(ar_normalizer *n);

/**
 * Number of invalid UTF-8 sequences (maximal subparts) that were replaced
 * with U+FFFD (AR_INVALID_REPLACE) or passed through (AR_INVALID_KEEP) by
 * this normalizer since it was created, over all its streams and
 * ar_norm_buffer() calls.  Take the difference of two readings to count
 * one stream.  @return the count; 0 for NULL.
 */
AR_EXTERN uint64_t ar_norm_invalid_count(const ar_normalizer *n);

/**
 * Normalize a whole buffer; the result equals feeding it in any pieces.
 * Does not disturb a stream in progress on `n`.
 * @param out the result, replacing its content (caller-owned, see ar_buf).
 * @param spans if not NULL, receives the offset map as an array of
 *        ar_norm_span in a library-allocated buffer: spans->size is
 *        a multiple of sizeof(ar_norm_span).  Release with ar_buf_dispose().
 * @return AR_OK, AR_EUTF8, AR_ENOMEM, AR_EINVAL.
 */
AR_EXTERN ar_status ar_norm_buffer(ar_buf *out, ar_buf *spans, ar_normalizer *n,
                                   const char *s, size_t len, ar_error *err);

#ifdef __cplusplus
}
#endif

#endif /* ARABIC_NORM_H */
