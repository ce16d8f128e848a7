/*
 * test_norm_fast.c - the normalizer's fast path gives exactly what its
 * general path gives: output, offset map, status and error position, for
 * every profile, single operations and random operation sets, on the
 * corpus and on random text made of the pieces each path treats apart
 * (letters, marks in and out of canonical order, blanks, line breaks,
 * tatweel, presentation forms, invisible characters, invalid bytes).
 *
 * The program holds three variants: the library sources built as usual
 * (ar_*), built with AR_NORM_NO_FAST (slow_*, norm_slow.c) and built with
 * AR_NORM_NO_SIMD (table_*, norm_table.c: what CPUs without AVX2 run).
 * Usage: test_norm_fast [FILE]...: with files, compare the profiles on
 * them too (bench/norm.sh does so on the benchmark input).
 * NORM_FAST_SEED=N changes the random text.
 */
#include "config.h"

#include "unit.h"
#include "private.h"

#include <stdio.h>
#include <stdlib.h>

ar_status slow_normalizer_new(ar_normalizer **out, const ar_norm_options *opts);
void slow_normalizer_free(ar_normalizer *n);
ar_status slow_norm_buffer(ar_buf *out, ar_buf *spans, ar_normalizer *n,
                           const char *s, size_t len, ar_error *err);
ar_status table_normalizer_new(ar_normalizer **out,
                               const ar_norm_options *opts);
void table_normalizer_free(ar_normalizer *n);
ar_status table_norm_buffer(ar_buf *out, ar_buf *spans, ar_normalizer *n,
                            const char *s, size_t len, ar_error *err);

static char **files;
static int nfiles;
static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545F4914F6CDD1Du) >> 33) % n;
}

/* ---- one comparison ---------------------------------------------- */

typedef struct result {
	ar_status rc;
	ar_error err;
	ar_buf out, spans;
} result;

typedef struct collect {
	ar_buf out, spans;
} collect;

static int to_collect(const char *data, size_t len, const ar_norm_span *sp,
                      size_t nsp, void *payload)
{
	collect *c = payload;

	if (len)
		CU_ASSERT_FATAL(ar_buf__put(&c->out, data, len) == AR_OK);
	if (nsp)
		CU_ASSERT_FATAL(ar_buf__put(&c->spans, sp, nsp * sizeof *sp) ==
		                AR_OK);
	return 0;
}

static void report(const char *what, unsigned flags, int inv, int offs,
                   const char *s, size_t len)
{
	size_t i;

	fprintf(stderr,
	        "\n%s differ: flags %#x invalid %d offsets %d, "
	        "%zu bytes of input:\n",
	        what, flags, inv, offs, len);
	for (i = 0; i < len && i < 400; i++)
		fprintf(stderr, "\\x%02x", (unsigned char)s[i]);
	fputc('\n', stderr);
}

/*
 * The offset map of the fast variant, fm (over input s and output out),
 * must tile both texts in order, its identity spans must hold the same
 * bytes on both sides, and every input byte that the general variant's
 * map sm calls unchanged must be unchanged at the same output place.
 * The fast map may be finer: it can tell apart marks that it removes
 * one by one, where the general path maps a reordered cluster as a
 * whole.
 */
