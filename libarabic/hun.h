/*
 * hun.h - the C side of the boundary around hunspell (hun.cc).
 *
 * Hunspell is C++: a failed allocation inside it throws std::bad_alloc,
 * and an exception that reaches a C frame ends the process (terminate).
 * Every call into hunspell goes through these four functions, which
 * catch whatever hunspell throws and turn it into a status:
 *
 *   AR_ENOMEM  std::bad_alloc (or std::length_error: a size hunspell
 *              could not allocate);
 *   AR_EDICT   any other exception.
 *
 * What a failure leaves behind is hunspell's business: it may leak what
 * it had allocated on the way (hunspell 1.7 frees little on an
 * exception), and a handle that threw during a suggestion search is still
 * usable: its dictionary is only read by spell and suggest.
 *
 * Only dict.c calls these (see libarabic/README.md, layer 4); it holds
 * its locks around them.
 */
#ifndef AR_HUN_H
#define AR_HUN_H

#include <stddef.h>

#include "arabic/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ar_hun ar_hun;

/* A hunspell handle for the files aff and dic in *out.  AR_OK with *out
 * set, or a status with *out NULL. */
ar_status ar_hun__create(ar_hun **out, const char *aff, const char *dic);

/* Free h (NULL is allowed). */
void ar_hun__destroy(ar_hun *h);

/* Hunspell's verdict on w (NUL-terminated, in the dictionary's
 * encoding) in *ok: 1 accepted, 0 rejected. */
ar_status ar_hun__spell(ar_hun *h, const char *w, int *ok);

/* Hunspell's suggestions for w (NUL-terminated, in the dictionary's
 * encoding): *out an array of *n strings, each and the array from
 * malloc (free them with free); *out NULL when there are none. */
ar_status ar_hun__suggest(ar_hun *h, const char *w, char ***out, size_t *n);

#ifdef __cplusplus
}
#endif

#endif
