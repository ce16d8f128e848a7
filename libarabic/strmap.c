/* strmap.c - a map from byte strings to 32-bit values (strmap.h). */
#include "config.h"

#include "strmap.h"

#include <stdlib.h>

int ar_strmap__init(ar_strmap *m, size_t nslots, size_t max)
{
	ar_buf b = AR_BUF_INIT;

	m->slots = calloc(nslots, sizeof *m->slots);
	m->nslots = nslots;
	m->used = 0;
	m->max = max;
	m->arena = b;
	return m->slots ? 0 : -1;
}

void ar_strmap__free(ar_strmap *m)
{
	free(m->slots);
	m->slots = NULL;
	ar_buf_dispose(&m->arena);
}

void ar_strmap__clear(ar_strmap *m)
{
	memset(m->slots, 0, m->nslots * sizeof *m->slots);
	m->used = 0;
	ar_buf__clear(&m->arena);
}

/* The slot of key k: its own, or the empty one where it goes. */
static ar_strmap_slot *find(const ar_strmap *m, const char *k, size_t n,
                            uint32_t h)
{
	size_t i = h & (m->nslots - 1);

	for (;;) {
		ar_strmap_slot *s = &m->slots[i];
		if (!s->key)
			return s;
		if (s->hash == h && s->klen == n &&
		    memcmp(m->arena.ptr + s->key - 1, k, n) == 0)
			return s;
		i = (i + 1) & (m->nslots - 1);
	}
}

int ar_strmap__put(ar_strmap *m, const char *k, size_t n, uint32_t val)
{
	uint32_t h;
	ar_strmap_slot *s;

	if (n > 0xFFFF)
		return 0;
	if (m->used >= m->max || m->arena.size + n >= 0xFFFFFFF0u)
		ar_strmap__clear(m);
	h = ar_strmap__hash(k, n);
	s = find(m, k, n, h);
	if (s->key)
		return 0;
	if (ar_buf__put(&m->arena, k, n) != AR_OK)
		return -1;
	s->hash = h;
	s->key = (uint32_t)(m->arena.size - n + 1);
	s->klen = (uint32_t)n;
	s->val = val;
	m->used++;
	return 0;
}

int ar_strmap__get(const ar_strmap *m, const char *k, size_t n, uint32_t *val)
{
	const ar_strmap_slot *s = find(m, k, n, ar_strmap__hash(k, n));

	if (!s->key)
		return 0;
	*val = s->val;
	return 1;
}