static int check_map(const ar_buf *fm, const ar_buf *sm, const char *s,
                     size_t len, const ar_buf *out)
{
	const ar_norm_span *f = (const ar_norm_span *)(void *)fm->ptr;
	const ar_norm_span *w = (const ar_norm_span *)(void *)sm->ptr;
	size_t nf = fm->size / sizeof *f, nw = sm->size / sizeof *w, i;
	uint64_t *at = calloc(len + 1, sizeof *at), o = 0, in = 0, b;
	int ok = 1;

	CU_ASSERT_FATAL(at != NULL);
	for (i = 0; i < nf && ok; i++) {
		if (f[i].in_start != in || f[i].out_start != o ||
		    f[i].in_end < f[i].in_start ||
		    f[i].out_end < f[i].out_start || f[i].in_end > len ||
		    f[i].out_end > out->size) {
			fprintf(stderr, "\nfast map: entry %zu does not tile\n",
			        i);
			ok = 0;
			break;
		}
		if (f[i].identity) {
			if (f[i].in_end - f[i].in_start !=
			            f[i].out_end - f[i].out_start ||
			    memcmp(s + f[i].in_start, out->ptr + f[i].out_start,
			           f[i].in_end - f[i].in_start) != 0) {
				fprintf(stderr,
				        "\nfast map: entry %zu is no "
				        "identity\n",
				        i);
				ok = 0;
			}
			for (b = f[i].in_start; b < f[i].in_end; b++)
				at[b] = f[i].out_start + (b - f[i].in_start) +
				        1;
		}
		in = f[i].in_end;
		o = f[i].out_end;
	}
	if (ok && (in != len || o != out->size)) {
		fprintf(stderr, "\nfast map: ends at %llu/%llu\n",
		        (unsigned long long)in, (unsigned long long)o);
		ok = 0;
	}
	for (i = 0; i < nw && ok; i++) {
		if (!w[i].identity)
			continue;
		for (b = w[i].in_start; b < w[i].in_end && b < len; b++)
			if (at[b] != w[i].out_start + (b - w[i].in_start) + 1) {
				fprintf(stderr,
				        "\nfast map: input byte %llu "
				        "is not mapped as unchanged\n",
				        (unsigned long long)b);
				ok = 0;
				break;
			}
	}
	free(at);
	return ok;
}

static int same_bytes(const ar_buf *a, const ar_buf *b)
{
	return a->size == b->size &&
	       (a->size == 0 || memcmp(a->ptr, b->ptr, a->size) == 0);
}

/* Normalize s with both variants, as one buffer and (fast) as a stream
 * cut at random places; returns 1 when everything agrees. */
static int compare_(unsigned flags, ar_invalid_mode inv, int offs,
                    const char *s, size_t len, int cuts);

/* Normalizers of the three variants, kept for their options: making one
 * builds its tables. */
typedef struct variants {
	unsigned flags;
	ar_invalid_mode inv;
	int offs;
	ar_normalizer *fast, *slow, *table;
} variants;
static variants cache[16];
static unsigned ncache, next_slot;

static void drop_variants(variants *v)
{
	ar_normalizer_free(v->fast);
	slow_normalizer_free(v->slow);
	table_normalizer_free(v->table);
	memset(v, 0, sizeof *v);
}

static variants *get_variants(unsigned flags, ar_invalid_mode inv, int offs)
{
	ar_norm_options o = AR_NORM_OPTIONS_INIT;
	unsigned k;
	variants *v;

	for (k = 0; k < ncache; k++)
		if (cache[k].flags == flags && cache[k].inv == inv &&
		    cache[k].offs == offs)
			return &cache[k];
	if (ncache < sizeof cache / sizeof cache[0]) {
		v = &cache[ncache++];
	} else {
		v = &cache[next_slot];
		next_slot = (next_slot + 1) % ncache;
		drop_variants(v);
	}
	o.flags = flags;
	o.invalid = inv;
	o.want_offsets = offs;
	v->flags = flags;
	v->inv = inv;
	v->offs = offs;
	CU_ASSERT_FATAL(ar_normalizer_new(&v->fast, &o) == AR_OK);
	CU_ASSERT_FATAL(slow_normalizer_new(&v->slow, &o) == AR_OK);
	CU_ASSERT_FATAL(table_normalizer_new(&v->table, &o) == AR_OK);
	return v;
}

/* The text goes in a block of its own size, so that a memory checker
 * sees any read past either end. */
static int compare(unsigned flags, ar_invalid_mode inv, int offs, const char *s,
                   size_t len, int cuts)
{
	char *own = malloc(len ? len : 1);
	int ok;

	CU_ASSERT_FATAL(own != NULL);
	memcpy(own, s, len);
	ok = compare_(flags, inv, offs, own, len, cuts);
	free(own);
	return ok;
}

