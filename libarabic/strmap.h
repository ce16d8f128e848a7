/*
 * strmap.h - a map from byte strings to 32-bit values, with open
 * addressing and the keys in one arena: the headword table of the Arabic
 * dictionary (dict.c) and the segmenter's memos (seg.c).  Not installed.
 *
 * A map has a bound on its entries: when it is full, ar_strmap__put()
 * empties it first, which suits a memo (a forgotten entry is computed
 * again) and is never reached by a table sized for its contents.
 */
#ifndef AR_STRMAP_H
#define AR_STRMAP_H

#include "private.h"

typedef struct ar_strmap_slot {
	uint32_t hash;
	uint32_t key; /* offset of the key in the arena, +1 (0: empty) */
	uint32_t klen;
	uint32_t val;
} ar_strmap_slot;

typedef struct ar_strmap {
	ar_strmap_slot *slots;
	size_t nslots, used, max;
	ar_buf arena;
} ar_strmap;

/* nslots must be a power of two larger than max.  0, or -1 when out of
 * memory. */
int ar_strmap__init(ar_strmap *m, size_t nslots, size_t max);
void ar_strmap__free(ar_strmap *m);
void ar_strmap__clear(ar_strmap *m);

/* The 32-bit hash the map files key k[0..n) under (never 0). */
static inline uint32_t ar_strmap__hash(const char *k, size_t n)
{
	uint32_t h = (uint32_t)ar_hash__bytes(k, n);
	return h ? h : 1;
}

/* Insert k with val (nothing happens when k is there already, or when k
 * is longer than 65,535 bytes).  0, or -1 when out of memory. */
int ar_strmap__put(ar_strmap *m, const char *k, size_t n, uint32_t val);

/* 1 with *val set when k is in the map, else 0. */
int ar_strmap__get(const ar_strmap *m, const char *k, size_t n, uint32_t *val);

#endif /* AR_STRMAP_H */
