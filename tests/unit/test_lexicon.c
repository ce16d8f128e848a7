/*
 * test_lexicon.c - lexicons (arabic/dict.h): a speller and a segmenting
 * tokenizer given one lexicon read the Arabic dictionary once, and give
 * the same results as when each opens its own.
 *
 * The program counts the files the library opens by defining fopen(),
 * fopen64(), open() and open64() itself: the library's calls resolve to
 * these (the executable's definitions come first), which pass on to the C
 * library's.
 */
#define _GNU_SOURCE
#include "config.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

static unsigned dic_opens; /* opens of a file named ar.dic */

static int is_ar_dic(const char *path)
{
	size_t n = path ? strlen(path) : 0;
	return n >= 6 && strcmp(path + n - 6, "ar.dic") == 0 &&
	       (n == 6 || path[n - 7] == '/');
}

FILE *fopen(const char *path, const char *mode)
{
	static FILE *(*real)(const char *, const char *);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "fopen");
	if (is_ar_dic(path))
		dic_opens++;
	return real(path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
	static FILE *(*real)(const char *, const char *);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "fopen64");
	if (is_ar_dic(path))
		dic_opens++;
	return real(path, mode);
}

/* open() with the mode argument that O_CREAT needs passed on */
static int counted_open(const char *name, const char *path, int flags,
                        va_list ap)
{
	int (*real)(const char *, int, ...);
	mode_t mode = 0;
	*(void **)&real = dlsym(RTLD_NEXT, name);
	if (flags & O_CREAT)
		mode = (mode_t)va_arg(ap, int);
	if (is_ar_dic(path))
		dic_opens++;
	return real(path, flags, mode);
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	int fd;
	va_start(ap, flags);
	fd = counted_open("open", path, flags, ap);
	va_end(ap);
	return fd;
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	int fd;
	va_start(ap, flags);
	fd = counted_open("open64", path, flags, ap);
	va_end(ap);
	return fd;
}

static const char text[] =
        "\xd9\x88\xd9\x82\xd8\xa7\xd9\x84 "         /* وقال */
        "\xd8\xa8\xd8\xa7\xd9\x81\xd9\x84 "         /* بافل */
        "\xd8\xaf\xd9\x88\xd8\xb1\xd9\x88\xd9\x81 " /* دوروف */
        "\xd9\x84\xd9\x84\xd8\xb5\xd8\xad\xd9\x81\xd9\x8a\xd9\x8a\xd9\x86 "
        /* للصحفيين */
        "\xd8\xa5\xd9\x86 Telegerm \xd8\xaa\xd9\x88\xd9\x82\xd9\x81 "
        /* إن Telegerm توقف */
        "\xd8\xa8\xd8\xb3\xd8\xa8\xd8\xa8 " /* بسبب */
        "\xd8\xae\xd9\x84\xd9\x84\xd9\x84 " /* خللل */
        "\xd9\x88\xd8\xa3\xd9\x85\xd8\xa7\xd8\xb2\xd9\x88\xd9\x86.\n";
/* وأمازون */

typedef struct run {
	size_t findings, tokens, split;
	char first_sug[64];
} run;

static int count_token(const ar_token *t, void *payload)
{
	run *r = payload;
	r->tokens++;
	if (t->nsegments > 1)
		r->split++;
	return 0;
}

/* Spell-check and segment `text`, with one lexicon or none. */
static int do_run(run *r, ar_lexicon *lex, unsigned spell_flags)
{
	ar_spell_options so = AR_SPELL_OPTIONS_INIT;
	ar_tok_options to = AR_TOK_OPTIONS_INIT;
	ar_speller *sp = NULL;
	ar_tokenizer *t = NULL;
	ar_spell_findings *fs = NULL;
	size_t i;
	int ok = 0;

	memset(r, 0, sizeof *r);
	so.lexicon = lex;
	so.flags = spell_flags;
	to.lexicon = lex;
	to.flags = AR_TOK_SEGMENT;
	if (ar_speller_new(&sp, &so, NULL) != AR_OK ||
	    ar_tokenizer_new(&t, &to, NULL) != AR_OK)
		goto out;
	if (ar_spell_buffer(&fs, sp, text, sizeof text - 1, NULL) != AR_OK ||
	    ar_tok_feed(t, text, sizeof text - 1, count_token, r, NULL) !=
	            AR_OK ||
	    ar_tok_finish(t, count_token, r, NULL) != AR_OK)
		goto out;
	r->findings = ar_spell_findings_count(fs);
	for (i = 0; i < r->findings; i++) {
		const ar_finding *f = ar_spell_findings_get(fs, i);
		if (f->nsuggestions && !r->first_sug[0])
			snprintf(r->first_sug, sizeof r->first_sug, "%s",
			         f->suggestions[0]);
	}
	ok = 1;
out:
	ar_spell_findings_free(fs);
	ar_tokenizer_free(t);
	ar_speller_free(sp);
	return ok;
}

