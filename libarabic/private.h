/*
 * private.h - declarations shared between the library's source files and
 * not exported.  Internal helpers shared by several files are named
 * ar_<module>__<name>; everything else is static.
 */
#ifndef AR_PRIVATE_H
#define AR_PRIVATE_H

#include "arabic.h"

#include <stdarg.h>
#include <string.h>

/* ar_buf helpers (status.c). */
ar_status ar_buf__grow(ar_buf *b, size_t need);
ar_status ar_buf__put(ar_buf *b, const void *data, size_t len);
/* Append code point c (a scalar value) to b in UTF-8. */
ar_status ar_buf__put_cp(ar_buf *b, uint32_t c);
/*
 * The largest file the library reads (a dictionary, a gazetteer, a word
 * list): the biggest hunspell dictionaries are a few tens of MB.
 */
#define AR_FILE_MAX ((size_t)256 << 20)
/*
 * Open path for reading if it is a regular file of at most AR_FILE_MAX
 * bytes: the descriptor in *fd and the size in *size.  A FIFO, a device
 * (/dev/zero), a directory or a larger file is refused without blocking
 * (AR_EIO, err naming the file and why); AR_ENOMEM when the system is out
 * of memory.
 */
ar_status ar_file__open(const char *path, int *fd, size_t *size, ar_error *err);
/* Read a whole file into b (NUL-terminated): AR_OK, AR_ENOMEM, or AR_EIO
 * with err naming the file and the system's reason (ar_file__open's rules:
 * a regular file of bounded size). */
ar_status ar_buf__read_file(ar_buf *b, const char *path, ar_error *err);
static inline void ar_buf__clear(ar_buf *b)
{
	b->size = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

/*
 * The library's one hash of byte strings, for its hash tables (the word
 * caches, the gazetteer, the dictionary reader, the segmenter's memos).
 * Eight bytes a round: words are short, so most take one or two rounds.
 * Not for anything that must resist chosen collisions.
 */
static inline uint64_t ar_hash__seeded(uint64_t seed, const char *s, size_t len)
{
	uint64_t h = seed ^ 0x9e3779b97f4a7c15ULL ^
	             (len * 0xff51afd7ed558ccdULL),
	         v;
	while (len >= 8) {
		memcpy(&v, s, 8);
		h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 31;
		s += 8;
		len -= 8;
	}
	if (len) {
		v = 0;
		memcpy(&v, s, len);
		h = (h ^ v) * 0x94d049bb133111ebULL;
		h ^= h >> 29;
	}
	h *= 0xbf58476d1ce4e5b9ULL;
	return h ^ (h >> 32);
}
static inline uint64_t ar_hash__bytes(const char *s, size_t len)
{
	return ar_hash__seeded(0, s, len);
}

/*
 * Make room in a growing array: *p holds *cap elements of elem bytes;
 * when need > *cap, it is reallocated to the next doubling that holds
 * need (at least 16).  0, or -1 when out of memory or the size would
 * overflow (*p and *cap unchanged then).
 */
int ar_array__grow(void **p, size_t *cap, size_t need, size_t elem);

/* A branch the hot loops almost never take. */
#if defined(__GNUC__)
#define AR_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define AR_UNLIKELY(x) (x)
#endif

/* Fill an optional ar_error.  Any of err may be NULL. */
void ar_error__set(ar_error *err, uint64_t line, uint64_t column,
                   uint64_t offset, const char *fmt, ...)
#if defined(__GNUC__)
        __attribute__((format(printf, 5, 6)))
#endif
        ;

/*
 * Tracks line and column (in characters) of a byte stream so that errors can
 * name a position.  Feed it every input byte in order; positions are
 * computed lazily from counts, so the hot path only counts newlines and lead
 * bytes.
 */
typedef struct ar_pos {
	uint64_t offset; /* bytes seen so far */
	uint64_t line;   /* 1-based line of the next byte */
	uint64_t col;    /* 1-based column (characters) of the next byte */
} ar_pos;
#define AR_POS_INIT                                                            \
	{                                                                      \
		0, 1, 1                                                        \
	}
void ar_pos__advance(ar_pos *p, const char *s, size_t len);

/*
 * The character at s[0..len) (len >= 1): its byte length, with its code
 * point in *cp, or 0 for an invalid or truncated sequence.  ASCII and
 * two-byte characters (Arabic, Latin-1...) are decoded inline: this is
 * ar_utf8_decode() for the library's hot loops.
 */
static inline size_t ar_utf8__next(uint32_t *cp, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF && len > 1 && (u[1] & 0xC0) == 0x80) {
		*cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
		return 2;
	}
	return ar_utf8_decode(cp, s, len);
}

/* Write code point cp (a scalar value) in UTF-8 at b (room for 4
 * bytes); its length. */
static inline size_t ar_utf8__encode(uint32_t cp, char *b)
{
	if (cp < 0x80) {
		b[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (char)(0xF0 | (cp >> 18));
	b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	b[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Length of the longest prefix of s[0..len) that is a valid UTF-8 sequence
 * start but truncated (1-3), used by streaming code to hold back a partial
 * character at a chunk end; 0 when the tail is complete or invalid. */
size_t ar_utf8__partial_tail(const char *s, size_t len);

/* Length of the maximal invalid subpart at s (>= 1), per Unicode ch. 3
 * "U+FFFD Substitution of Maximal Subparts". Only call when
 * ar_utf8_decode() returned 0 and the sequence is not merely truncated. */
size_t ar_utf8__invalid_len(const char *s, size_t len);

/*
 * Dictionary data built into the library (names_data.c, generated from
 * dict/ by dict/gen/embed.sh).  ar_names__builtin holds every gazetteer
 * file of dict/names/ (format: dict/FORMAT.md), each preceded by a comment
 * line "# dict/names/FILE.tsv".  ar_names__loanwords is
 * dict/ar-loanwords.txt: one word per line, "#" lines are comments.
 * ar_names__known_errors is dict/ar-known-errors.tsv (error TAB
 * correction TAB reason), "#" lines being comments.  All end with a NUL
 * that the _len values do not count.  (The attested words are built in
 * once, with the frequencies: freq.h.)
 */
extern const char ar_names__builtin[];
extern const size_t ar_names__builtin_len;
extern const char ar_names__loanwords[];
extern const size_t ar_names__loanwords_len;
extern const char ar_names__known_errors[];
extern const size_t ar_names__known_errors_len;

#endif /* AR_PRIVATE_H */
