/*
 * test_cache.c - the speller's cache keeps to its byte budget
 * (cache_bytes) and gives its memory back when the budget is spent, and
 * the budget never changes a result: a speller with a tiny cache reports
 * what one with the default cache reports.
 *
 * White-box: the cache's size is read from the handle (spell_int.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "spell_int.h"
#include "unit.h"

/* Findings as text, one line each: offset, kind, word, suggestions. */
typedef struct rec {
	char *text;
	size_t len, cap;
} rec;

static int record(const ar_finding *f, void *payload)
{
	rec *r = payload;
	char line[512];
	int n = snprintf(line, sizeof line, "%llu %s %.*s",
	                 (unsigned long long)f->start,
	                 ar_finding_kind_name(f->kind), (int)f->len, f->word);
	size_t k;
	for (k = 0; k < f->nsuggestions && n > 0 && (size_t)n < sizeof line;
	     k++)
		n += snprintf(line + n, sizeof line - (size_t)n, " %s",
		              f->suggestions[k]);
	if (n < 0 || (size_t)n >= sizeof line - 1)
		return 1;
	line[n++] = '\n';
	if (r->len + (size_t)n + 1 > r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 4096;
		char *p;
		while (cap < r->len + (size_t)n + 1)
			cap *= 2;
		p = realloc(r->text, cap);
		if (!p)
			return 1;
		r->text = p;
		r->cap = cap;
	}
	memcpy(r->text + r->len, line, (size_t)n);
	r->len += (size_t)n;
	r->text[r->len] = '\0';
	return 0;
}

/* Bytes held by the cache of sp, as memo.c counts them. */
static size_t cache_size(const ar_speller *sp)
{
	return sp->memo_slots * sizeof *sp->memo + sp->keys.asize +
	       sp->sug_bytes;
}

/* A text of n distinct made-up Latin words (each a finding) among typos
 * of names and Arabic words, in blocks so that the same words come back
 * after the cache has been emptied. */
static char *make_text(size_t n, size_t *len)
{
	static const char block[] =
	        "Telegerm Doroff \xd9\x88\xd8\xa3\xd9\x85\xd8\xa7\xd8\xb2"
	        "\xd9\x88\xd9\x86 \xd8\xa7\xd9\x84\xd9\x88\xd8\xb2\xd8\xa7"
	        "\xd8\xb1\xd8\xa1 "; /* وأمازون الوزارء */
	size_t cap = n * 16 + (n / 500 + 1) * sizeof block + 1, o = 0, i;
	char *s = malloc(cap);
	if (!s)
		return NULL;
	for (i = 0; i < n; i++) {
		size_t v = i * 7919 % 100003, k;
		if (i % 500 == 0) {
			memcpy(s + o, block, sizeof block - 1);
			o += sizeof block - 1;
		}
		s[o++] = 'q';
		for (k = 0; k < 5; k++) {
			s[o++] = (char)('a' + v % 26);
			v /= 26;
		}
		s[o++] = (char)(i % 2 ? ' ' : '\n');
	}
	s[o] = '\0';
	*len = o;
	return s;
}

/* Without suggestions: hunspell's take 15 ms a word, and 30,000 made-up
 * words are the point here. */
static ar_speller *open_speller(size_t budget)
{
	ar_spell_options o = AR_SPELL_OPTIONS_INIT;
	ar_speller *sp = NULL;
	o.flags = AR_SPELL_NO_SUGGEST;
	o.cache_bytes = budget;
	if (ar_speller_new(&sp, &o, NULL) != AR_OK)
		return NULL;
	return sp;
}