/* Opens of ar.dic by one run, with its own dictionaries or a shared
 * lexicon; r gets the results. */
static unsigned opens(run *r, int shared, unsigned spell_flags)
{
	ar_lexicon *lex = NULL;

	dic_opens = 0;
	if (shared)
		CU_ASSERT_FATAL(ar_lexicon_new(&lex, NULL, NULL) == AR_OK);
	CU_ASSERT_FATAL(do_run(r, lex, spell_flags));
	/* the handles hold the lexicon: the caller's reference may go
	 * before them or after */
	ar_lexicon_free(lex);
	return dic_opens;
}

static void test_load_once(void)
{
	run own, shared;
	unsigned own_check, shared_check, own_sug, shared_sug;

	own_check = opens(&own, 0, AR_SPELL_NO_SUGGEST);
	shared_check = opens(&shared, 1, AR_SPELL_NO_SUGGEST);
	CU_ASSERT_EQUAL(own.findings, shared.findings);
	CU_ASSERT_EQUAL(own.split, shared.split);
	own_sug = opens(&own, 0, 0);
	shared_sug = opens(&shared, 1, 0);
#ifndef AR_AFFIX_READER_DISABLED
	/* checking only: a lexicon opens ar.dic once to see that it is a
	 * word list (its first few KB), and once for the library's reader,
	 * whose words are also the segmenter's headwords; each handle with
	 * its own dictionaries does both, a shared lexicon once */
	CU_ASSERT_EQUAL(own_check, 4);
	CU_ASSERT_EQUAL(shared_check, 2);
	/* with suggestions too: خلل is one slip from خللل, so the ranking
	 * (rank.c) needs no hunspell, which would read it once more */
	CU_ASSERT_EQUAL(own_sug, 4);
	CU_ASSERT_EQUAL(shared_sug, 2);
#else
	/* hunspell checks every word and the headwords are read from the
	 * file, a second read a shared lexicon cannot spare; the
	 * segmenter's own hunspell, which it may not need on this text,
	 * is the one it spares: never more reads with one lexicon */
	CU_ASSERT(shared_check <= own_check);
	CU_ASSERT(shared_sug <= own_sug);
#endif
	/* the same results either way */
	CU_ASSERT_EQUAL(own.findings, shared.findings);
	CU_ASSERT_EQUAL(own.tokens, shared.tokens);
	CU_ASSERT_EQUAL(own.split, shared.split);
	CU_ASSERT_STRING_EQUAL(own.first_sug, shared.first_sug);
	/* and the results are real ones: Telegerm and خللل are found, و,
	 * ل + ال and و are split off */
	CU_ASSERT_EQUAL(own.findings, 2);
	CU_ASSERT_STRING_EQUAL(own.first_sug, "Telegram");
	CU_ASSERT(own.split >= 3);
}

static void test_lifetime(void)
{
	ar_spell_options so = AR_SPELL_OPTIONS_INIT;
	ar_tok_options to = AR_TOK_OPTIONS_INIT;
	ar_lexicon *lex = NULL;
	ar_speller *sp = NULL;
	ar_tokenizer *t = NULL;
	ar_spell_findings *fs = NULL;

	CU_ASSERT_FATAL(ar_lexicon_new(&lex, NULL, NULL) == AR_OK);
	so.lexicon = lex;
	to.lexicon = lex;
	to.flags = AR_TOK_SEGMENT;
	CU_ASSERT_FATAL(ar_speller_new(&sp, &so, NULL) == AR_OK);
	CU_ASSERT_FATAL(ar_tokenizer_new(&t, &to, NULL) == AR_OK);
	/* the caller's reference goes first, then the tokenizer's; the
	 * speller still checks with the dictionaries */
	ar_lexicon_free(lex);
	ar_tokenizer_free(t);
	CU_ASSERT_EQUAL(ar_spell_buffer(&fs, sp, text, sizeof text - 1, NULL),
	                AR_OK);
	CU_ASSERT_EQUAL(ar_spell_findings_count(fs), 2);
	ar_spell_findings_free(fs);
	ar_speller_free(sp);
	ar_lexicon_free(NULL);
}

