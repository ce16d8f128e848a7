/*
 * nameindex.c - the fuzzy index of the word store: the folded form, the
 * key and every form with one character deleted of each (a "deletion
 * neighbourhood", as in the symmetric-delete method) map to word ids, so
 * that a query looks up a few dozen hashes instead of scanning the
 * gazetteer.  Built on first use and extended as words are added.
 */
#include "config.h"

#include "names_int.h"

#include <stdlib.h>

/* ---- fuzzy index ------------------------------------------------------ */

/* Hash of a tagged code-point string with position `skip` left out
 * (skip >= n: nothing left out). */
static uint64_t hash_cps(char tag, const uint32_t *c, size_t n, size_t skip)
{
	uint32_t k[MAXW];
	size_t i, m = 0;
	for (i = 0; i < n && m < MAXW; i++)
		if (i != skip)
			k[m++] = c[i];
	return ar_hash__seeded((unsigned char)tag, (const char *)k,
	                       m * sizeof *k);
}

static int index_hash(ar_names *n, uint64_t h, uint32_t id)
{
	inode *x;
	size_t b;

	if ((n->nnodes + 1) > n->nbuckets * 2) {
		size_t nb = n->nbuckets ? n->nbuckets * 4 : 4096, i;
		uint32_t *bk = calloc(nb, sizeof *bk);
		if (!bk)
			return -1;
		for (i = 0; i < n->nnodes; i++) {
			size_t j = (size_t)n->nodes[i].h & (nb - 1);
			n->nodes[i].next = bk[j];
			bk[j] = (uint32_t)(i + 1);
		}
		free(n->buckets);
		n->buckets = bk;
		n->nbuckets = nb;
	}
	if (ar_array__grow((void **)&n->nodes, &n->anodes, n->nnodes + 1,
	                   sizeof *n->nodes) != 0)
		return -1;
	b = (size_t)h & (n->nbuckets - 1);
	x = &n->nodes[n->nnodes];
	x->h = h;
	x->word = id;
	x->next = n->buckets[b];
	n->buckets[b] = (uint32_t)++n->nnodes;
	return 0;
}

/* Index a code-point string under tag: itself and its deletions. */
static int index_cps(ar_names *n, char tag, const uint32_t *c, size_t len,
                     uint32_t id)
{
	size_t i;
	if (index_hash(n, hash_cps(tag, c, len, (size_t)-1), id) != 0)
		return -1;
	if (len < 3)
		return 0;
	for (i = 0; i < len; i++) {
		if (i > 0 && c[i] == c[i - 1])
			continue; /* same deletion as the previous one */
		if (index_hash(n, hash_cps(tag, c, len, i), id) != 0)
			return -1;
	}
	return 0;
}

/* Code points of the heavy fold of a light-folded word, and of its key. */
static int heavy_cps(ar_names *n, const char *f, size_t len, int script,
                     uint32_t *r, size_t *nr, uint32_t *k, size_t *nk)
{
	if (ar_names__fold(&n->tmp2, f, len, AR_FOLD_HEAVY) < 0)
		return -1;
	*nr = ar_names__to_cps(r, MAXW, n->tmp2.ptr, n->tmp2.size);
	if (ar_names__key(&n->tmp3, n->tmp2.ptr, n->tmp2.size, script) != AR_OK)
		return -1;
	*nk = ar_names__to_cps(k, MAXW, n->tmp3.ptr, n->tmp3.size);
	return 0;
}

static int build_index(ar_names *n)
{
	size_t i;
	uint32_t r[MAXW], k[MAXW];

	for (i = 0; i < n->nwords; i++) {
		word *w = &n->words[i];
		size_t nr, nk;
		if (w->indexed || !(w->flags & AR_NAMES_GAZ))
			continue;
		w->indexed = 1;
		if (w->script == AR_NAMES_OTHER || w->fold_len >= MAXW)
			continue;
		if (heavy_cps(n, ar_names__wfold(n, w), w->fold_len, w->script,
		              r, &nr, k, &nk) != 0)
			return -1;
		if (nr < 3)
			continue;
		if (index_cps(n, 'R', r, nr, (uint32_t)i) != 0 ||
		    index_cps(n, 'K', k, nk, (uint32_t)i) != 0)
			return -1;
	}
	return 0;
}

/*
 * Is a candidate close enough, and at what cost?  n = length of the typo
 * in code points, d = distance of the heavy folds, kd = distance of the
 * keys, kl = length of the typo's key.  An equal key makes vowel and
 * doubling changes cheap; a one-letter key difference is allowed on
 * longer words.  Arabic words are shorter in letters (short vowels are
 * not written), so they get tighter bounds.
 */