static void test_budget(void)
{
	const size_t budget = 256 << 10;
	size_t len = 0, i, most = 0, empties = 0, prev = 0;
	char *text = make_text(30000, &len);
	ar_speller *small = open_speller(budget);
	ar_speller *big = open_speller(0);
	rec a = { NULL, 0, 0 }, b = { NULL, 0, 0 };

	CU_ASSERT_FATAL(text && small && big);
	CU_ASSERT_EQUAL(big->memo_budget, AR_SPELL_CACHE_DEFAULT);
	/* fed in pieces of 4 KB, the small cache is watched between them */
	for (i = 0; i < len; i += 4096) {
		size_t n = len - i < 4096 ? len - i : 4096, sz;
		CU_ASSERT_FATAL(ar_spell_feed(small, text + i, n, record, &a,
		                              NULL) == AR_OK);
		sz = cache_size(small);
		if (sz > most)
			most = sz;
		if (small->nmemo < prev)
			empties++;
		prev = small->nmemo;
	}
	CU_ASSERT_FATAL(ar_spell_finish(small, record, &a, NULL) == AR_OK);
	CU_ASSERT_FATAL(ar_spell_feed(big, text, len, record, &b, NULL) ==
	                AR_OK);
	CU_ASSERT_FATAL(ar_spell_finish(big, record, &b, NULL) == AR_OK);
	/* the budget was spent several times: the cache was emptied */
	CU_ASSERT(empties >= 3);
	/* it is checked before each word: over it by one word's entry at
	 * most, and a doubled slot table */
	CU_ASSERT(most <= 2 * budget);
	CU_ASSERT(cache_size(big) > 4 * budget);
	/* the same findings and suggestions, and real ones */
	CU_ASSERT_FATAL(a.text && b.text);
	CU_ASSERT(strcmp(a.text, b.text) == 0);
	CU_ASSERT(a.len > 30000 * 8);
	free(a.text);
	free(b.text);
	ar_speller_free(small);
	ar_speller_free(big);
	free(text);
}

/* A stream that never ends holds its findings for a bounded stretch: a
 * finding arrives while the stream goes on, once 256 KiB have passed. */
static void test_held_bounded(void)
{
	ar_speller *sp = open_speller(0);
	rec r = { NULL, 0, 0 };
	static const char word[] = "\xd9\x81\xd9\x8a "; /* في */
	size_t i;

	CU_ASSERT_FATAL(sp != NULL);
	CU_ASSERT_FATAL(ar_spell_feed(sp, "Telegerm ", 9, record, &r, NULL) ==
	                AR_OK);
	for (i = 0; i < 200000 && !r.text; i++)
		CU_ASSERT_FATAL(ar_spell_feed(sp, word, sizeof word - 1, record,
		                              &r, NULL) == AR_OK);
	/* reported during the feed, between 256 and 512 KiB later */
	CU_ASSERT(r.text && strncmp(r.text, "0 ", 2) == 0 &&
	          strstr(r.text, " Telegerm") != NULL);
	CU_ASSERT(i * (sizeof word - 1) >= 256 << 10);
	CU_ASSERT(i * (sizeof word - 1) <= 520 << 10);
	CU_ASSERT_FATAL(ar_spell_finish(sp, record, &r, NULL) == AR_OK);
	free(r.text);
	ar_speller_free(sp);
}

/* Version 2 of the options has no budget: the default applies. */
static void test_options_v2(void)
{
	ar_spell_options o = AR_SPELL_OPTIONS_INIT;
	ar_speller *sp = NULL;
	o.version = 2;
	o.cache_bytes = 12345; /* not part of version 2: ignored */
	CU_ASSERT_FATAL(ar_speller_new(&sp, &o, NULL) == AR_OK);
	CU_ASSERT_EQUAL(sp->memo_budget, AR_SPELL_CACHE_DEFAULT);
	ar_speller_free(sp);
}

static const unit_test tests[] = { { "cache/budget", test_budget },
	                           { "cache/options_v2", test_options_v2 },
	                           { "cache/held_bounded", test_held_bounded },
	                           { NULL, NULL } };

static const unit_suite suites[] = { { "cache", tests }, { NULL, NULL } };

int main(void)
{
	return unit_main(suites);
}