static void test_options(void)
{
	ar_lexicon_options lo = AR_LEXICON_OPTIONS_INIT;
	ar_lexicon *lex = NULL;
	ar_error err;

	lo.version = 99;
	CU_ASSERT_EQUAL(ar_lexicon_new(&lex, &lo, NULL), AR_EINVAL);
	CU_ASSERT_PTR_NULL(lex);
	CU_ASSERT_EQUAL(ar_lexicon_new(NULL, NULL, NULL), AR_EINVAL);
	lo.version = AR_LEXICON_OPTIONS_VERSION;
	lo.dictionaries = ",";
	memset(&err, 0, sizeof err);
	CU_ASSERT_EQUAL(ar_lexicon_new(&lex, &lo, &err), AR_EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "no dictionary"));
	lo.dictionaries = "ar,zz_NOWHERE";
	CU_ASSERT_EQUAL(ar_lexicon_new(&lex, &lo, &err), AR_EDICT);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "zz_NOWHERE"));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "hunspell-zz-nowhere"));
}

/* Where each dictionary was found, in the order given: the files the
 * lexicon reads (arspell -D prints them). */
static void test_files(void)
{
	ar_lexicon_options lo = AR_LEXICON_OPTIONS_INIT;
	ar_lexicon *lex = NULL;
	const char *aff = NULL, *dic = NULL;
	size_t n;

	lo.dictionaries = "ar,en_US";
	CU_ASSERT_FATAL(ar_lexicon_new(&lex, &lo, NULL) == AR_OK);
	CU_ASSERT_EQUAL(ar_lexicon_count(lex), 2);
	CU_ASSERT_EQUAL(ar_lexicon_files(lex, 1, &aff, &dic), AR_OK);
	CU_ASSERT_FATAL(aff != NULL && dic != NULL);
	n = strlen(aff);
	CU_ASSERT(n > 10 && strcmp(aff + n - 10, "/en_US.aff") == 0);
	n = strlen(dic);
	CU_ASSERT(n > 10 && strcmp(dic + n - 10, "/en_US.dic") == 0);
	CU_ASSERT(access(aff, R_OK) == 0 && access(dic, R_OK) == 0);
	CU_ASSERT_EQUAL(ar_lexicon_files(lex, 0, &aff, &dic), AR_OK);
	n = strlen(aff);
	CU_ASSERT(n > 7 && strcmp(aff + n - 7, "/ar.aff") == 0);
	CU_ASSERT_EQUAL(ar_lexicon_files(lex, 2, &aff, &dic), AR_EINVAL);
	CU_ASSERT_EQUAL(ar_lexicon_files(lex, 0, NULL, &dic), AR_EINVAL);
	CU_ASSERT_EQUAL(ar_lexicon_files(NULL, 0, &aff, &dic), AR_EINVAL);
	CU_ASSERT_EQUAL(ar_lexicon_count(NULL), 0);
	ar_lexicon_free(lex);
}

/* Options structs of version 1 (before the lexicon) are still taken. */
static void test_options_v1(void)
{
	ar_spell_options so = AR_SPELL_OPTIONS_INIT;
	ar_tok_options to = AR_TOK_OPTIONS_INIT;
	ar_speller *sp = NULL;
	ar_tokenizer *t = NULL;

	so.version = 1;
	so.lexicon = (ar_lexicon *)&so; /* not read in version 1 */
	CU_ASSERT_EQUAL(ar_speller_new(&sp, &so, NULL), AR_OK);
	to.version = 1;
	to.flags = AR_TOK_SEGMENT;
	to.lexicon = (ar_lexicon *)&to;
	CU_ASSERT_EQUAL(ar_tokenizer_new(&t, &to, NULL), AR_OK);
	ar_tokenizer_free(t);
	ar_speller_free(sp);
	so.version = AR_SPELL_OPTIONS_VERSION + 1;
	CU_ASSERT_EQUAL(ar_speller_new(&sp, &so, NULL), AR_EINVAL);
	to.version = 0;
	CU_ASSERT_EQUAL(ar_tokenizer_new(&t, &to, NULL), AR_EINVAL);
}

static const unit_test lexicon_tests[] = {
	{ "dict/lexicon/load_once", test_load_once },
	{ "dict/lexicon/lifetime", test_lifetime },
	{ "dict/lexicon/options", test_options },
	{ "dict/lexicon/files", test_files },
	{ "dict/lexicon/options_v1", test_options_v1 },
	{ NULL, NULL }
};
static const unit_suite suites[] = { { "dict/lexicon", lexicon_tests },
	                             { NULL, NULL } };

int main(void)
{
	ar_lexicon *lex;

	if (ar_lexicon_new(&lex, NULL, NULL) != AR_OK) {
		printf("SKIP: hunspell dictionaries ar and en_US not found\n");
		return 77;
	}
	ar_lexicon_free(lex);
	return unit_main(suites);
}
