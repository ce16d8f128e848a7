/*
 * arabic/common.h - what every stage of libarabic shares: the export macro,
 * status codes, the caller-owned result buffer, error details and UTF-8
 * helpers.  Include <arabic.h> rather than this file.
 */
#ifndef ARABIC_COMMON_H
#define ARABIC_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Marks a public function.  The library is built with
 * -fvisibility=hidden, so only functions marked AR_EXTERN are exported. */
#if defined(__GNUC__) && __GNUC__ >= 4
#define AR_EXTERN __attribute__((visibility("default")))
#else
#define AR_EXTERN
#endif

/** Status of every call that can fail.  AR_OK is 0; failures are negative. */
typedef enum ar_status {
	AR_OK = 0,      /**< success */
	AR_ENOMEM = -1, /**< out of memory */
	AR_EINVAL = -2, /**< invalid argument (NULL handle, unknown name...) */
	AR_EUTF8 = -3,  /**< invalid UTF-8 in the input; see ar_error.offset */
	AR_EIO = -4,    /**< a file could not be read */
	AR_EDICT = -5,  /**< a dictionary is missing, unreadable or malformed */
	AR_EUSER = -6   /**< a caller's callback returned non-zero: stopped */
} ar_status;

/**
 * Describe a status code.
 * @param status any value, even one that is not an ar_status.
 * @return a static English string, never NULL ("unknown error" for values
 * outside the enum).  Thread-safe.
 */
AR_EXTERN const char *ar_strerror(int status);

/**
 * Version of the library linked at run time, as "MAJOR.MINOR.PATCH".
 * Compare with AR_VERSION_STRING to detect a header/library mismatch.
 * @return a static string.  Thread-safe.
 */
AR_EXTERN const char *ar_version(void);

/**
 * Details of a failure, filled by functions that take input text.  The
 * caller owns it (usually on the stack); pass NULL when the status alone is
 * enough.  Functions that succeed leave it untouched.
 */
typedef struct ar_error {
	uint64_t line;     /**< 1-based line of the fault (0 if not known) */
	uint64_t column;   /**< 1-based column, counted in Unicode characters */
	uint64_t offset;   /**< absolute 0-based byte offset in the input */
	char source[128];  /**< name of the input or file, "" if none */
	char message[160]; /**< one-line English description, no newline */
} ar_error;

/**
 * A growable byte buffer that holds results.  The caller owns the struct
 * (initialise it with AR_BUF_INIT); the library owns the memory it points
 * to, which the caller releases with ar_buf_dispose().  A buffer may be
 * reused: functions that fill it replace its content.  `ptr` is always
 * NUL-terminated after a successful call (the NUL is not counted in size).
 */
typedef struct ar_buf {
	char *ptr;    /**< the bytes, or NULL when nothing was ever stored */
	size_t size;  /**< number of bytes used */
	size_t asize; /**< number of bytes allocated */
} ar_buf;

#define AR_BUF_INIT                                                            \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/** Free the memory of a buffer and reset it to AR_BUF_INIT.  NULL is a
 * no-op. */
AR_EXTERN void ar_buf_dispose(ar_buf *buf);

/** What to do with invalid UTF-8 in the input. */
typedef enum ar_invalid_mode {
	AR_INVALID_ERROR = 0,   /**< stop with AR_EUTF8 and the byte offset */
	AR_INVALID_REPLACE = 1, /**< replace each maximal invalid subpart with
	                             U+FFFD (Unicode ch. 3, "U+FFFD Substitution
	                             of Maximal Subparts") */
	AR_INVALID_KEEP = 2     /**< pass the bytes through untouched */
} ar_invalid_mode;

/**
 * Check that a buffer is well-formed UTF-8 (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF, no truncated sequence).
 * @param s the bytes; may be NULL when len is 0.
 * @param len their number.
 * @param bad_offset if not NULL and the text is invalid, receives the byte
 *        offset of the first invalid byte.
 * @return 1 if valid, 0 if not.  Thread-safe.
 */
AR_EXTERN int ar_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/**
 * Decode one code point.
 * @param out receives the code point.
 * @param s the bytes; @param len their number (> 0).
 * @return the length of the sequence (1-4), or 0 if it is invalid or
 * truncated (then *out is untouched).  Thread-safe.
 */
AR_EXTERN size_t ar_utf8_decode(uint32_t *out, const char *s, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* ARABIC_COMMON_H */