static int accept_cost(int script, size_t n, size_t kl, int d, int kd)
{
	int ok;
	if (d == 0)
		ok = 1; /* differs only by alef, ya or ta marbuta */
	else if (script == AR_NAMES_LATIN)
		ok = (d <= 1 && n >= 4) || (d <= 2 && n >= 7) ||
		     (kd == 0 && n >= 4 && d <= (int)((n + 1) / 2) && d <= 3) ||
		     (kd <= 1 && kl >= 4 && n >= 6 && d <= 3);
	else
		ok = (d <= 1 && n >= 3) || (d <= 2 && n >= 6 && kd <= 1) ||
		     (kd == 0 && n >= 5 && d <= 2) ||
		     (kd == 0 && n >= 8 && d <= 3);
	if (!ok)
		return -1;
	/* the skeleton of an Arabic word says less than a Latin phonetic
	 * key: dotted-letter slips change it */
	if (script == AR_NAMES_LATIN)
		return d <= 1 ? 2 * d : 2 * d + 3 * kd;
	return 2 * d + kd;
}

int ar_names__match(ar_names *n, const char *folded, size_t len, int script,
                    ar_names_match *out, int max)
{
	uint32_t r[MAXW], k[MAXW], l[MAXW], cr[MAXW], ck[MAXW], cl[MAXW];
	size_t nr, nk, nl, i, nseen = 0;
	long seen[512];
	int nout = 0;
	uint64_t qs[2 * (MAXW + 1)];
	size_t nq = 0, q;

	if (script != AR_NAMES_ARABIC && script != AR_NAMES_LATIN)
		return 0;
	if (len >= MAXW || build_index(n) != 0)
		return len >= MAXW ? 0 : -1;
	if (!n->nbuckets)
		return 0;
	nl = ar_names__to_cps(l, MAXW, folded, len);
	if (heavy_cps(n, folded, len, script, r, &nr, k, &nk) != 0)
		return -1;
	if (nr < 3)
		return 0;
	qs[nq++] = hash_cps('R', r, nr, (size_t)-1);
	for (i = 0; i < nr; i++)
		qs[nq++] = hash_cps('R', r, nr, i);
	qs[nq++] = hash_cps('K', k, nk, (size_t)-1);
	if (nk >= 3)
		for (i = 0; i < nk && nq < sizeof qs / sizeof qs[0]; i++)
			qs[nq++] = hash_cps('K', k, nk, i);
	for (q = 0; q < nq; q++) {
		uint32_t b = n->buckets[(size_t)qs[q] & (n->nbuckets - 1)];
		for (; b; b = n->nodes[b - 1].next) {
			const inode *x = &n->nodes[b - 1];
			const word *w;
			size_t ncr, nck, ncl, s;
			int d, dl, kd, cost, j;
			if (x->h != qs[q])
				continue;
			for (s = 0; s < nseen; s++)
				if (seen[s] == (long)x->word)
					break;
			if (s < nseen)
				continue;
			if (nseen < sizeof seen / sizeof seen[0])
				seen[nseen++] = (long)x->word;
			w = &n->words[x->word];
			if (w->script != script)
				continue;
			ncl = ar_names__to_cps(cl, MAXW, ar_names__wfold(n, w),
			                       w->fold_len);
			dl = ar_names__osa(l, nl, cl, ncl);
			if (dl == 0)
				continue;
			if (heavy_cps(n, ar_names__wfold(n, w), w->fold_len,
			              script, cr, &ncr, ck, &nck) != 0)
				return -1;
			d = ar_names__osa(r, nr, cr, ncr);
			kd = ar_names__osa(k, nk, ck, nck);
			cost = accept_cost(script, nr, nk, d, kd);
			if (cost < 0)
				continue;
			if (script == AR_NAMES_LATIN) {
				/* differences the heavy fold hides cost a
				 * little */
				if (dl > d)
					cost += 1;
				/* a different first letter is a less likely
				 * typo */
				if (r[0] != cr[0])
					cost += 1;
				/* ties go to the likelier edits */
				cost = cost * 64 +
				       4 * ar_names__wdistance(r, nr, cr, ncr);
			} else {
				/* Arabic: the number of edits, then how
				 * likely they are.  A slip to a letter of the
				 * same dotless shape or a neighbouring key is
				 * as likely as a long vowel dropped, though
				 * only the vowel keeps the skeleton: the
				 * skeleton only breaks ties. */
				cost = d * 64 +
				       4 * ar_names__wdistance(r, nr, cr, ncr) +
				       3 * kd + (dl > d ? 4 : 0) +
				       (r[0] != cr[0] ? 4 : 0);
			}
			/* then the commoner names (shared by several
			 * entries); less in Arabic, where the scale above is
			 * finer */
			cost -= (script == AR_NAMES_LATIN ? 3 : 2) *
			        (w->entries > 4   ? 3
			         : w->entries > 0 ? w->entries - 1
			                          : 0);
			/* insert in order: cost, then gazetteer order */
			for (j = nout; j > 0; j--) {
				const ar_names_match *p = &out[j - 1];
				if (p->cost < cost ||
				    (p->cost == cost && p->id < (long)x->word))
					break;
				if (j < max)
					out[j] = out[j - 1];
			}
			if (j < max) {
				out[j].id = (long)x->word;
				out[j].cost = cost;
				out[j].dist = dl;
				out[j].kdist = kd;
				if (nout < max)
					nout++;
			}
		}
	}
	return nout;
}