static int compare_(unsigned flags, ar_invalid_mode inv, int offs,
                    const char *s, size_t len, int cuts)
{
	variants *var = get_variants(flags, inv, offs);
	ar_normalizer *f = var->fast, *w = var->slow;
	result a, b;
	collect c;
	ar_buf *want_spans;
	int ok = 1;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	want_spans = offs ? &a.spans : NULL;
	a.rc = ar_norm_buffer(&a.out, want_spans, f, s, len, &a.err);
	b.rc = slow_norm_buffer(&b.out, offs ? &b.spans : NULL, w, s, len,
	                        &b.err);
	if (a.rc != b.rc || (a.rc == AR_OK && !same_bytes(&a.out, &b.out)) ||
	    (a.rc == AR_EUTF8 &&
	     (a.err.offset != b.err.offset || a.err.line != b.err.line ||
	      a.err.column != b.err.column)) ||
	    (a.rc == AR_OK && offs &&
	     !check_map(&a.spans, &b.spans, s, len, &a.out))) {
		report("buffer results", flags, inv, offs, s, len);
		ok = 0;
	}
	/* So does the table loop alone (the vector blocks are not used for
	 * an offset map). */
	if (ok && !offs) {
		result r;
		memset(&r, 0, sizeof r);
		r.rc = table_norm_buffer(&r.out, NULL, var->table, s, len,
		                         &r.err);
		if (r.rc != b.rc ||
		    (r.rc == AR_OK && !same_bytes(&r.out, &b.out)) ||
		    (r.rc == AR_EUTF8 && r.err.offset != b.err.offset)) {
			report("table loop results", flags, inv, offs, s, len);
			ok = 0;
		}
		ar_buf_dispose(&r.out);
	}
	/* The fast variant fed in pieces gives the same again. */
	if (ok && cuts && b.rc == AR_OK) {
		size_t from = 0;
		ar_status rc = AR_OK;
		memset(&c, 0, sizeof c);
		ar_norm_reset(f); /* after a failed stream of an earlier call */
		while (from < len && rc == AR_OK) {
			size_t piece = 1 + rnd(cuts);
			if (piece > len - from)
				piece = len - from;
			rc = ar_norm_feed(f, s + from, piece, to_collect, &c,
			                  NULL);
			from += piece;
		}
		if (rc == AR_OK)
			rc = ar_norm_finish(f, to_collect, &c, NULL);
		if (rc != AR_OK || !same_bytes(&c.out, &b.out) ||
		    (offs && !check_map(&c.spans, &b.spans, s, len, &c.out))) {
			report("stream and buffer", flags, inv, offs, s, len);
			ok = 0;
		}
		ar_buf_dispose(&c.out);
		ar_buf_dispose(&c.spans);
	}
	ar_buf_dispose(&a.out);
	ar_buf_dispose(&a.spans);
	ar_buf_dispose(&b.out);
	ar_buf_dispose(&b.spans);
	return ok;
}

/* ---- operation sets ----------------------------------------------- */

static const unsigned profiles[] = {
	AR_NORM_PROFILE_CLEAN,
	AR_NORM_PROFILE_SEARCH,
	AR_NORM_PROFILE_NONE,
	AR_NORM_PROFILE_SEARCH & ~AR_NORM_SPACES,
	AR_NORM_PROFILE_SEARCH & ~AR_NORM_NFC,
	(AR_NORM_PROFILE_SEARCH & ~AR_NORM_DIGITS_ASCII) |
	        AR_NORM_DIGITS_ARABIC,
	AR_NORM_PROFILE_CLEAN | AR_NORM_NFKC,
};
#define NPROFILES (sizeof profiles / sizeof profiles[0])

/* Any valid set of operations (not both digit directions). */
static unsigned random_flags(void)
{
	unsigned f = rnd(1u << 15);

	if ((f & AR_NORM_DIGITS_ASCII) && (f & AR_NORM_DIGITS_ARABIC))
		f &= ~(rnd(2) ? AR_NORM_DIGITS_ASCII : AR_NORM_DIGITS_ARABIC);
	return f;
}

/* ---- random text -------------------------------------------------- */

static const char *const pieces[] = {
	/* Arabic letters, some folded by one profile or another */
	"\xd8\xa8",
	"\xd8\xaa",
	"\xd9\x84",
	"\xd9\x85",
	"\xd9\x86",
	"\xd8\xb9",
	"\xd8\xa7",
	"\xd8\xa3",
	"\xd8\xa5",
	"\xd8\xa2",
	"\xd8\xa9",
	"\xd9\x89",
	"\xd9\x8a",
	"\xd8\xa4",
	"\xd8\xa6",
	"\xd8\xa1",
	"\xd9\xb1",
	/* Persian and Urdu look-alikes; U+06CC depends on what follows */
	"\xdb\x8c",
	"\xda\xa9",
	"\xdb\x81",
	"\xda\xbe",
	"\xdb\x83",
	"\xd9\xbe",
	"\xdb\x80",
	"\xdb\x95",
	"\xdb\x92",
	"\xdb\x93",
	/* harakat, shadda, sukun, dagger alef, hamza/madda marks, Quranic */
	"\xd9\x8b",
	"\xd9\x8c",
	"\xd9\x8d",
	"\xd9\x8e",
	"\xd9\x8f",
	"\xd9\x90",
	"\xd9\x91",
	"\xd9\x92",
	"\xd9\x93",
	"\xd9\x94",
	"\xd9\x95",
	"\xd9\xb0",
	"\xd9\x96",
	"\xd8\x90",
	"\xdb\x96",
	"\xdb\xad",
	/* tatweel, digits, punctuation */
	"\xd9\x80",
	"\xd9\xa3",
	"\xdb\xb5",
	"\xd8\x8c",
	"\xd8\x9f",
	"\xd9\xaa",
	/* blanks and line breaks */
	" ",
	" ",
	" ",
	"  ",
	"\t",
	"\n",
	"\n",
	"\r\n",
	"\xc2\xa0",
	"\xe2\x80\x89",
	"\xe2\x80\xa8",
	"\xe3\x80\x80",
	/* invisible characters */
	"\xe2\x80\x8c",
	"\xe2\x80\x8f",
	"\xd8\x9c",
	"\xef\xbb\xbf",
	"\xc2\xad",
	/* presentation forms, ligatures */
	"\xef\xbb\xbb",
	"\xef\xba\x91",
	"\xef\xb7\xb2",
	"\xef\xad\x90",
	/* ASCII, Latin with marks, other scripts */
	"a",
	"Z",
	"0",
	"7",
	".",
	",",
	"e\xcc\x81",
	"\xc3\xa9",
	"\xc3\xaf",
	"\xcc\x81",
	"\xcc\xa3",
	"\xce\xb1",
	"\xd7\x90",
	"\xe4\xb8\xad",
	"\xf0\x9f\x98\x80",
	/* invalid UTF-8 */
	"\x80",
	"\xc0\xaf",
	"\xed\xa0\x80",
	"\xd8",
	"\xff",
	"\xf4\x90\x80\x80",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

/* Where a character depends on its neighbours: line breaks, blanks,
 * tatweel and U+061C (removed, transparent to clusters), shadda. */
static const char *const seams[] = {
	"\n", " ", "\xd9\x80", "\xd8\x9c", "\xd9\x91", "\r",
};
#define NSEAMS (sizeof seams / sizeof seams[0])

/* Mostly Arabic words with marks, like the benchmark text, with every
 * other piece mixed in at random. */
static size_t random_text(char *buf, size_t cap)
{
	size_t len = 0, n = 1 + rnd(400), k;
	int valid = rnd(3) != 0;

	for (k = 0; k < n; k++) {
		const char *p;
		size_t l;
		uint32_t r = rnd(20);
		if (r < 9)
			p = pieces[rnd(17)]; /* a letter */
		else if (r < 13)
			p = pieces[28 + rnd(16)]; /* a mark */
		else if (r < 15)
			p = " ";
		else if (r < 17)
			p = seams[rnd(NSEAMS)];
		else
			p = pieces[rnd(valid ? NPIECES - 6 : NPIECES)];
		l = strlen(p);
		if (len + l > cap)
			break;
		memcpy(buf + len, p, l);
		len += l;
	}
	return len;
}

/* ---- tests -------------------------------------------------------- */

static void test_random(void)
{
	static char buf[8192];
	unsigned bad = 0, t;
	const char *seed = getenv("NORM_FAST_SEED");

	if (seed)
		rng_state = strtoull(seed, NULL, 10) * 2 + 1;
	for (t = 0; t < 1500 && bad < 5; t++) {
		size_t len = random_text(buf, sizeof buf);
		ar_invalid_mode inv = rnd(2)   ? AR_INVALID_REPLACE
		                      : rnd(2) ? AR_INVALID_KEEP
		                               : AR_INVALID_ERROR;
		unsigned flags =
		        rnd(4) ? profiles[rnd(NPROFILES)] : random_flags();
		if (!compare(flags, inv, rnd(3) == 0, buf, len, 1 + rnd(64)))
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/* Each tricky sequence at every offset of a run of plain words, so that
 * it meets the edges of the fast path's blocks (32 bytes) and chunks
 * every way. */
static void test_edges(void)
{
	static const char *const tricky[] = {
		"\n ",
		"\n\xd9\x80 ",
		" \n",
		"\xd8\xa8\xd9\x91\xd9\x8e",
		"\xd8\xa8\xd9\x8e\xd9\x91",
		"\xd8\xa8 \xd9\x8e",
		"  ",
		"\xd8\xa3\xd9\x8e",
		"a\xd9\x8e",
		"\xd9\x80\xd9\x91\xd9\x8e",
		"\xd8\xa7\xd9\x94",
		"\xdb\x8c ",
		"\xd8\xa9\xd9\x8f",
		"\xc3\xa9\xd9\x8e",
		"\xe2\x80\x8c",
		"\xd8\x9c\xd9\x8e",
		"\xd9\xa3 \xd8\x8c",
		"\xd8",
		"\x80",
	};
	static const char word[] = "\xd9\x83\xd8\xaa\xd8\xa8 ";
	static const unsigned prof[] = {
		AR_NORM_PROFILE_CLEAN,
		AR_NORM_PROFILE_SEARCH,
		AR_NORM_PROFILE_NONE,
		AR_NORM_NFC | AR_NORM_STRIP_DIACRITICS,
	};
	char buf[512];
	size_t t, off, pr, bad = 0;

	for (t = 0; t < sizeof tricky / sizeof tricky[0]; t++)
		for (off = 0; off < 80; off++) {
			size_t len = 0, tl = strlen(tricky[t]);
			while (len < off) /* words, cut to the offset */
				buf[len] = word[len % (sizeof word - 1)], len++;
			memcpy(buf + len, tricky[t], tl);
			len += tl;
			while (len < 200)
				buf[len] = word[len % (sizeof word - 1)], len++;
			for (pr = 0; pr < sizeof prof / sizeof prof[0]; pr++)
				if (!compare(prof[pr], AR_INVALID_REPLACE, 0,
				             buf, len, 0))
					bad++;
		}
	CU_ASSERT_EQUAL(bad, 0);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (!f)
		return NULL;
	do {
		if (cap - *len < 65536) {
			char *p = realloc(b, cap = cap * 2 + 65536);
			CU_ASSERT_FATAL(p != NULL);
			b = p;
		}
		n = fread(b + *len, 1, cap - *len, f);
		*len += n;
	} while (n > 0);
	fclose(f);
	return b;
}

/* Every profile and every single operation on a file. */
static void compare_file(const char *path, int all)
{
	size_t len, p, b;
	char *s = slurp(path, &len);

	CU_ASSERT_FATAL(s != NULL);
	for (p = 0; p < NPROFILES; p++) {
		CU_ASSERT(
		        compare(profiles[p], AR_INVALID_REPLACE, 0, s, len, 0));
		if (all)
			CU_ASSERT(compare(profiles[p], AR_INVALID_ERROR, 1, s,
			                  len, 4096));
	}
	for (b = 0; all && b < 15; b++)
		if ((1u << b) != AR_NORM_DIGITS_ARABIC)
			CU_ASSERT(compare(1u << b, AR_INVALID_ERROR, 0, s, len,
			                  1000));
	free(s);
}

static void test_corpus(void)
{
	const char *src = getenv("top_srcdir");
	char path[4096];

	snprintf(path, sizeof path, "%s/corpus/telegram-outage-ar.txt",
	         src ? src : ".");
	compare_file(path, 1);
}

static void test_files(void)
{
	int i;

	for (i = 0; i < nfiles; i++)
		compare_file(files[i], 0);
}

int main(int argc, char **argv)
{
	static const unit_test tests[] = { { "random-text", test_random },
		                           { "block-edges", test_edges },
		                           { "corpus", test_corpus },
		                           { "files", test_files },
		                           { NULL, NULL } };
	static const unit_suite suites[] = { { "norm/fast-equals-slow", tests },
		                             { NULL, NULL } };

	int rc;
	unsigned k;

	files = argv + 1;
	nfiles = argc - 1;
	rc = unit_main(suites);
	for (k = 0; k < ncache; k++)
		drop_variants(&cache[k]);
	return rc;
}
