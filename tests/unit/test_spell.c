/*
 * test_spell.c - CUnit tests of the spell-checker (arabic/spell.h): the
 * gazetteer loader and its errors, proclitics and possessives, each class
 * of name typo, suggestion ranking, the consistency check, positions,
 * streaming in chunks, skipped tokens, missing dictionaries, and the
 * decision rules (name typo or unknown word, known errors, house styles,
 * inner words of names, repeated words, the document's words suggested).
 *
 * Most tests load their own small gazetteer (AR_SPELL_NO_BUILTIN), so they
 * do not depend on the contents of dict/ (the spell/decide ones use the
 * built-in lists for known errors, attested words and common words).  They
 * need the Debian hunspell dictionaries ar and en_US, and are skipped (77)
 * without them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "rank.h"
#include "unit.h"

static const char gaz[] =
        "# a small gazetteer for the tests\n"
        "company\tTelegram\t-\t\xd8\xaa\xd9\x8a\xd9\x84\xd9\x8a\xd8\xac\xd8\xb1"
        "\xd8\xa7\xd9\x85|\xd8\xaa\xd9\x84\xd8\xba\xd8\xb1\xd8\xa7\xd9\x85\n"
        "person\tPavel Durov\t-\t\xd8\xa8\xd8\xa7\xd9\x81\xd9\x84 \xd8\xaf"
        "\xd9\x88\xd8\xb1\xd9\x88\xd9\x81|\xd8\xa8\xd8\xa7\xd9\x81\xd9\x8a"
        "\xd9\x84 \xd8\xaf\xd9\x88\xd8\xb1\xd9\x88\xd9\x81\n"
        "company\tAmazon\t-\t\xd8\xa3\xd9\x85\xd8\xa7\xd8\xb2\xd9\x88\xd9\x86\n"
        "company\tGoogle\t-\t\xd8\xba\xd9\x88\xd8\xba\xd9\x84|\xd8\xac\xd9\x88"
        "\xd8\xac\xd9\x84\n"
        "person\tMuammar Gaddafi\tMuammar Qaddafi|Moammar Kadhafi\t-\n"
        "city\tCairo\t-\t\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd8"
        "\xa9\n"
        "person\tMark Zuckerberg\t-\t-\n"
        "company\tCoca-Cola\t-\t-\n";

/* Arabic spellings used below, in UTF-8. */
#define TELEGRAM_AR                                                            \
	"\xd8\xaa\xd9\x8a\xd9\x84\xd9\x8a\xd8\xac\xd8\xb1\xd8\xa7\xd9\x85"
#define AMAZON_AR   "\xd8\xa3\xd9\x85\xd8\xa7\xd8\xb2\xd9\x88\xd9\x86"
#define AMAZON_BARE "\xd8\xa7\xd9\x85\xd8\xa7\xd8\xb2\xd9\x88\xd9\x86"
#define CAIRO_AR    "\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa9"
#define WA          "\xd9\x88"
#define LI          "\xd9\x84"

static ar_speller *sp;

static ar_speller *open_speller(unsigned flags)
{
	ar_spell_options o = AR_SPELL_OPTIONS_INIT;
	ar_speller *s = NULL;
	ar_error err;
	o.flags = flags | AR_SPELL_NO_BUILTIN;
	if (ar_speller_new(&s, &o, &err) != AR_OK)
		return NULL;
	if (ar_speller_add_names(s, gaz, sizeof gaz - 1, "test.tsv", &err) !=
	    AR_OK) {
		ar_speller_free(s);
		return NULL;
	}
	return s;
}

/* Check a word: NULL when accepted, else the first suggestion ("" when
 * none), in a static buffer; *kind gets the kind. */
static const char *check(const char *w, int *kind)
{
	static char out[256];
	ar_spell_findings *fs = NULL;
	const ar_finding *f;
	const char *r = NULL;

	CU_ASSERT_FATAL(ar_spell_word(&fs, sp, w, strlen(w)) == AR_OK);
	f = ar_spell_findings_get(fs, 0);
	if (f) {
		snprintf(out, sizeof out, "%s",
		         f->nsuggestions ? f->suggestions[0] : "");
		if (kind)
			*kind = (int)f->kind;
		r = out;
		CU_ASSERT(f->start == 0 && f->end == strlen(w));
		CU_ASSERT(f->line == 1 && f->column == 1);
	}
	CU_ASSERT(ar_spell_findings_count(fs) == (f ? 1u : 0u));
	ar_spell_findings_free(fs);
	return r;
}

#define ACCEPTED(w) CU_ASSERT(check(w, NULL) == NULL)
#define NAME_TYPO(w, sug)                                                      \
	do {                                                                   \
		int k_ = -1;                                                   \
		const char *s_ = check(w, &k_);                                \
		CU_ASSERT(s_ != NULL && strcmp(s_, sug) == 0);                 \
		CU_ASSERT(k_ == AR_FINDING_NAME);                              \
	} while (0)

/* An unknown word, not a name's typo (a dictionary word is as close), that
 * still gets the name first */
#define NAME_SUGGESTED(w, sug)                                                 \
	do {                                                                   \
		int k_ = -1;                                                   \
		const char *s_ = check(w, &k_);                                \
		CU_ASSERT(s_ != NULL && strcmp(s_, sug) == 0);                 \
		CU_ASSERT(k_ == AR_FINDING_UNKNOWN);                           \
	} while (0)

/* ---- loader ----------------------------------------------------------- */

static void test_loader_accepts(void)
{
	ACCEPTED("Telegram");
	ACCEPTED("Durov");
	ACCEPTED("Pavel");
	ACCEPTED("Qaddafi");
	ACCEPTED("Kadhafi");
	ACCEPTED("Zuckerberg");
	ACCEPTED("Coca-Cola");
	ACCEPTED(TELEGRAM_AR);
	ACCEPTED(AMAZON_AR);
}

static void test_loader_errors(void)
{
	ar_speller *s = open_speller(0);
	ar_error err;
	static const char bad_fields[] = "# comment\n"
	                                 "company\tGood\t-\t-\n"
	                                 "company\tBad\t-\n";
	static const char bad_type[] = "\nplanet\tMars\t-\t-\n";
	static const char bad_utf8[] = "company\tG\xff\t-\t-\n";
	static const char empty_canon[] = "company\t-\t-\t-\n";

	CU_ASSERT_FATAL(s != NULL);
	memset(&err, 0, sizeof err);
	CU_ASSERT(ar_speller_add_names(s, bad_fields, sizeof bad_fields - 1,
	                               "f.tsv", &err) == AR_EDICT);
	CU_ASSERT(err.line == 3);
	CU_ASSERT(strncmp(err.message, "f.tsv:3:", 8) == 0);
	CU_ASSERT(strcmp(err.source, "f.tsv") == 0);
	/* the good line before the bad one was loaded */
	{
		ar_spell_findings *fs = NULL;
		CU_ASSERT(ar_spell_word(&fs, s, "Good", 4) == AR_OK);
		CU_ASSERT(ar_spell_findings_count(fs) == 0);
		ar_spell_findings_free(fs);
	}
	memset(&err, 0, sizeof err);
	CU_ASSERT(ar_speller_add_names(s, bad_type, sizeof bad_type - 1,
	                               "t.tsv", &err) == AR_EDICT);
	CU_ASSERT(err.line == 2);
	CU_ASSERT(strstr(err.message, "planet") != NULL);
	memset(&err, 0, sizeof err);
	CU_ASSERT(ar_speller_add_names(s, bad_utf8, sizeof bad_utf8 - 1,
	                               "u.tsv", &err) == AR_EUTF8);
	CU_ASSERT(err.line == 1 && err.offset == 9);
	CU_ASSERT(ar_speller_add_names(s, empty_canon, sizeof empty_canon - 1,
	                               "e.tsv", &err) == AR_EDICT);
	memset(&err, 0, sizeof err);
	CU_ASSERT(ar_speller_load_names(s, "/nonexistent/names.tsv", &err) ==
	          AR_EIO);
	CU_ASSERT(strstr(err.message, "/nonexistent/names.tsv") != NULL);
	ar_speller_free(s);
}

static void test_personal(void)
{
	ar_speller *s = open_speller(0);
	char path[] = "/tmp/test_spell_XXXXXX";
	int fd = mkstemp(path);
	ar_spell_findings *fs = NULL;
	ar_error err;

	CU_ASSERT_FATAL(s != NULL && fd >= 0);
	CU_ASSERT(write(fd, "# mine\nFoobarix/X\nquuxology\n", 28) == 28);
	close(fd);
	CU_ASSERT(ar_spell_word(&fs, s, "Foobarix", 8) == AR_OK);
	CU_ASSERT(ar_spell_findings_count(fs) == 1);
	ar_spell_findings_free(fs);
	CU_ASSERT(ar_speller_load_personal(s, path, &err) == AR_OK);
	CU_ASSERT(ar_spell_word(&fs, s, "Foobarix", 8) == AR_OK);
	CU_ASSERT(ar_spell_findings_count(fs) == 0);
	ar_spell_findings_free(fs);
	CU_ASSERT(ar_spell_word(&fs, s, "quuxology", 9) == AR_OK);
	CU_ASSERT(ar_spell_findings_count(fs) == 0);
	ar_spell_findings_free(fs);
	CU_ASSERT(ar_speller_add_word(s, "zorgle", 6) == AR_OK);
	CU_ASSERT(ar_spell_word(&fs, s, "zorgle", 6) == AR_OK);
	CU_ASSERT(ar_spell_findings_count(fs) == 0);
	ar_spell_findings_free(fs);
	CU_ASSERT(ar_speller_add_word(s, "\xff", 1) == AR_EUTF8);
	unlink(path);
	ar_speller_free(s);
}

static void test_missing_dict(void)
{
	ar_spell_options o = AR_SPELL_OPTIONS_INIT;
	ar_speller *s = NULL;
	ar_error err;
	memset(&err, 0, sizeof err);
	o.dictionaries = "ar,xx_YY";
	CU_ASSERT(ar_speller_new(&s, &o, &err) == AR_EDICT);
	CU_ASSERT(s == NULL);
	CU_ASSERT(strstr(err.message, "xx_YY") != NULL);
	CU_ASSERT(strstr(err.message, "hunspell-xx-yy") != NULL);
	o.version = 99;
	CU_ASSERT(ar_speller_new(&s, &o, NULL) == AR_EINVAL);
	ar_speller_free(NULL);
	ar_spell_findings_free(NULL);
	CU_ASSERT(ar_spell_findings_count(NULL) == 0);
}

/* Write a small hunspell dictionary DIR/NAME.{aff,dic}. */
static int write_dict(const char *dir, const char *name, const char *aff,
                      const char *dic)
{
	char path[512];
	FILE *fp;
	int ok = 1;
	snprintf(path, sizeof path, "%s/%s.aff", dir, name);
	if (!(fp = fopen(path, "wb")))
		return 0;
	ok &= fputs(aff, fp) >= 0;
	ok &= fclose(fp) == 0;
	snprintf(path, sizeof path, "%s/%s.dic", dir, name);
	if (!(fp = fopen(path, "wb")))
		return 0;
	ok &= fputs(dic, fp) >= 0;
	ok &= fclose(fp) == 0;
	return ok;
}

static void remove_dict(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s.aff", dir, name);
	unlink(path);
	snprintf(path, sizeof path, "%s/%s.dic", dir, name);
	unlink(path);
}

/* A dictionary in ISO 8859-1 (its SET line) checks and suggests UTF-8
 * words; one in an encoding ICU does not know is refused. */
static void test_dict_encoding(void)
{
	char dir[] = "/tmp/test_spell_dict_XXXXXX";
	ar_spell_options o = AR_SPELL_OPTIONS_INIT;
	ar_speller *s = NULL;
	ar_spell_findings *fs = NULL;
	const ar_finding *f;
	ar_error err;
	int ok;

	CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
	/* caf\xe9 and na\xefve are "café" and "naïve" in ISO 8859-1 */
	ok = write_dict(dir, "la1", "SET ISO8859-1\nTRY aefcinv\n",
	                "2\ncaf\xe9\nna\xefve\n") &&
	     write_dict(dir, "bad", "# x\nSET NO-SUCH-ENCODING\n", "1\nword\n");
	CU_ASSERT_FATAL(ok);
	o.flags = AR_SPELL_NO_BUILTIN;
	o.dictionaries = "la1";
	o.dict_dir = dir;
	CU_ASSERT_FATAL(ar_speller_new(&s, &o, &err) == AR_OK);
	CU_ASSERT(ar_spell_word(&fs, s, "caf\xc3\xa9", 5) == AR_OK);
	CU_ASSERT(ar_spell_findings_count(fs) == 0);
	ar_spell_findings_free(fs);
	CU_ASSERT(ar_spell_word(&fs, s, "na\xc3\xafve", 6) == AR_OK);
	CU_ASSERT(ar_spell_findings_count(fs) == 0);
	ar_spell_findings_free(fs);
	/* not in the dictionary, and a word its encoding cannot write */
	CU_ASSERT(ar_spell_word(&fs, s, "cafe", 4) == AR_OK);
	f = ar_spell_findings_get(fs, 0);
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT(f->nsuggestions >= 1 &&
	          strcmp(f->suggestions[0], "caf\xc3\xa9") == 0);
	ar_spell_findings_free(fs);
	CU_ASSERT(ar_spell_word(&fs, s, "caf\xc4\x93", 5) == AR_OK);
	CU_ASSERT(ar_spell_findings_count(fs) == 1);
	ar_spell_findings_free(fs);
	ar_speller_free(s);
	s = NULL;
	memset(&err, 0, sizeof err);
	o.dictionaries = "bad";
	CU_ASSERT(ar_speller_new(&s, &o, &err) == AR_EDICT);
	CU_ASSERT(s == NULL);
	CU_ASSERT(strstr(err.message, "NO-SUCH-ENCODING") != NULL);
	remove_dict(dir, "la1");
	remove_dict(dir, "bad");
	rmdir(dir);
}

/* ---- clitics and possessives ------------------------------------------ */

static void test_proclitics(void)
{
	ACCEPTED(WA AMAZON_AR);      /* وأمازون */
	ACCEPTED(LI TELEGRAM_AR);    /* لتيليجرام */
	ACCEPTED(WA LI TELEGRAM_AR); /* ولتيليجرام */
	ACCEPTED("\xd8\xa8"
	         "\xd8\xa7\xd9\x84" AMAZON_AR); /* بالأمازون */
	ACCEPTED(LI LI
	         "\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa9"); /* للقاهرة */
	ACCEPTED("\xd9\x81" CAIRO_AR); /* فالقاهرة */
	ACCEPTED(AMAZON_BARE);         /* امازون: hamza left out */
	ACCEPTED(WA AMAZON_BARE);
	/* diacritics and tatweel do not matter */
	ACCEPTED("\xd8\xaa\xd9\x8a\xd9\x84\xd9\x80\xd9\x8a\xd8\xac\xd8\xb1"
	         "\xd8\xa7\xd9\x85");
	ACCEPTED("Google's");
	ACCEPTED("Google\xe2\x80\x99s");
	ACCEPTED("Telegram's");
}

/* ---- typo classes ----------------------------------------------------- */

static void test_typo_edit(void)
{
	NAME_TYPO("Telgram", "Telegram");   /* dropped letter */
	NAME_TYPO("Telegrma", "Telegram");  /* transposition */
	NAME_TYPO("Telegrram", "Telegram"); /* doubled letter */
	NAME_TYPO("Zukerberg", "Zuckerberg");
	NAME_TYPO("Telegerm's", "Telegram's"); /* possessive kept */
}

static void test_typo_phonetic(void)
{
	NAME_TYPO("Doroff", "Durov");       /* -off for -ov, o for u */
	NAME_TYPO("Telepharm", "Telegram"); /* ph, one consonant */
	NAME_TYPO("Gadafi", "Gaddafi");
	NAME_TYPO("Zuckerburg", "Zuckerberg");
}

static void test_typo_arabic(void)
{
	/* تيليجرم: long vowel dropped */
	NAME_TYPO("\xd8\xaa\xd9\x8a\xd9\x84\xd9\x8a\xd8\xac\xd8\xb1\xd9\x85",
	          TELEGRAM_AR);
	/* with a proclitic: وتيليجرم -> وتيليجرام */
	NAME_TYPO(WA "\xd8\xaa\xd9\x8a\xd9\x84\xd9\x8a\xd8\xac\xd8\xb1\xd9\x85",
	          WA TELEGRAM_AR);
	/* دورووف: doubled long vowel */
	NAME_TYPO("\xd8\xaf\xd9\x88\xd8\xb1\xd9\x88\xd9\x88\xd9\x81",
	          "\xd8\xaf\xd9\x88\xd8\xb1\xd9\x88\xd9\x81");
	/* القاهره: ta marbuta written as ha (and one edit from a dictionary
	 * word) */
	NAME_SUGGESTED(
	        "\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd9\x87",
	        CAIRO_AR);
	/* امازوم: the suggestion keeps the writer's bare alef (an unknown
	 * word: a dictionary word is one edit away too) */
	NAME_SUGGESTED("\xd8\xa7\xd9\x85\xd8\xa7\xd8\xb2\xd9\x88\xd9\x85",
	               AMAZON_BARE);
}

static void test_unknown(void)
{
	int kind = -1;
	const char *s = check("wrld", &kind);
	CU_ASSERT(s != NULL && kind == AR_FINDING_UNKNOWN);
	CU_ASSERT(s != NULL && strcmp(s, "weld") == 0); /* hunspell's first */
	ACCEPTED("world");
	ACCEPTED("the");
	/* كتاب: an ordinary Arabic word */
	ACCEPTED("\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8");
	/* not words to check */
	ACCEPTED("12345");
	ACCEPTED("VPN");
	ACCEPTED("#telegramdown");
	ACCEPTED("@durov");
	ACCEPTED("x2z9");
	ACCEPTED("");
}

static void test_acronyms(void)
{
	ar_speller *s = open_speller(AR_SPELL_CHECK_ACRONYMS);
	ar_spell_findings *fs = NULL;
	CU_ASSERT_FATAL(s != NULL);
	CU_ASSERT(ar_spell_word(&fs, s, "XQZV", 4) == AR_OK);
	CU_ASSERT(ar_spell_findings_count(fs) == 1);
	ar_spell_findings_free(fs);
	ar_speller_free(s);
}

static void test_ranking(void)
{
	ar_spell_findings *fs = NULL;
	const ar_finding *f;
	/* Durow: Durov (one letter, same key) before anything else */
	CU_ASSERT(ar_spell_word(&fs, sp, "Durow", 5) == AR_OK);
	f = ar_spell_findings_get(fs, 0);
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT(f->nsuggestions >= 1 &&
	          strcmp(f->suggestions[0], "Durov") == 0);
	ar_spell_findings_free(fs);
	/* تلغرم is closer to تلغرام than to تيليجرام */
	CU_ASSERT(ar_spell_word(&fs, sp,
	                        "\xd8\xaa\xd9\x84\xd8\xba\xd8\xb1"
	                        "\xd9\x85",
	                        10) == AR_OK);
	f = ar_spell_findings_get(fs, 0);
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT(f->nsuggestions >= 1 &&
	          strcmp(f->suggestions[0], "\xd8\xaa\xd9\x84\xd8\xba\xd8\xb1"
	                                    "\xd8\xa7\xd9\x85") == 0);
	ar_spell_findings_free(fs);
}

/* Accepted variants no gazetteer can list in full: any of the letters
 * for the g of a foreign name (إنستجرام, انستقرام for إنستغرام), but not in
 * a name without a g (الغطيف for القطيف); a final ta marbuta for the alef
 * of a name (بنزيمة for بنزيما), but not a ha (بنزيمه); adjectives and
 * plurals made from a name (الترامبية, والحوثيين; iPhones), but not a
 * doubled letter (الحوثيي). */
static int has_sug(const ar_finding *f, const char *s)
{
	size_t i;
	for (i = 0; i < f->nsuggestions; i++)
		if (strcmp(f->suggestions[i], s) == 0)
			return 1;
	return 0;
}

/* Check word w alone with speller s into *fs (the caller frees it):
 * a finding whose first suggestion is want. */
static const ar_finding *first_sug(ar_spell_findings **fs, ar_speller *s,
                                   const char *w, const char *want)
{
	const ar_finding *f;
	CU_ASSERT_FATAL(ar_spell_word(fs, s, w, strlen(w)) == AR_OK);
	f = ar_spell_findings_get(*fs, 0);
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT(f->nsuggestions >= 1 && strcmp(f->suggestions[0], want) == 0);
	return f;
}

static void test_variants(void)
{
	static const char g[] =
	        /* إنستغرام; كريم بنزيما|بنزيما; القطيف; دونالد ترامب|ترامب;
		 * الحوثي; آيفون */
	        "company\tInstagram\t-\t"
	        "\xd8\xa5\xd9\x86\xd8\xb3\xd8\xaa\xd8\xba\xd8\xb1\xd8\xa7"
	        "\xd9\x85\n"
	        "person\tKarim Benzema\tBenzema\t"
	        "\xd9\x83\xd8\xb1\xd9\x8a\xd9\x85 \xd8\xa8\xd9\x86"
	        "\xd8\xb2\xd9\x8a\xd9\x85\xd8\xa7|\xd8\xa8\xd9\x86"
	        "\xd8\xb2\xd9\x8a\xd9\x85\xd8\xa7\n"
	        "city\tQatif\t-\t"
	        "\xd8\xa7\xd9\x84\xd9\x82\xd8\xb7\xd9\x8a\xd9\x81\n"
	        "person\tDonald Trump\t-\t"
	        "\xd8\xaf\xd9\x88\xd9\x86\xd8\xa7\xd9\x84\xd8\xaf "
	        "\xd8\xaa\xd8\xb1\xd8\xa7\xd9\x85\xd8\xa8|\xd8\xaa"
	        "\xd8\xb1\xd8\xa7\xd9\x85\xd8\xa8\n"
	        "org\tHouthis\tHouthi\t"
	        "\xd8\xa7\xd9\x84\xd8\xad\xd9\x88\xd8\xab\xd9\x8a\n"
	        "product\tiPhone\t-\t"
	        "\xd8\xa2\xd9\x8a\xd9\x81\xd9\x88\xd9\x86\n";
	static const char *const ok[] = {
		"\xd8\xa5\xd9\x86\xd8\xb3\xd8\xaa\xd8\xac"
		"\xd8\xb1\xd8\xa7\xd9\x85",
		"\xd8\xa7\xd9\x86\xd8\xb3\xd8\xaa\xd9\x82"
		"\xd8\xb1\xd8\xa7\xd9\x85",
		"\xd9\x88\xd8\xa5\xd9\x86\xd8\xb3\xd8\xaa"
		"\xd8\xac\xd8\xb1\xd8\xa7\xd9\x85",
		"\xd8\xa8\xd9\x86\xd8\xb2\xd9\x8a\xd9\x85"
		"\xd8\xa9",
		"\xd9\x84\xd8\xa8\xd9\x86\xd8\xb2\xd9\x8a"
		"\xd9\x85\xd8\xa9",
		"\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb1\xd8\xa7"
		"\xd9\x85\xd8\xa8\xd9\x8a\xd8\xa9",
		"\xd8\xaa\xd8\xb1\xd8\xa7\xd9\x85\xd8\xa8"
		"\xd9\x8a\xd9\x88\xd9\x86",
		"\xd8\xa7\xd9\x84\xd8\xad\xd9\x88\xd8\xab"
		"\xd9\x8a\xd8\xa9",
		"\xd9\x88\xd8\xa7\xd9\x84\xd8\xad\xd9\x88"
		"\xd8\xab\xd9\x8a\xd9\x8a\xd9\x86",
		"iPhones",
		/* آيڤون, ترامپ: v and p written with ڤ and پ */
		"\xd8\xa2\xd9\x8a\xda\xa4\xd9\x88\xd9\x86",
		"\xd8\xaa\xd8\xb1\xd8\xa7\xd9\x85\xd9\xbe"
	};
	static const char *const bad[][2] = {
		{ "\xd8\xa8\xd9\x86\xd8\xb2\xd9\x8a\xd9\x85"
		  "\xd9\x87",
		  "\xd8\xa8\xd9\x86\xd8\xb2\xd9\x8a\xd9\x85"
		  "\xd8\xa7" },
		{ "\xd8\xa7\xd9\x84\xd8\xba\xd8\xb7\xd9\x8a"
		  "\xd9\x81",
		  "\xd8\xa7\xd9\x84\xd9\x82\xd8\xb7\xd9\x8a"
		  "\xd9\x81" },
		{ "\xd8\xa7\xd9\x84\xd8\xad\xd9\x88\xd8\xab"
		  "\xd9\x8a\xd9\x8a",
		  NULL },
		{ "\xd8\xaa\xd8\xb1\xd8\xa7\xd9\x85\xd8\xa8"
		  "\xd8\xa8",
		  "\xd8\xaa\xd8\xb1\xd8\xa7\xd9\x85\xd8\xa8" }
	};
	ar_speller *s = open_speller(0);
	ar_spell_findings *fs = NULL;
	const ar_finding *f;
	size_t i;

	CU_ASSERT_FATAL(s != NULL);
	CU_ASSERT_FATAL(ar_speller_add_names(s, g, sizeof g - 1, "v.tsv",
	                                     NULL) == AR_OK);
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		CU_ASSERT(ar_spell_word(&fs, s, ok[i], strlen(ok[i])) == AR_OK);
		CU_ASSERT(ar_spell_findings_count(fs) == 0);
		ar_spell_findings_free(fs);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		CU_ASSERT(ar_spell_word(&fs, s, bad[i][0], strlen(bad[i][0])) ==
		          AR_OK);
		f = ar_spell_findings_get(fs, 0);
		CU_ASSERT_FATAL(f != NULL);
		/* the name is offered; the order is the ranking's (words one
		 * slip away may come first: اللطيف for الغطيف, the accepted
		 * بنزيمة for بنزيمه) */
		CU_ASSERT(!bad[i][1] || has_sug(f, bad[i][1]));
		ar_spell_findings_free(fs);
	}
	ar_speller_free(s);
}

/* A common word with the hamza of its first alef left out, or ه for a
 * final ة, is an ordinary misspelling of that word, suggested first, and
 * not a name's typo even when names come close (ايضا is one letter from
 * ايغا); a name so misspelled is still a name's typo. */
static ar_speller *open_builtin(unsigned flags);

static void test_hamza_slips(void)
{
	static const struct {
		const char *word, *first;
		int kind;
	} cases[] = {
		/* ايضا -> أيضا */
		{ "\xd8\xa7\xd9\x8a\xd8\xb6\xd8\xa7",
		  "\xd8\xa3\xd9\x8a\xd8\xb6\xd8\xa7", AR_FINDING_UNKNOWN },
		/* بالاضافه -> بالإضافة: after ب + ال, and the final ة */
		{ "\xd8\xa8\xd8\xa7\xd9\x84\xd8\xa7\xd8\xb6\xd8\xa7"
		  "\xd9\x81\xd9\x87",
		  "\xd8\xa8\xd8\xa7\xd9\x84\xd8\xa5\xd8\xb6\xd8\xa7"
		  "\xd9\x81\xd8\xa9",
		  AR_FINDING_UNKNOWN },
		/* القاهره -> القاهرة, a name first (unknown: a dictionary
		 * word is one edit away too) */
		{ "\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1"
		  "\xd9\x87",
		  "\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1"
		  "\xd8\xa9",
		  AR_FINDING_UNKNOWN },
	};
	static const char g[] =
	        /* ايغا; القاهرة */
	        "person\tIga Swiatek\t-\t\xd8\xa7\xd9\x8a\xd8\xba\xd8\xa7\n"
	        "city\tCairo\t-\t\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87"
	        "\xd8\xb1\xd8\xa9\n";
	ar_speller *s = open_speller(0);
	ar_spell_findings *fs = NULL;
	const ar_finding *f;
	size_t i;

	CU_ASSERT_FATAL(s != NULL);
	CU_ASSERT_FATAL(ar_speller_add_names(s, g, sizeof g - 1, "h.tsv",
	                                     NULL) == AR_OK);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CU_ASSERT(ar_spell_word(&fs, s, cases[i].word,
		                        strlen(cases[i].word)) == AR_OK);
		f = ar_spell_findings_get(fs, 0);
		CU_ASSERT_FATAL(f != NULL);
		CU_ASSERT_EQUAL(f->kind, cases[i].kind);
		CU_ASSERT(f->nsuggestions >= 1 &&
		          strcmp(f->suggestions[0], cases[i].first) == 0);
		ar_spell_findings_free(fs);
	}
	ar_speller_free(s);
	/* الامر -> الأمر with the built-in lists: the writer leaves hamzas
	 * out and the suggestions near names follow that style, but the word
	 * itself with its hamza is the fix, not dropped as the word itself */
	{
		static const char
		        w[] = "\xd8\xa7\xd9\x84\xd8\xa7\xd9\x85\xd8\xb1",
		        fix[] = "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd8\xb1";
		ar_speller *b = open_builtin(0);
		CU_ASSERT_FATAL(b != NULL);
		first_sug(&fs, b, w, fix);
		ar_spell_findings_free(fs);
		ar_speller_free(b);
	}
}

/* Arabic ranking: a slip to a letter of the same shape (ن for ت) is as
 * likely as a long vowel added, and an ordinary word found inside a
 * longer name (الحريري) is still the first suggestion when it is the
 * closest, before a farther name (اليغييري). */
/* The noisy channel (rank.c): (corpus count + 0.5) x P(slip).  Each
 * typo below is one slip from the word meant; hunspell's first
 * suggestion for it is another word (for التعليح: التعليك; for العمز:
 * الغمز; for الوطت: ألوطت; for قثله: فثلة; for اجراء: أحراء), and the
 * more frequent word in parentheses is one unlikely slip away.  Two
 * words run together are split, their count the product of theirs. */
static void test_ranking_noisy(void)
{
	static const char *const cases[][2] = {
		/* التعليح -> التعليم: a neighbour key */
		{ "\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a\xd8\xad",
		  "\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a\xd9\x85" },
		/* العمز -> العمر (not العمل): dots */
		{ "\xd8\xa7\xd9\x84\xd8\xb9\xd9\x85\xd8\xb2",
		  "\xd8\xa7\xd9\x84\xd8\xb9\xd9\x85\xd8\xb1" },
		/* الوطت -> الوطن (not الوقت): dots */
		{ "\xd8\xa7\xd9\x84\xd9\x88\xd8\xb7\xd8\xaa",
		  "\xd8\xa7\xd9\x84\xd9\x88\xd8\xb7\xd9\x86" },
		/* العفل -> العقل (not العمل): dots */
		{ "\xd8\xa7\xd9\x84\xd8\xb9\xd9\x81\xd9\x84",
		  "\xd8\xa7\xd9\x84\xd8\xb9\xd9\x82\xd9\x84" },
		/* قثله -> قبله (not قوله): dots */
		{ "\xd9\x82\xd8\xab\xd9\x84\xd9\x87",
		  "\xd9\x82\xd8\xa8\xd9\x84\xd9\x87" },
		/* زوضع -> موضع: a neighbour key (not وضع: a stray key
		 * struck before the first letter, the rarest place) */
		{ "\xd8\xb2\xd9\x88\xd8\xb6\xd8\xb9",
		  "\xd9\x85\xd9\x88\xd8\xb6\xd8\xb9" },
		/* علىالرغم -> على الرغم: the space left out, unseen
		 * after ى */
		{ "\xd8\xb9\xd9\x84\xd9\x89\xd8\xa7\xd9\x84\xd8\xb1\xd8\xba\xd9"
		  "\x85",
		  "\xd8\xb9\xd9\x84\xd9\x89\x20\xd8\xa7\xd9\x84\xd8\xb1\xd8\xba"
		  "\xd9\x85" },
		/* منذالبداية -> منذ البداية */
		{ "\xd9\x85\xd9\x86\xd8\xb0\xd8\xa7\xd9\x84\xd8\xa8\xd8\xaf\xd8"
		  "\xa7\xd9\x8a\xd8\xa9",
		  "\xd9\x85\xd9\x86\xd8\xb0\x20\xd8\xa7\xd9\x84\xd8\xa8\xd8\xaf"
		  "\xd8\xa7\xd9\x8a\xd8\xa9" },
		/* اليبيعة -> البيعة: a letter added beside its key's
		 * neighbour (not الطبيعة, far more common, but behind a
		 * letter written for an unrelated one) */
		{ "\xd8\xa7\xd9\x84\xd9\x8a\xd8\xa8\xd9\x8a\xd8\xb9\xd8\xa9",
		  "\xd8\xa7\xd9\x84\xd8\xa8\xd9\x8a\xd8\xb9\xd8\xa9" },
		/* اجراء -> إجراء: a hamza seat */
		{ "\xd8\xa7\xd8\xac\xd8\xb1\xd8\xa7\xd8\xa1",
		  "\xd8\xa5\xd8\xac\xd8\xb1\xd8\xa7\xd8\xa1" },
	};
	/* أجراء: the other seat that makes a word, offered as well */
	static const char ajra[] = "\xd8\xa3\xd8\xac\xd8\xb1\xd8\xa7\xd8\xa1";
	ar_spell_findings *fs = NULL;
	const ar_finding *f;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		f = first_sug(&fs, sp, cases[i][0], cases[i][1]);
		if (i + 1 == sizeof cases / sizeof cases[0])
			CU_ASSERT(has_sug(f, ajra));
		ar_spell_findings_free(fs);
	}
	/* the frequencies built in: a common word is counted, a typo not */
	CU_ASSERT(ar_freq__count("\xd8\xa7\xd9\x84\xd8\xb9\xd9\x85\xd9\x84",
	                         10) > 100);
	CU_ASSERT(ar_freq__count(cases[1][0], strlen(cases[1][0])) == 0);
	CU_ASSERT(ar_freq__count("", 0) == 0);
}

/* A name the matcher finds beyond one likely slip weighs as a name, not
 * by the corpus count of the common word it also is: with الكويت and
 * المصري in the gazetteer, a letter added next to its key's neighbour
 * still gives the rarer word one slip away. */
static void test_ranking_far_names(void)
{
	static const char gaz2[] =
	        /* الكويت, المصري */
	        "country\tKuwait\t-\t\xd8\xa7\xd9\x84\xd9\x83\xd9\x88\xd9\x8a"
	        "\xd8\xaa\n"
	        "person\tAl-Masri\t-\t\xd8\xa7\xd9\x84\xd9\x85\xd8\xb5\xd8\xb1"
	        "\xd9\x8a\n";
	static const char *const cases[][2] = {
		/* العغيت -> الغيت */
		{ "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xba\xd9\x8a\xd8\xaa",
		  "\xd8\xa7\xd9\x84\xd8\xba\xd9\x8a\xd8\xaa" },
		/* المصضي -> المضي */
		{ "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb5\xd8\xb6\xd9\x8a",
		  "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb6\xd9\x8a" },
	};
	ar_speller *s = open_speller(0);
	ar_spell_findings *fs = NULL;
	ar_error err;
	size_t i;

	CU_ASSERT_FATAL(s != NULL);
	CU_ASSERT_FATAL(ar_speller_add_names(s, gaz2, sizeof gaz2 - 1,
	                                     "far.tsv", &err) == AR_OK);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const ar_finding *f =
		        first_sug(&fs, s, cases[i][0], cases[i][1]);
		CU_ASSERT(f->kind == AR_FINDING_UNKNOWN);
		ar_spell_findings_free(fs);
	}
	ar_speller_free(s);
}

/* The letter model (charlm.c): a typo of a made-up name that no list
 * has is undone by the string one slip away that reads like a word
 * (a letter typed twice, here), not by the words of the lists that are
 * one slip away too. */
static void test_ranking_letters(void)
{
	static const char *const cases[][2] = {
		/* فيراانديلو -> فيرانديلو */
		{ "\xd9\x81\xd9\x8a\xd8\xb1\xd8\xa7\xd8\xa7\xd9\x86\xd8\xaf\xd9"
		  "\x8a\xd9\x84\xd9\x88",
		  "\xd9\x81\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86\xd8\xaf\xd9\x8a\xd9"
		  "\x84\xd9\x88" },
		/* كاستييلارو -> كاستيلارو */
		{ "\xd9\x83\xd8\xa7\xd8\xb3\xd8\xaa\xd9\x8a\xd9\x8a\xd9\x84\xd8"
		  "\xa7\xd8\xb1\xd9\x88",
		  "\xd9\x83\xd8\xa7\xd8\xb3\xd8\xaa\xd9\x8a\xd9\x84\xd8\xa7\xd8"
		  "\xb1\xd9\x88" },
		/* دورنبيررغر -> دورنبيرغر */
		{ "\xd8\xaf\xd9\x88\xd8\xb1\xd9\x86\xd8\xa8\xd9\x8a\xd8\xb1\xd8"
		  "\xb1\xd8\xba\xd8\xb1",
		  "\xd8\xaf\xd9\x88\xd8\xb1\xd9\x86\xd8\xa8\xd9\x8a\xd8\xb1\xd8"
		  "\xba\xd8\xb1" },
	};
	ar_charlm *lm = NULL;
	ar_spell_findings *fs = NULL;
	const ar_finding *f;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		f = first_sug(&fs, sp, cases[i][0], cases[i][1]);
		CU_ASSERT(f->kind == AR_FINDING_UNKNOWN);
		ar_spell_findings_free(fs);
	}
	/* the model alone: the name reads better than its typo, a word of
	 * the lists better than the name */
	CU_ASSERT_FATAL(ar_charlm__new(&lm, NULL) == AR_OK);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CU_ASSERT(
		        ar_charlm__logp(lm, cases[i][1], strlen(cases[i][1])) >
		        ar_charlm__logp(lm, cases[i][0], strlen(cases[i][0])));
	CU_ASSERT(ar_charlm__logp(lm,
	                          "\xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd8\xb1\xd8"
	                          "\xb3\xd8\xa9",
	                          14) >
	          ar_charlm__logp(lm, cases[0][1], strlen(cases[0][1])));
	CU_ASSERT(ar_charlm__logp(lm, "", 0) < 0);
	ar_charlm__free(lm);
}

/* The letter model of places (charlm.c) beside the model of all words:
 * made-up transliterations of foreign names read better by it, per
 * letter, than slips of common words do. */
static void test_ranking_places_model(void)
{
	static const char *const names[] = {
		/* غرونفيلدر */
		"\xd8\xba\xd8\xb1\xd9\x88\xd9\x86\xd9\x81\xd9\x8a\xd9\x84"
		"\xd8\xaf\xd8\xb1",
		/* كاسترونوفو */
		"\xd9\x83\xd8\xa7\xd8\xb3\xd8\xaa\xd8\xb1\xd9\x88\xd9\x86"
		"\xd9\x88\xd9\x81\xd9\x88",
		/* ويلبرستون */
		"\xd9\x88\xd9\x8a\xd9\x84\xd8\xa8\xd8\xb1\xd8\xb3\xd8\xaa"
		"\xd9\x88\xd9\x86",
	};
	static const char *const slips[] = {
		/* المدرصة: ص for the س of المدرسة */
		"\xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb5\xd8\xa9",
		/* الحكزمة: ز for the و of الحكومة */
		"\xd8\xa7\xd9\x84\xd8\xad\xd9\x83\xd8\xb2\xd9\x85\xd8\xa9",
		/* المشتقبل: ش for the س of المستقبل */
		"\xd8\xa7\xd9\x84\xd9\x85\xd8\xb4\xd8\xaa\xd9\x82\xd8\xa8"
		"\xd9\x84",
	};
	ar_charlm *lm = NULL, *plm = NULL;
	size_t i, j;

	CU_ASSERT_FATAL(ar_charlm__new(&lm, NULL) == AR_OK);
	CU_ASSERT_FATAL(ar_charlm__new_places(&plm) == AR_OK);
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		for (j = 0; j < sizeof slips / sizeof slips[0]; j++) {
			size_t a = strlen(names[i]), b = strlen(slips[j]);
			double na = (ar_charlm__logp(plm, names[i], a) -
			             ar_charlm__logp(lm, names[i], a)) /
			            (double)a,
			       nb = (ar_charlm__logp(plm, slips[j], b) -
			             ar_charlm__logp(lm, slips[j], b)) /
			            (double)b;
			CU_ASSERT(na > nb);
		}
	ar_charlm__free(plm);
	ar_charlm__free(lm);
}

/* A word is never its own suggestion: its hamza-alef written bare is
 * one slip, and giving that string its hamza back is the word again
 * (made-up words with a bare-alef form that reads like a word). */
static void test_ranking_not_self(void)
{
	static const char *const words[] = {
		/* إنتاليكو */
		"\xd8\xa5\xd9\x86\xd8\xaa\xd8\xa7\xd9\x84\xd9\x8a\xd9\x83\xd9"
		"\x88",
		/* إكلينوفا */
		"\xd8\xa5\xd9\x83\xd9\x84\xd9\x8a\xd9\x86\xd9\x88\xd9\x81\xd8"
		"\xa7",
	};
	ar_spell_findings *fs = NULL;
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		const ar_finding *f;
		CU_ASSERT_FATAL(ar_spell_word(&fs, sp, words[i],
		                              strlen(words[i])) == AR_OK);
		f = ar_spell_findings_get(fs, 0);
		CU_ASSERT_FATAL(f != NULL);
		CU_ASSERT(f->nsuggestions >= 1);
		CU_ASSERT(!has_sug(f, words[i]));
		ar_spell_findings_free(fs);
	}
}

static void test_ranking_arabic(void)
{
	static const char g[] =
	        /* بنين; فلاديمير بوتين|بوتين; رفيق الحريري;
		 * دانتي اليغييري|اليغييري */
	        "country\tBenin\t-\t"
	        "\xd8\xa8\xd9\x86\xd9\x8a\xd9\x86\n"
	        "person\tVladimir Putin\t-\t"
	        "\xd9\x81\xd9\x84\xd8\xa7\xd8\xaf\xd9\x8a\xd9\x85\xd9\x8a"
	        "\xd8\xb1 \xd8\xa8\xd9\x88\xd8\xaa\xd9\x8a\xd9\x86"
	        "|\xd8\xa8\xd9\x88\xd8\xaa\xd9\x8a\xd9\x86\n"
	        "person\tRafik Hariri\t-\t"
	        "\xd8\xb1\xd9\x81\xd9\x8a\xd9\x82 \xd8\xa7\xd9\x84"
	        "\xd8\xad\xd8\xb1\xd9\x8a\xd8\xb1\xd9\x8a\n"
	        "person\tDante Alighieri\t-\t"
	        "\xd8\xaf\xd8\xa7\xd9\x86\xd8\xaa\xd9\x8a \xd8\xa7"
	        "\xd9\x84\xd9\x8a\xd8\xba\xd9\x8a\xd9\x8a\xd8\xb1\xd9\x8a"
	        "|\xd8\xa7\xd9\x84\xd9\x8a\xd8\xba\xd9\x8a\xd9\x8a"
	        "\xd8\xb1\xd9\x8a\n";
	ar_speller *s = open_speller(0);
	ar_spell_findings *fs = NULL;
	const ar_finding *f;
	static const char *const cases[][2] = {
		{ "\xd8\xa8\xd9\x88\xd9\x86\xd9\x8a\xd9\x86",
		  "\xd8\xa8\xd9\x88\xd8\xaa\xd9\x8a\xd9\x86" },
		{ "\xd8\xa7\xd9\x84\xd8\xad\xd8\xb1\xd9\x8a"
		  "\xd9\x8a\xd8\xb1\xd9\x8a",
		  "\xd8\xa7\xd9\x84\xd8\xad\xd8\xb1\xd9\x8a"
		  "\xd8\xb1\xd9\x8a" }
	};
	size_t i;

	CU_ASSERT_FATAL(s != NULL);
	CU_ASSERT_FATAL(ar_speller_add_names(s, g, sizeof g - 1, "r.tsv",
	                                     NULL) == AR_OK);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CU_ASSERT(ar_spell_word(&fs, s, cases[i][0],
		                        strlen(cases[i][0])) == AR_OK);
		f = ar_spell_findings_get(fs, 0);
		CU_ASSERT_FATAL(f != NULL);
		/* both are one edit from a dictionary word (بنين): unknown
		 * words, whose first suggestion is still the name */
		CU_ASSERT(f->kind == AR_FINDING_UNKNOWN);
		CU_ASSERT(f->nsuggestions >= 1 &&
		          strcmp(f->suggestions[0], cases[i][1]) == 0);
		ar_spell_findings_free(fs);
	}
	ar_speller_free(s);
}

/* ---- buffers, positions, consistency ------------------------------------ */

static void test_buffer_positions(void)
{
	/* line 2, after 3 Arabic letters and a space */
	static const char text[] = "Telegram fine\n\xd9\x83\xd8\xaa\xd8\xa8 "
	                           "Telegerm here, Doroff too.\n";
	ar_spell_findings *fs = NULL;
	const ar_finding *f;
	ar_error err;

	CU_ASSERT_FATAL(ar_spell_buffer(&fs, sp, text, sizeof text - 1, &err) ==
	                AR_OK);
	CU_ASSERT_FATAL(ar_spell_findings_count(fs) == 2);
	f = ar_spell_findings_get(fs, 0);
	UNIT_ASSERT_BYTES(f->word, f->len, "Telegerm");
	CU_ASSERT(f->kind == AR_FINDING_NAME);
	CU_ASSERT(f->line == 2 && f->column == 5);
	CU_ASSERT(f->start == 21 && f->end == 29);
	f = ar_spell_findings_get(fs, 1);
	UNIT_ASSERT_BYTES(f->word, f->len, "Doroff");
	CU_ASSERT(f->line == 2 && f->column == 20);
	CU_ASSERT(strcmp(f->suggestions[0], "Durov") == 0);
	CU_ASSERT(ar_spell_findings_get(fs, 2) == NULL);
	ar_spell_findings_free(fs);
	/* a soft hyphen, an Arabic letter mark or a word joiner inside a
	 * word is invisible: مكتبة is checked whole, a slip in it is still
	 * found, with its whole span */
	{
		static const char inv[] =
		        "\xd9\x85\xd9\x83\xd8\xaa\xc2\xad"
		        "\xd8\xa8\xd8\xa9 "
		        "\xd9\x85\xd9\x83\xd8\xaa\xd8\x9c"
		        "\xd8\xa8\xd8\xa9 "
		        "\xd9\x85\xd9\x83\xd8\xaa\xe2\x81"
		        "\xa0\xd8\xa8\xd8\xa9 Telegerm\xc2\xad"
		        "s\n";
		CU_ASSERT_FATAL(ar_spell_buffer(&fs, sp, inv, sizeof inv - 1,
		                                &err) == AR_OK);
		CU_ASSERT_FATAL(ar_spell_findings_count(fs) == 1);
		f = ar_spell_findings_get(fs, 0);
		CU_ASSERT(f->start == 40 && f->end == 51);
		ar_spell_findings_free(fs);
	}
	/* invalid UTF-8 is an error with its offset */
	CU_ASSERT(ar_spell_buffer(&fs, sp, "ab \xff", 4, &err) == AR_EUTF8);
	CU_ASSERT(fs == NULL);
	CU_ASSERT(err.offset == 3 && err.line == 1);
}

static void test_consistency(void)
{
	static const char text[] =
	        "Gaddafi spoke. Gaddafi left.\n"
	        "Later Qaddafi came back, and Gaddafi stayed.\n";
	static const char tie[] = "Gaddafi and Qaddafi.\n";
	ar_spell_findings *fs = NULL;
	const ar_finding *f;

	CU_ASSERT_FATAL(ar_spell_buffer(&fs, sp, text, sizeof text - 1, NULL) ==
	                AR_OK);
	CU_ASSERT_FATAL(ar_spell_findings_count(fs) == 1);
	f = ar_spell_findings_get(fs, 0);
	CU_ASSERT(f->kind == AR_FINDING_INCONSISTENT);
	UNIT_ASSERT_BYTES(f->word, f->len, "Qaddafi");
	CU_ASSERT(f->line == 2 && f->column == 7);
	CU_ASSERT(f->nsuggestions == 1 &&
	          strcmp(f->suggestions[0], "Gaddafi") == 0);
	ar_spell_findings_free(fs);
	/* one each: no majority, nothing to say */
	CU_ASSERT_FATAL(ar_spell_buffer(&fs, sp, tie, sizeof tie - 1, NULL) ==
	                AR_OK);
	CU_ASSERT(ar_spell_findings_count(fs) == 0);
	ar_spell_findings_free(fs);
}

/* ---- streaming -------------------------------------------------------- */

typedef struct rec {
	char text[4096];
	size_t n;
} rec;

static int record(const ar_finding *f, void *payload)
{
	rec *r = payload;
	int k = snprintf(r->text + r->n, sizeof r->text - r->n,
	                 "%d %.*s %llu %llu %llu %s\n", (int)f->kind,
	                 (int)f->len, f->word, (unsigned long long)f->start,
	                 (unsigned long long)f->line,
	                 (unsigned long long)f->column,
	                 f->nsuggestions ? f->suggestions[0] : "-");
	if (k > 0 && (size_t)k < sizeof r->text - r->n)
		r->n += (size_t)k;
	return 0;
}

static int stop_at_first(const ar_finding *f, void *payload)
{
	(void)f;
	(void)payload;
	return 1;
}

static void test_chunks(void)
{
	static const char text[] =
	        "\xd9\x88\xd9\x82\xd8\xa7\xd9\x84 " WA AMAZON_AR " Telgram, "
	        "\xd8\xaa\xd9\x8a\xd9\x84\xd9\x8a\xd8\xac\xd8\xb1\xd9\x85 "
	        "Gaddafi Gaddafi Qaddafi "
	        "Durov\n\xd8\xaf\xd9\x88\xd8\xb1\xd9\x88"
	        "\xd9\x88\xd9\x81 Zukerberg";
	static const size_t sizes[] = { 1, 2, 3, 7, 4096 };
	rec whole, part;
	size_t k, i;

	memset(&whole, 0, sizeof whole);
	CU_ASSERT_FATAL(ar_spell_feed(sp, text, sizeof text - 1, record, &whole,
	                              NULL) == AR_OK);
	CU_ASSERT_FATAL(ar_spell_finish(sp, record, &whole, NULL) == AR_OK);
	CU_ASSERT(strstr(whole.text, "Telgram") != NULL);
	CU_ASSERT(strstr(whole.text, "Zukerberg") != NULL);
	CU_ASSERT(strstr(whole.text, "2 Qaddafi") != NULL);
	for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		memset(&part, 0, sizeof part);
		for (i = 0; i < sizeof text - 1; i += sizes[k]) {
			size_t n = sizeof text - 1 - i;
			if (n > sizes[k])
				n = sizes[k];
			CU_ASSERT_FATAL(ar_spell_feed(sp, text + i, n, record,
			                              &part, NULL) == AR_OK);
		}
		CU_ASSERT_FATAL(ar_spell_finish(sp, record, &part, NULL) ==
		                AR_OK);
		CU_ASSERT(strcmp(whole.text, part.text) == 0);
	}
	/* a sink that stops */
	{
		ar_status st = ar_spell_feed(sp, "Telgram ", 8, stop_at_first,
		                             NULL, NULL);
		if (st == AR_OK)
			st = ar_spell_finish(sp, stop_at_first, NULL, NULL);
		CU_ASSERT(st == AR_EUSER);
		ar_spell_reset(sp);
	}
}

/* ---- the decision: flagged or not, and as what -------------------------- */

/* Made-up words for these tests, in UTF-8 */
#define FROBOZZ_AR "\xd9\x81\xd8\xb1\xd9\x88\xd8\xa8\xd9\x88\xd8\xb2\xd9\x83"
#define CARTAGENOVA                                                            \
	"\xd9\x82\xd8\xb1\xd8\xb7\xd8\xa7\xd8\xac\xd9\x86\xd9\x88"             \
	"\xd9\x81\xd9\x8a\xd8\xa7"
#define CARTAGENOF /* قرطاجنوف */                                      \
	"\xd9\x82\xd8\xb1\xd8\xb7\xd8\xa7\xd8\xac\xd9\x86\xd9\x88"             \
	"\xd9\x81"
#define MANDRINOVA                                                             \
	"\xd9\x85\xd8\xa7\xd9\x86\xd8\xaf\xd8\xb1\xd9\x8a\xd9\x86"             \
	"\xd9\x88\xd9\x81\xd8\xa7"

/* The kind of the only finding on word w of speller s (-1: accepted),
 * its first suggestion in *first (a static buffer, "" when none). */
static int kind_of(ar_speller *s, const char *w, const char **first)
{
	static char out[256];
	ar_spell_findings *fs = NULL;
	const ar_finding *f;
	int k = -1;

	out[0] = '\0';
	CU_ASSERT_FATAL(ar_spell_word(&fs, s, w, strlen(w)) == AR_OK);
	f = ar_spell_findings_get(fs, 0);
	if (f) {
		k = (int)f->kind;
		if (f->nsuggestions)
			snprintf(out, sizeof out, "%s", f->suggestions[0]);
	}
	ar_spell_findings_free(fs);
	if (first)
		*first = out;
	return k;
}

/* A speller with the built-in word lists (gazetteer, attested words,
 * known errors), as applications get it. */
static ar_speller *open_builtin(unsigned flags)
{
	ar_spell_options o = AR_SPELL_OPTIONS_INIT;
	ar_speller *s = NULL;
	o.flags = flags;
	if (ar_speller_new(&s, &o, NULL) != AR_OK)
		return NULL;
	return s;
}

/* A name typo, an unknown name, an ordinary typo: the kind says which. */
static void test_decide_names(void)
{
	static const char g[] = "company\tFrobozz\t-\t" FROBOZZ_AR "\n";
	ar_speller *s = open_speller(0), *b = open_builtin(0);
	const char *first;

	CU_ASSERT_FATAL(s != NULL && b != NULL);
	CU_ASSERT_FATAL(ar_speller_add_names(s, g, sizeof g - 1, "d.tsv",
	                                     NULL) == AR_OK);
	/* فروبوزق: one edit from a name of the caller's gazetteer, from no
	 * dictionary word: a misspelled name */
	CU_ASSERT_EQUAL(kind_of(s,
	                        "\xd9\x81\xd8\xb1\xd9\x88\xd8\xa8\xd9\x88"
	                        "\xd8\xb2\xd9\x82",
	                        &first),
	                AR_FINDING_NAME);
	CU_ASSERT_STRING_EQUAL(first, FROBOZZ_AR);
	/* فربوزك: as close to a dictionary word as to the name: unknown,
	 * the name still suggested first */
	CU_ASSERT_EQUAL(kind_of(s,
	                        "\xd9\x81\xd8\xb1\xd8\xa8\xd9\x88\xd8\xb2"
	                        "\xd9\x83",
	                        &first),
	                AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first, FROBOZZ_AR);
	/* a made-up name far from every known name is not the typo of some
	 * name: it reads like a word, so it is left alone
	 * (test_decide_plausible), or with AR_SPELL_ALL_UNKNOWN an unknown
	 * word */
	CU_ASSERT_EQUAL(kind_of(b, MANDRINOVA, NULL), -1);
	CU_ASSERT_EQUAL(kind_of(sp, MANDRINOVA, NULL), AR_FINDING_UNKNOWN);
	/* lower-case Latin: the English word one edit away wins over the
	 * names (Recife, Intel) */
	CU_ASSERT_EQUAL(kind_of(b, "recieve", &first), AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first, "receive");
	CU_ASSERT_EQUAL(kind_of(b, "untill", &first), AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first, "until");
	/* a capitalised name typo stays one */
	CU_ASSERT_EQUAL(kind_of(b, "Spotfy", &first), AR_FINDING_NAME);
	CU_ASSERT_STRING_EQUAL(first, "Spotify");
	/* but not when its best name is farther than one edit and sounds
	 * different, while an English word is one edit away (Conte, Acton) */
	CU_ASSERT_EQUAL(kind_of(b, "Cabnet", &first), AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first, "Cabinet");
	CU_ASSERT_EQUAL(kind_of(b, "Electon", &first), AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first, "Election");
	ar_speller_free(s);
	ar_speller_free(b);
}

/* Known errors: accepted by the dictionary, reported with the fix. */
static void test_decide_known_errors(void)
{
	ar_speller *b = open_builtin(0), *s = open_speller(0);
	const char *first;

	CU_ASSERT_FATAL(b != NULL && s != NULL);
	/* ذالك -> ذلك */
	CU_ASSERT_EQUAL(kind_of(b, "\xd8\xb0\xd8\xa7\xd9\x84\xd9\x83", &first),
	                AR_FINDING_KNOWN_ERROR);
	CU_ASSERT_STRING_EQUAL(first, "\xd8\xb0\xd9\x84\xd9\x83");
	/* وحتي -> وحتى: behind a proclitic, which is kept */
	CU_ASSERT_EQUAL(kind_of(b, "\xd9\x88\xd8\xad\xd8\xaa\xd9\x8a", &first),
	                AR_FINDING_KNOWN_ERROR);
	CU_ASSERT_STRING_EQUAL(first, "\xd9\x88\xd8\xad\xd8\xaa\xd9\x89");
	/* but not behind proclitics that the correction does not take:
	 * بحتا (purely) is not ب + حتا, there is no بحتى */
	CU_ASSERT_EQUAL(kind_of(b, "بحتا", NULL), -1);
	/* behind a preposition the fix takes: بشئ -> بشيء */
	CU_ASSERT_EQUAL(kind_of(b, "بشئ", &first), AR_FINDING_KNOWN_ERROR);
	CU_ASSERT_STRING_EQUAL(first, "بشيء");
	/* the right spelling passes */
	CU_ASSERT_EQUAL(kind_of(b, "\xd8\xb0\xd9\x84\xd9\x83", NULL), -1);
	/* without the built-in lists, the dictionary's verdict stands */
	CU_ASSERT_EQUAL(kind_of(s, "\xd8\xb0\xd8\xa7\xd9\x84\xd9\x83", NULL),
	                -1);
	CU_ASSERT_STRING_EQUAL(ar_finding_kind_name(AR_FINDING_KNOWN_ERROR),
	                       "known-error");
	ar_speller_free(b);
	ar_speller_free(s);
}

/* House styles: accepted with their option only, typos still caught. */
static void test_decide_house_styles(void)
{
	static const char wa_alanat[] = /* واعلنت */
	        "\xd9\x88\xd8\xa7\xd8\xb9\xd9\x84\xd9\x86\xd8\xaa";
	static const char typo[] = /* اعلتت: no hamza makes it a word */
	        "\xd8\xa7\xd8\xb9\xd9\x84\xd8\xaa\xd8\xaa";
	static const char masri[] = /* المصرى */
	        "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb5\xd8\xb1\xd9\x89";
	ar_speller *strict = open_speller(0);
	ar_speller *hamza = open_speller(AR_SPELL_HAMZA_FREE);
	ar_speller *ya = open_speller(AR_SPELL_FINAL_YA);

	CU_ASSERT_FATAL(strict && hamza && ya);
	CU_ASSERT_EQUAL(kind_of(strict, wa_alanat, NULL), AR_FINDING_UNKNOWN);
	CU_ASSERT_EQUAL(kind_of(hamza, wa_alanat, NULL), -1);
	CU_ASSERT_EQUAL(kind_of(ya, wa_alanat, NULL), AR_FINDING_UNKNOWN);
	CU_ASSERT_EQUAL(kind_of(hamza, typo, NULL), AR_FINDING_UNKNOWN);
	CU_ASSERT_EQUAL(kind_of(strict, masri, NULL), AR_FINDING_UNKNOWN);
	CU_ASSERT_EQUAL(kind_of(ya, masri, NULL), -1);
	CU_ASSERT_EQUAL(kind_of(hamza, masri, NULL), AR_FINDING_UNKNOWN);
	ar_speller_free(strict);
	ar_speller_free(hamza);
	ar_speller_free(ya);
}

/* Inner words of a multi-word name: a common word without its hamza is
 * not accepted through the name; a name's own word is. */
static void test_decide_inner_words(void)
{
	static const char g[] = /* سي ان ان */
	        "company\tCNN\t-\t\xd8\xb3\xd9\x8a \xd8\xa7\xd9\x86 "
	        "\xd8\xa7\xd9\x86\n";
	ar_speller *s = open_speller(0);
	const char *first;

	CU_ASSERT_FATAL(s != NULL);
	CU_ASSERT_FATAL(ar_speller_add_names(s, g, sizeof g - 1, "i.tsv",
	                                     NULL) == AR_OK);
	/* ان alone: أن without its hamza */
	CU_ASSERT_EQUAL(kind_of(s, "\xd8\xa7\xd9\x86", &first),
	                AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first, "\xd8\xa3\xd9\x86");
	/* بافل of بافل دوروف, a first name, stays accepted */
	CU_ASSERT_EQUAL(kind_of(s, "\xd8\xa8\xd8\xa7\xd9\x81\xd9\x84", NULL),
	                -1);
	ar_speller_free(s);
}

/* The count of findings of kind k in text t. */
static size_t count_kind(ar_speller *s, const char *t, int k)
{
	ar_spell_findings *fs = NULL;
	size_t i, n = 0;
	CU_ASSERT_FATAL(ar_spell_buffer(&fs, s, t, strlen(t), NULL) == AR_OK);
	for (i = 0; i < ar_spell_findings_count(fs); i++)
		if ((int)ar_spell_findings_get(fs, i)->kind == k)
			n++;
	ar_spell_findings_free(fs);
	return n;
}

/* An unknown word whose score is just over the line, one that reads
 * almost like a name, is not reported beside a word no dictionary has
 * (names come in runs), before or after it; alone, or among dictionary
 * words, it is.  A word that reads like a slip is reported beside one
 * too. */
static void test_decide_beside_names(void)
{
#define SAID  "\xd9\x82\xd8\xa7\xd9\x84 " /* قال */
#define AFTER /* إن الاجتماع انتهى. */                          \
	" \xd8\xa5\xd9\x86 \xd8\xa7\xd9\x84\xd8"                               \
	"\xa7\xd8\xac\xd8\xaa\xd9\x85\xd8\xa7\xd8"                             \
	"\xb9 \xd8\xa7\xd9\x86\xd8\xaa\xd9\x87\xd9\x89."
#define NAME /* ماريندولا, a made-up name that reads like one */      \
	"\xd9\x85\xd8\xa7\xd8\xb1\xd9\x8a\xd9\x86"                             \
	"\xd8\xaf\xd9\x88\xd9\x84\xd8\xa7"
#define NEAR /* بيلدورف, a made-up name just over the line */           \
	"\xd8\xa8\xd9\x8a\xd9\x84\xd8\xaf\xd9\x88\xd8\xb1\xd9\x81"
#define HAMZALESS /* اشكالح */                                           \
	"\xd8\xa7\xd8\xb4\xd9\x83\xd8\xa7\xd9\x84\xd8\xad"
#define SLIP /* بودلاثكي: ث for the س of the attested بودلاسكي */ \
	"\xd8\xa8\xd9\x88\xd8\xaf\xd9\x84\xd8\xa7\xd8\xab\xd9\x83\xd9\x8a"
	ar_speller *b = open_builtin(0);

	CU_ASSERT_FATAL(b != NULL);
	CU_ASSERT_EQUAL(kind_of(b, NEAR, NULL), AR_FINDING_UNKNOWN);
	CU_ASSERT_EQUAL(count_kind(b, SAID NEAR AFTER, AR_FINDING_UNKNOWN), 1);
	CU_ASSERT_EQUAL(
	        count_kind(b, SAID NAME " " NEAR AFTER, AR_FINDING_UNKNOWN), 0);
	CU_ASSERT_EQUAL(
	        count_kind(b, SAID NEAR " " NAME AFTER, AR_FINDING_UNKNOWN), 0);
	/* the word after it comes in a later chunk of the stream */
	{
		static const char one[] = SAID NEAR " ", two[] = NAME AFTER;
		rec r;
		memset(&r, 0, sizeof r);
		CU_ASSERT_FATAL(ar_spell_feed(b, one, sizeof one - 1, record,
		                              &r, NULL) == AR_OK);
		CU_ASSERT_FATAL(ar_spell_feed(b, two, sizeof two - 1, record,
		                              &r, NULL) == AR_OK);
		CU_ASSERT_FATAL(ar_spell_finish(b, record, &r, NULL) == AR_OK);
		CU_ASSERT_EQUAL(r.n, 0);
	}
	CU_ASSERT_EQUAL(
	        count_kind(b, SAID NAME " " SLIP AFTER, AR_FINDING_UNKNOWN), 1);
	/* so is a slip of a word that a text without hamza writes bare
	 * (HAMZALESS: ح for the ه of اشكاله, for أشكاله), which the corpus
	 * counts only with its hamza: that spelling is the word one likely
	 * slip away */
	CU_ASSERT_EQUAL(count_kind(b, SAID NAME " " HAMZALESS AFTER,
	                           AR_FINDING_UNKNOWN),
	                1);
	ar_speller_free(b);
#undef SAID
#undef AFTER
#undef NAME
#undef NEAR
#undef SLIP
#undef HAMZALESS
}

/* A name whose first long a is written آ where the lists have أ (or a
 * bare alef) is the same name: accepted, behind a proclitic too.  A
 * dictionary word written so is not (آثاث is أثاث misspelled), nor is
 * a slip of the name written so. */
static void test_decide_madda(void)
{
	static const char g[] = /* أومبريلاندو, a made-up name */
	        "person\tOmbrelando\t-\t"
	        "\xd8\xa3\xd9\x88\xd9\x85\xd8\xa8\xd8\xb1\xd9\x8a"
	        "\xd9\x84\xd8\xa7\xd9\x86\xd8\xaf\xd9\x88\n";
	ar_speller *b = open_builtin(0);
	const char *first;

	CU_ASSERT_FATAL(b != NULL);
	CU_ASSERT_FATAL(ar_speller_add_names(b, g, sizeof g - 1, "m.tsv",
	                                     NULL) == AR_OK);
	/* آومبريلاندو, وآومبريلاندو */
	CU_ASSERT_EQUAL(kind_of(b,
	                        "\xd8\xa2\xd9\x88\xd9\x85\xd8\xa8\xd8\xb1"
	                        "\xd9\x8a\xd9\x84\xd8\xa7\xd9\x86\xd8\xaf"
	                        "\xd9\x88",
	                        NULL),
	                -1);
	CU_ASSERT_EQUAL(kind_of(b,
	                        "\xd9\x88\xd8\xa2\xd9\x88\xd9\x85\xd8\xa8"
	                        "\xd8\xb1\xd9\x8a\xd9\x84\xd8\xa7\xd9\x86"
	                        "\xd8\xaf\xd9\x88",
	                        NULL),
	                -1);
	/* آومبريلاندا: a slip of it */
	CU_ASSERT_NOT_EQUAL(kind_of(b,
	                            "\xd8\xa2\xd9\x88\xd9\x85\xd8\xa8\xd8"
	                            "\xb1\xd9\x8a\xd9\x84\xd8\xa7\xd9\x86"
	                            "\xd8\xaf\xd8\xa7",
	                            NULL),
	                    -1);
	/* آثاث */
	CU_ASSERT_EQUAL(kind_of(b, "\xd8\xa2\xd8\xab\xd8\xa7\xd8\xab", &first),
	                AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first, "\xd8\xa3\xd8\xab\xd8\xa7\xd8\xab");
	ar_speller_free(b);
}

/* An unknown word that reads like a word, and not like a slip of a
 * listed one, is a name or a term no list has: not reported by default.
 * A consonant written twice, two words run together (one of them common,
 * or the second with the article), a likely slip of a common word or of a
 * name of the gazetteer still are;
 * AR_SPELL_ALL_UNKNOWN reports them all, and AR_SPELL_NO_SUGGEST (arspell
 * -l) makes no such test. */
static void test_decide_plausible(void)
{
	/* ماريندولا, a made-up name */
	static const char name[] = "\xd9\x85\xd8\xa7\xd8\xb1\xd9\x8a\xd9\x86"
	                           "\xd8\xaf\xd9\x88\xd9\x84\xd8\xa7";
	ar_speller *b = open_builtin(0),
	           *all = open_builtin(AR_SPELL_ALL_UNKNOWN),
	           *list = open_builtin(AR_SPELL_NO_SUGGEST);
	const char *first;

	CU_ASSERT_FATAL(b != NULL && all != NULL && list != NULL);
	CU_ASSERT_EQUAL(kind_of(b, name, NULL), -1);
	CU_ASSERT_EQUAL(kind_of(all, name, NULL), AR_FINDING_UNKNOWN);
	CU_ASSERT_EQUAL(kind_of(list, name, NULL), AR_FINDING_UNKNOWN);
	/* بريستوفيللد: ل twice */
	CU_ASSERT_EQUAL(
	        kind_of(b,
	                "\xd8\xa8\xd8\xb1\xd9\x8a\xd8\xb3\xd8\xaa\xd9\x88"
	                "\xd9\x81\xd9\x8a\xd9\x84\xd9\x84\xd8\xaf",
	                NULL),
	        AR_FINDING_UNKNOWN);
	/* الرئيسالجديد: الرئيس الجديد without its space */
	CU_ASSERT_EQUAL(
	        kind_of(b,
	                "\xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3"
	                "\xd8\xa7\xd9\x84\xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf",
	                &first),
	        AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first,
	                       "\xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a"
	                       "\xd8\xb3 \xd8\xa7\xd9\x84\xd8\xac\xd8\xaf"
	                       "\xd9\x8a\xd8\xaf");
	/* ذهبإلى: ذهب إلى, a common word, without the space */
	CU_ASSERT_EQUAL(kind_of(b,
	                        "\xd8\xb0\xd9\x87\xd8\xa8\xd8\xa5\xd9\x84"
	                        "\xd9\x89",
	                        &first),
	                AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first, "\xd8\xb0\xd9\x87\xd8\xa8 \xd8\xa5"
	                              "\xd9\x84\xd9\x89");
	/* مارستون falls into مار and ستون, two words the corpus has a few
	 * times: a name, as the letters read, not two words run together */
	CU_ASSERT_EQUAL(kind_of(b,
	                        "\xd9\x85\xd8\xa7\xd8\xb1\xd8\xb3\xd8\xaa"
	                        "\xd9\x88\xd9\x86",
	                        NULL),
	                -1);
	/* but ماركون, مار + كون, is a likely slip of the gazetteer's ماكرون,
	 * which reads like a word only as the two run together */
	CU_ASSERT_EQUAL(kind_of(b,
	                        "\xd9\x85\xd8\xa7\xd8\xb1\xd9\x83\xd9\x88"
	                        "\xd9\x86",
	                        &first),
	                AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first, "\xd9\x85\xd8\xa7\xd9\x83\xd8\xb1"
	                              "\xd9\x88\xd9\x86");
	/* الاقتصادبة: الاقتصادية with ب for ي */
	CU_ASSERT_EQUAL(
	        kind_of(b,
	                "\xd8\xa7\xd9\x84\xd8\xa7\xd9\x82\xd8\xaa\xd8\xb5"
	                "\xd8\xa7\xd8\xaf\xd8\xa8\xd8\xa9",
	                &first),
	        AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first,
	                       "\xd8\xa7\xd9\x84\xd8\xa7\xd9\x82\xd8\xaa"
	                       "\xd8\xb5\xd8\xa7\xd8\xaf\xd9\x8a\xd8\xa9");
	/* بوديلاسكي: the attested بودلاسكي (a CLDR province) with a long
	 * vowel more, which no slip of typing puts there: another
	 * spelling of the name */
	CU_ASSERT_EQUAL(
	        kind_of(b,
	                "\xd8\xa8\xd9\x88\xd8\xaf\xd9\x8a\xd9\x84\xd8\xa7"
	                "\xd8\xb3\xd9\x83\xd9\x8a",
	                NULL),
	        -1);
	/* بودلاثكي: the same with ث for س (other dots), a slip */
	CU_ASSERT_EQUAL(
	        kind_of(b,
	                "\xd8\xa8\xd9\x88\xd8\xaf\xd9\x84\xd8\xa7\xd8\xab"
	                "\xd9\x83\xd9\x8a",
	                &first),
	        AR_FINDING_UNKNOWN);
	/* غافيلو: one likely slip from a word the corpus has once and
	 * from a name of the place lists, and no edit makes it read much
	 * better: another transliteration, not a slip (the rule before
	 * the weighed score reported it) */
	CU_ASSERT_EQUAL(kind_of(b,
	                        "\xd8\xba\xd8\xa7\xd9\x81\xd9\x8a\xd9\x84"
	                        "\xd9\x88",
	                        NULL),
	                -1);
	/* a likely slip of a name of the gazetteer is reported unless it
	 * reads far more like a word than like a slip: بشايكوفسكي, ب for
	 * the ت of تشايكوفسكي, is; دافير, ر for the ز of دافيز, is not */
	CU_ASSERT_EQUAL(kind_of(b,
	                        "\xd8\xa8\xd8\xb4\xd8\xa7\xd9\x8a\xd9\x83"
	                        "\xd9\x88\xd9\x81\xd8\xb3\xd9\x83\xd9\x8a",
	                        &first),
	                AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first,
	                       "\xd8\xaa\xd8\xb4\xd8\xa7\xd9\x8a\xd9\x83"
	                       "\xd9\x88\xd9\x81\xd8\xb3\xd9\x83\xd9\x8a");
	CU_ASSERT_EQUAL(
	        kind_of(b, "\xd8\xaf\xd8\xa7\xd9\x81\xd9\x8a\xd8\xb1", NULL),
	        -1);
	CU_ASSERT_EQUAL(kind_of(all, "\xd8\xaf\xd8\xa7\xd9\x81\xd9\x8a\xd8\xb1",
	                        &first),
	                AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first, "\xd8\xaf\xd8\xa7\xd9\x81\xd9\x8a"
	                              "\xd8\xb2");
	ar_speller_free(b);
	ar_speller_free(all);
	ar_speller_free(list);
}

/* A typist seldom leaves out a word's first letter (nor strikes a stray
 * key before it): بيروس is بيزوس with ر for ز (other dots), not إبيروس
 * (Epirus) with its first letter left out. */
static void test_rank_first_letter(void)
{
	ar_speller *b = open_builtin(0);
	const char *first;

	CU_ASSERT_FATAL(b != NULL);
	CU_ASSERT_EQUAL(
	        kind_of(b, "\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xb3", &first),
	        AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first,
	                       "\xd8\xa8\xd9\x8a\xd8\xb2\xd9\x88\xd8\xb3");
	ar_speller_free(b);
}

/* A word typed with Persian or Urdu letters that look like Arabic ones
 * (ی for ي, ک for ك, ە for ه: arnorm --persian's letters) is reported
 * when the Arabic
 * letters make a word, and gets that word first. */
static void test_rank_look_alike(void)
{
	static const struct {
		const char *typed, *first;
	} cases[] = {
		/* یقول */
		{ "\xdb\x8c\xd9\x82\xd9\x88\xd9\x84",
		  "\xd9\x8a\xd9\x82\xd9\x88\xd9\x84" },
		/* ویکتب: two of them, behind و */
		{ "\xd9\x88\xdb\x8c\xda\xa9\xd8\xaa\xd8\xa8",
		  "\xd9\x88\xd9\x8a\xd9\x83\xd8\xaa\xd8\xa8" },
		/* کتاب: the word store folds ک to find names, but a
		 * dictionary word written so is still reported */
		{ "\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8",
		  "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8" },
		/* مدرسە: ە for the ه, whose slip of the end gives ة */
		{ "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xdb\x95",
		  "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9" },
	};
	const char *first;
	ar_speller *b = open_builtin(0);
	size_t i;

	CU_ASSERT_FATAL(b != NULL);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CU_ASSERT_EQUAL(kind_of(b, cases[i].typed, &first),
		                AR_FINDING_UNKNOWN);
		CU_ASSERT_STRING_EQUAL(first, cases[i].first);
	}
	ar_speller_free(b);
}

/* A slip of a spelling the speller accepts for a name (ج for the g of
 * أورتيغا) is undone to that spelling, not to the gazetteer's. */
static void test_rank_name_variant(void)
{
	const char *first;
	ar_speller *b = open_builtin(0);

	CU_ASSERT_FATAL(b != NULL);
	/* أورتيجا is accepted */
	CU_ASSERT_EQUAL(kind_of(b,
	                        "\xd8\xa3\xd9\x88\xd8\xb1\xd8\xaa\xd9\x8a\xd8"
	                        "\xac\xd8\xa7",
	                        NULL),
	                -1);
	/* أوررتيجا: ر doubled */
	CU_ASSERT_NOT_EQUAL(kind_of(b,
	                            "\xd8\xa3\xd9\x88\xd8\xb1\xd8\xb1\xd8\xaa"
	                            "\xd9\x8a\xd8\xac\xd8\xa7",
	                            &first),
	                    -1);
	CU_ASSERT_STRING_EQUAL(
	        first,
	        "\xd8\xa3\xd9\x88\xd8\xb1\xd8\xaa\xd9\x8a\xd8\xac\xd8\xa7");
	/* الل: الله, a word one slip away that the matcher also offers as
	 * a name (of حزب الله), keeps its weight, and its count puts it
	 * before الا */
	CU_ASSERT_NOT_EQUAL(kind_of(b, "\xd8\xa7\xd9\x84\xd9\x84", &first), -1);
	CU_ASSERT_STRING_EQUAL(first, "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87");
	ar_speller_free(b);
}

/* A town's name of the bulk list (dict/attested-ar.tsv, evidence "p") is
 * a word the speller accepts, after proclitics too, and a fix without a
 * count: a slip of it is reported, and a counted word as close comes
 * first (كيلين before كيليس). */
static void test_decide_town_names(void)
{
	const char *first;
	ar_speller *b = open_builtin(0);

	CU_ASSERT_FATAL(b != NULL);
	/* كيليس (Kilis), and بكيليس */
	CU_ASSERT_EQUAL(
	        kind_of(b, "\xd9\x83\xd9\x8a\xd9\x84\xd9\x8a\xd8\xb3", NULL),
	        -1);
	CU_ASSERT_EQUAL(kind_of(b,
	                        "\xd8\xa8\xd9\x83\xd9\x8a\xd9\x84\xd9\x8a"
	                        "\xd8\xb3",
	                        NULL),
	                -1);
	/* كيليث: ث for its س (other dots) */
	CU_ASSERT_EQUAL(
	        kind_of(b, "\xd9\x83\xd9\x8a\xd9\x84\xd9\x8a\xd8\xab", &first),
	        AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_NOT_EQUAL(first,
	                           "\xd9\x83\xd9\x8a\xd9\x84\xd9\x8a\xd8\xb3");
	ar_speller_free(b);
}

/* An Arabic word with a hyphen inside is right when each part is, and a
 * slip in one part is undone in that part, the hyphen kept. */
static void test_decide_hyphen(void)
{
	/* رولز-رويس, رولز-رويص, رولت-رويص */
	static const char ok[] = "\xd8\xb1\xd9\x88\xd9\x84\xd8\xb2\x2d\xd8"
	                         "\xb1\xd9\x88\xd9\x8a\xd8\xb3";
	static const char slip[] = "\xd8\xb1\xd9\x88\xd9\x84\xd8\xb2\x2d\xd8"
	                           "\xb1\xd9\x88\xd9\x8a\xd8\xb5";
	static const char two[] = "\xd8\xb1\xd9\x88\xd9\x84\xd8\xaa\x2d\xd8"
	                          "\xb1\xd9\x88\xd9\x8a\xd8\xb5";
	const char *first;
	ar_speller *b = open_builtin(0);

	CU_ASSERT_FATAL(b != NULL);
	CU_ASSERT_EQUAL(kind_of(b, ok, NULL), -1);
	CU_ASSERT_EQUAL(kind_of(b, slip, &first), AR_FINDING_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(first, ok);
	/* two parts wrong: reported, the word ranked whole */
	CU_ASSERT_EQUAL(kind_of(b, two, NULL), AR_FINDING_UNKNOWN);
	ar_speller_free(b);
}

/* A verdict does not depend on the words met before: و before a word
 * that is right by its own و (والذي) is a slip, met first or not. */
static void test_decide_order(void)
{
	/* ووالذي, then والذي ووالذي */
	CU_ASSERT_EQUAL(
	        count_kind(sp,
	                   "\xd9\x88\xd9\x88\xd8\xa7\xd9\x84\xd8\xb0\xd9\x8a",
	                   AR_FINDING_UNKNOWN),
	        1);
	CU_ASSERT_EQUAL(
	        count_kind(sp,
	                   "\xd9\x88\xd8\xa7\xd9\x84\xd8\xb0\xd9\x8a "
	                   "\xd9\x88\xd9\x88\xd8\xa7\xd9\x84\xd8\xb0\xd9\x8a",
	                   AR_FINDING_UNKNOWN),
	        1);
	/* a fresh speller, the right word first */
	{
		ar_speller *b = open_builtin(0);
		CU_ASSERT_FATAL(b != NULL);
		CU_ASSERT_EQUAL(
		        count_kind(b,
		                   "\xd9\x88\xd8\xa7\xd9\x84\xd8\xb0\xd9\x8a "
		                   "\xd9\x88\xd9\x88\xd8\xa7\xd9\x84\xd8\xb0"
		                   "\xd9\x8a",
		                   AR_FINDING_UNKNOWN),
		        1);
		/* و before a word whose و is its own letter: right */
		CU_ASSERT_EQUAL(
		        count_kind(b,
		                   "\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1 "
		                   "\xd9\x88\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1",
		                   AR_FINDING_UNKNOWN),
		        0);
		ar_speller_free(b);
	}
}

/* An unknown word the text uses twice (also behind proclitics, or with
 * the ending of an adjective made from it), or a word the text uses and
 * accepts with other proclitics, is meant; used once it is reported. */
static void test_decide_repeated(void)
{
	ar_spell_findings *fs = NULL;

	CU_ASSERT_EQUAL(count_kind(sp, CARTAGENOVA " " MANDRINOVA " w",
	                           AR_FINDING_UNKNOWN),
	                2);
	CU_ASSERT_EQUAL(count_kind(sp,
	                           CARTAGENOVA
	                           " \xd9\x88\xd8\xa7\xd9\x84" CARTAGENOVA
	                           " " MANDRINOVA,
	                           AR_FINDING_UNKNOWN),
	                1);
	/* a name and an adjective made from it (قرطاجنوف, القرطاجنوفية,
	 * والقرطاجنوفيين) are one word used twice */
	CU_ASSERT_EQUAL(count_kind(sp, CARTAGENOF " " MANDRINOVA " w",
	                           AR_FINDING_UNKNOWN),
	                2);
	CU_ASSERT_EQUAL(count_kind(sp,
	                           CARTAGENOF " " MANDRINOVA
	                                      " \xd8\xa7\xd9\x84" CARTAGENOF
	                                      "\xd9\x8a\xd8\xa9",
	                           AR_FINDING_UNKNOWN),
	                1);
	CU_ASSERT_EQUAL(count_kind(sp,
	                           "\xd9\x88\xd8\xa7\xd9\x84" CARTAGENOF
	                           "\xd9\x8a\xd9\x8a\xd9\x86 " MANDRINOVA
	                           " " CARTAGENOF,
	                           AR_FINDING_UNKNOWN),
	                1);
	/* not a word whose stem only starts the same (قرطاجنوفس) */
	CU_ASSERT_EQUAL(count_kind(sp, CARTAGENOF " " CARTAGENOF "\xd8\xb3",
	                           AR_FINDING_UNKNOWN),
	                2);
	/* a word the text uses and the speller accepts is meant by the same
	 * stem with other proclitics: سيانيد, which the lists have only as
	 * السيانيد, beside السيانيد */
	{
#define SIANID "\xd8\xb3\xd9\x8a\xd8\xa7\xd9\x86\xd9\x8a\xd8\xaf"
		ar_speller *b = open_builtin(0);
		CU_ASSERT_FATAL(b != NULL);
		CU_ASSERT_EQUAL(count_kind(b,
		                           "\xd9\x82\xd8\xa7\xd9\x84 " SIANID,
		                           AR_FINDING_UNKNOWN),
		                1);
		/* (dictionary words between: a word beside one no dictionary
		 * has may go unreported for that) */
		CU_ASSERT_EQUAL(count_kind(b,
		                           "\xd8\xa7\xd9\x84" SIANID
		                           " \xd9\x82\xd8\xa7\xd9\x84 "
		                           "\xd8\xa5\xd9\x86 \xd9\x88" SIANID
		                           " \xd8\xa7\xd9\x86\xd8\xaa\xd9\x87"
		                           "\xd9\x89",
		                           AR_FINDING_UNKNOWN),
		                0);
		ar_speller_free(b);
#undef SIANID
	}
	/* but not by a stem behind a proclitic that is its own first letter
	 * typed twice: ككاستيلوني beside كاستيلوني, a made-up name that
	 * reads like one */
	{
		ar_speller *b = open_builtin(0);
		CU_ASSERT_FATAL(b != NULL);
		CU_ASSERT_EQUAL(
		        count_kind(b,
		                   "\xd9\x82\xd8\xa7\xd9\x84 \xd9\x83\xd8\xa7"
		                   "\xd8\xb3\xd8\xaa\xd9\x8a\xd9\x84\xd9\x88"
		                   "\xd9\x86\xd9\x8a \xd8\xa5\xd9\x86 \xd9\x83"
		                   "\xd9\x83\xd8\xa7\xd8\xb3\xd8\xaa\xd9\x8a"
		                   "\xd9\x84\xd9\x88\xd9\x86\xd9\x8a",
		                   AR_FINDING_UNKNOWN),
		        1);
		ar_speller_free(b);
	}
	/* the document is the buffer: the count starts again */
	CU_ASSERT_EQUAL(count_kind(sp, CARTAGENOVA, AR_FINDING_UNKNOWN), 1);
	/* and the one left is the word used once */
	CU_ASSERT(ar_spell_buffer(
	                  &fs, sp, CARTAGENOVA " " CARTAGENOVA " " MANDRINOVA,
	                  strlen(CARTAGENOVA " " CARTAGENOVA " " MANDRINOVA),
	                  NULL) == AR_OK);
	CU_ASSERT_FATAL(ar_spell_findings_count(fs) == 1);
	CU_ASSERT(ar_spell_findings_get(fs, 0)->len == strlen(MANDRINOVA));
	ar_spell_findings_free(fs);
}

/* زرغيلوف, a made-up name; its slip زرغلوق (two letters off) */
#define ZARGILOV "\xd8\xb2\xd8\xb1\xd8\xba\xd9\x8a\xd9\x84\xd9\x88\xd9\x81"
#define ZARGLOF  "\xd8\xb2\xd8\xb1\xd8\xba\xd9\x84\xd9\x88\xd9\x81"
#define ZARGLOQ  "\xd8\xb2\xd8\xb1\xd8\xba\xd9\x84\xd9\x88\xd9\x82"
#define AL       "\xd8\xa7\xd9\x84"
/* اسعار, اشعار: أسعار, أشعار without their hamza */
#define ASAAR_BARE  "\xd8\xa7\xd8\xb3\xd8\xb9\xd8\xa7\xd8\xb1"
#define ASHAAR_BARE "\xd8\xa7\xd8\xb4\xd8\xb9\xd8\xa7\xd8\xb1"
#define QALA        " \xd9\x82\xd8\xa7\xd9\x84 " /* قال */

/* In text t checked by s, the finding on word w: its first suggestion
 * ("" when none), in a static buffer, or NULL when w is not reported;
 * *n gets how often the first suggestion is in its list. */
static const char *first_in_text(ar_speller *s, const char *t, const char *w,
                                 size_t *n)
{
	static char out[256];
	ar_spell_findings *fs = NULL;
	const char *r = NULL;
	size_t i, k;

	CU_ASSERT_FATAL(ar_spell_buffer(&fs, s, t, strlen(t), NULL) == AR_OK);
	for (i = 0; i < ar_spell_findings_count(fs); i++) {
		const ar_finding *f = ar_spell_findings_get(fs, i);
		if (f->len != strlen(w) || memcmp(f->word, w, f->len) != 0)
			continue;
		snprintf(out, sizeof out, "%s",
		         f->nsuggestions ? f->suggestions[0] : "");
		r = out;
		CU_ASSERT(f->nsuggestions <= 5);
		for (k = 0, *n = 0; k < f->nsuggestions; k++)
			*n += strcmp(f->suggestions[k], out) == 0;
	}
	ar_spell_findings_free(fs);
	return r;
}

/* A word used once that misses by one slip a word the text repeats and
 * no list holds gets that word first, behind its own proclitics; not
 * when that word is used once too (unless its letters read clearly more
 * like a word), is two slips away, is another form of it (the feminine
 * ة), or is a dictionary word without its hamza; and a word checked
 * alone (the cache) gets no word of a document. */
static void test_decide_document_words(void)
{
	ar_speller *s = open_speller(AR_SPELL_ALL_UNKNOWN);
	const char *first;
	size_t n = 0;

	CU_ASSERT_FATAL(s != NULL);
	/* زرغيلوف three times, once وزرغلوف: ومايكل for وميكل */
	first = first_in_text(
	        s, ZARGILOV QALA ZARGILOV QALA WA ZARGILOV QALA WA ZARGLOF,
	        WA ZARGLOF, &n);
	CU_ASSERT_FATAL(first != NULL);
	CU_ASSERT_STRING_EQUAL(first, WA ZARGILOV);
	CU_ASSERT_EQUAL(n, 1);
	/* the same slip checked alone: its cached suggestions are the
	 * lists' */
	first = check(WA ZARGLOF, NULL);
	CU_ASSERT(first != NULL && strcmp(first, WA ZARGILOV) != 0);
	/* Latin too: a swap */
	first = first_in_text(s, "Quorvantis said, Quorvantis did; Qourvantis",
	                      "Qourvantis", &n);
	CU_ASSERT(first != NULL && strcmp(first, "Quorvantis") == 0);
	/* the name used once: both reported, neither suggested for the
	 * other, their letters reading alike (per letter: the shorter is
	 * not the likelier for it) */
	first = first_in_text(s, ZARGILOV QALA WA ZARGLOF, WA ZARGLOF, &n);
	CU_ASSERT(first != NULL && strcmp(first, WA ZARGILOV) != 0);
	first = first_in_text(s, ZARGILOV QALA WA ZARGLOF, ZARGILOV, &n);
	CU_ASSERT(first != NULL && strcmp(first, ZARGLOF) != 0);
	/* a made-up name used once, and once with a slip whose letters
	 * read much worse (فيرانديلو, فيرانضيلو): the slip gets the name,
	 * the name not the slip */
	first = first_in_text(s,
	                      "\xd9\x81\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86\xd8\xaf"
	                      "\xd9\x8a\xd9\x84\xd9\x88" QALA
	                      "\xd9\x81\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86\xd8\xb6"
	                      "\xd9\x8a\xd9\x84\xd9\x88",
	                      "\xd9\x81\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86\xd8\xb6"
	                      "\xd9\x8a\xd9\x84\xd9\x88",
	                      &n);
	CU_ASSERT(first != NULL &&
	          strcmp(first, "\xd9\x81\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86\xd8"
	                        "\xaf\xd9\x8a\xd9\x84\xd9\x88") == 0);
	first = first_in_text(s,
	                      "\xd9\x81\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86\xd8\xaf"
	                      "\xd9\x8a\xd9\x84\xd9\x88" QALA
	                      "\xd9\x81\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86\xd8\xb6"
	                      "\xd9\x8a\xd9\x84\xd9\x88",
	                      "\xd9\x81\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86\xd8\xaf"
	                      "\xd9\x8a\xd9\x84\xd9\x88",
	                      &n);
	CU_ASSERT(first != NULL &&
	          strcmp(first, "\xd9\x81\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86\xd8"
	                        "\xb6\xd9\x8a\xd9\x84\xd9\x88") != 0);
	/* two slips away */
	first = first_in_text(s, ZARGILOV QALA ZARGILOV QALA ZARGLOQ, ZARGLOQ,
	                      &n);
	CU_ASSERT(first != NULL && strcmp(first, ZARGILOV) != 0);
	/* الزرغيلوفي: the adjective, of which the text uses the feminine:
	 * one word used three times, neither reported nor "corrected" to
	 * the feminine */
	first = first_in_text(s,
	                      AL ZARGILOV "\xd9\x8a\xd8\xa9" QALA AL ZARGILOV
	                                  "\xd9\x8a\xd8\xa9" QALA AL ZARGILOV
	                                  "\xd9\x8a",
	                      AL ZARGILOV "\xd9\x8a", &n);
	CU_ASSERT(first == NULL);
	/* a text without hamzas: اشعار is أشعار, not the اسعار it
	 * repeats */
	first = first_in_text(
	        s, ASAAR_BARE QALA ASAAR_BARE QALA ASAAR_BARE QALA ASHAAR_BARE,
	        ASHAAR_BARE, &n);
	CU_ASSERT(first != NULL && strcmp(first, ASAAR_BARE) != 0);
	/* the slip far from every use of the name, in another article of
	 * a long text */
	{
		static const char head[] = ZARGILOV QALA ZARGILOV QALA ZARGILOV,
		                  fill[] = QALA, tail[] = WA ZARGLOF;
		size_t k, reps = 40000 / (sizeof fill - 1), at;
		char *t = malloc(sizeof head + reps * (sizeof fill - 1) +
		                 sizeof tail);
		CU_ASSERT_FATAL(t != NULL);
		memcpy(t, head, sizeof head - 1);
		at = sizeof head - 1;
		for (k = 0; k < reps; k++, at += sizeof fill - 1)
			memcpy(t + at, fill, sizeof fill - 1);
		memcpy(t + at, tail, sizeof tail);
		first = first_in_text(s, t, WA ZARGLOF, &n);
		CU_ASSERT(first != NULL && strcmp(first, WA ZARGILOV) != 0);
		free(t);
	}
	ar_speller_free(s);
}

/* A rare word the text uses is the likelier fix: تقديزه is تقديمه
 * (common) by default, تقديره (counted fewer than 20 times) where the
 * text writes تقديره; a common word the text uses wins nothing it would
 * not win anyway, and the word checked alone keeps the default. */
#define TAQDIRUH "\xd8\xaa\xd9\x82\xd8\xaf\xd9\x8a\xd8\xb1\xd9\x87"
#define TAQDIMUH "\xd8\xaa\xd9\x82\xd8\xaf\xd9\x8a\xd9\x85\xd9\x87"
#define TAQDIZUH "\xd8\xaa\xd9\x82\xd8\xaf\xd9\x8a\xd8\xb2\xd9\x87"
static void test_decide_rare_words(void)
{
	ar_speller *s = open_builtin(0);
	const char *first;
	size_t n = 0;

	CU_ASSERT_FATAL(s != NULL);
	first = first_in_text(s, TAQDIRUH QALA TAQDIZUH, TAQDIZUH, &n);
	CU_ASSERT(first != NULL && strcmp(first, TAQDIRUH) == 0);
	first = first_in_text(s, TAQDIZUH QALA TAQDIRUH, TAQDIZUH, &n);
	CU_ASSERT(first != NULL && strcmp(first, TAQDIRUH) == 0);
	first = first_in_text(s,
	                      "\xd8\xb5\xd8\xad\xd9\x8a\xd8\xad" QALA TAQDIZUH,
	                      TAQDIZUH, &n);
	CU_ASSERT(first != NULL && strcmp(first, TAQDIMUH) == 0);
	first = first_in_text(s, TAQDIMUH QALA TAQDIZUH, TAQDIZUH, &n);
	CU_ASSERT(first != NULL && strcmp(first, TAQDIMUH) == 0);
	ar_speller_free(s);
}

/* Consistency on names only: a dictionary word is never inconsistent. */
static void test_decide_consistency_names(void)
{
	/* الاهرام الاهرام الأهرام: the newspaper's name as it writes it
	 * twice, then the common word (the pyramids) with its hamza */
	static const char t[] =
	        "\xd8\xa7\xd9\x84\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa7\xd9\x85 "
	        "\xd8\xa7\xd9\x84\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa7\xd9\x85 "
	        "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x87\xd8\xb1\xd8\xa7\xd9\x85";
	/* المغرب العربي العربي: two words that two spellings of one name
	 * (المغرب العربي, بلاد المغرب) put at one place are no variants of
	 * one word */
	static const char maghreb[] =
	        "\xd8\xa7\xd9\x84\xd9\x85\xd8\xba\xd8\xb1\xd8\xa8 "
	        "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a "
	        "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a";
	ar_speller *all = open_builtin(0);
	ar_speller *names = open_builtin(AR_SPELL_CONSISTENCY_NAMES);

	CU_ASSERT_FATAL(all && names);
	CU_ASSERT_EQUAL(count_kind(all, t, AR_FINDING_INCONSISTENT), 1);
	CU_ASSERT_EQUAL(count_kind(names, t, AR_FINDING_INCONSISTENT), 0);
	CU_ASSERT_EQUAL(count_kind(all, maghreb, AR_FINDING_INCONSISTENT), 0);
	ar_speller_free(all);
	ar_speller_free(names);
}

static const unit_test decide_tests[] = {
	{ "spell/decide/names", test_decide_names },
	{ "spell/decide/known_errors", test_decide_known_errors },
	{ "spell/decide/house_styles", test_decide_house_styles },
	{ "spell/decide/inner_words", test_decide_inner_words },
	{ "spell/decide/plausible", test_decide_plausible },
	{ "spell/decide/beside_names", test_decide_beside_names },
	{ "spell/decide/madda", test_decide_madda },
	{ "spell/decide/order", test_decide_order },
	{ "spell/rank/look_alike", test_rank_look_alike },
	{ "spell/rank/first_letter", test_rank_first_letter },
	{ "spell/rank/name_variant", test_rank_name_variant },
	{ "spell/decide/town_names", test_decide_town_names },
	{ "spell/decide/hyphen", test_decide_hyphen },
	{ "spell/decide/repeated", test_decide_repeated },
	{ "spell/decide/document_words", test_decide_document_words },
	{ "spell/decide/rare_words", test_decide_rare_words },
	{ "spell/decide/consistency_names", test_decide_consistency_names },
	{ NULL, NULL }
};

static const unit_test loader_tests[] = {
	{ "spell/loader/accepts", test_loader_accepts },
	{ "spell/loader/errors", test_loader_errors },
	{ "spell/loader/personal", test_personal },
	{ "spell/loader/missing_dict", test_missing_dict },
	{ "spell/loader/dict_encoding", test_dict_encoding },
	{ NULL, NULL }
};
/* Words of a personal list are suggested for their near misses, before
 * hunspell's suggestions, in both scripts; not for words far from them. */
static void test_personal_suggested(void)
{
	ar_speller *s = open_speller(0);
	ar_spell_findings *fs = NULL;
	const ar_finding *f;

	CU_ASSERT_FATAL(s != NULL);
	CU_ASSERT_EQUAL(ar_speller_add_word(s, "Frobnicatorix", 13), AR_OK);
	/* كرديالوف, a made-up name */
	CU_ASSERT_EQUAL(ar_speller_add_word(s,
	                                    "\xd9\x83\xd8\xb1\xd8\xaf\xd9\x8a"
	                                    "\xd8\xa7\xd9\x84\xd9\x88\xd9\x81",
	                                    16),
	                AR_OK);
	CU_ASSERT_EQUAL(ar_spell_word(&fs, s, "Frobnicatorex", 13), AR_OK);
	CU_ASSERT_FATAL(ar_spell_findings_count(fs) == 1);
	f = ar_spell_findings_get(fs, 0);
	CU_ASSERT_FATAL(f->nsuggestions >= 1);
	CU_ASSERT_STRING_EQUAL(f->suggestions[0], "Frobnicatorix");
	ar_spell_findings_free(fs);
	/* كرديالوق: one letter off */
	CU_ASSERT_EQUAL(ar_spell_word(&fs, s,
	                              "\xd9\x83\xd8\xb1\xd8\xaf\xd9\x8a"
	                              "\xd8\xa7\xd9\x84\xd9\x88\xd9\x82",
	                              16),
	                AR_OK);
	CU_ASSERT_FATAL(ar_spell_findings_count(fs) == 1);
	f = ar_spell_findings_get(fs, 0);
	CU_ASSERT_FATAL(f->nsuggestions >= 1);
	CU_ASSERT_STRING_EQUAL(f->suggestions[0],
	                       "\xd9\x83\xd8\xb1\xd8\xaf\xd9\x8a\xd8\xa7"
	                       "\xd9\x84\xd9\x88\xd9\x81");
	ar_spell_findings_free(fs);
	/* a word far from every personal word gets none of them */
	CU_ASSERT_EQUAL(ar_spell_word(&fs, s, "Frobzzz", 7), AR_OK);
	if (ar_spell_findings_count(fs) == 1) {
		size_t k;
		f = ar_spell_findings_get(fs, 0);
		for (k = 0; k < f->nsuggestions; k++)
			CU_ASSERT(strcmp(f->suggestions[k], "Frobnicatorix") !=
			          0);
	}
	ar_spell_findings_free(fs);
	ar_speller_free(s);
}

static const unit_test word_tests[] = {
	{ "spell/word/personal_suggested", test_personal_suggested },
	{ "spell/word/proclitics", test_proclitics },
	{ "spell/word/typo_edit", test_typo_edit },
	{ "spell/word/typo_phonetic", test_typo_phonetic },
	{ "spell/word/typo_arabic", test_typo_arabic },
	{ "spell/word/unknown", test_unknown },
	{ "spell/word/hamza-slips", test_hamza_slips },
	{ "spell/word/acronyms", test_acronyms },
	{ "spell/word/ranking", test_ranking },
	{ "spell/word/ranking_arabic", test_ranking_arabic },
	{ "spell/word/ranking_noisy", test_ranking_noisy },
	{ "spell/word/ranking_far_names", test_ranking_far_names },
	{ "spell/word/ranking_letters", test_ranking_letters },
	{ "spell/word/ranking_places_model", test_ranking_places_model },
	{ "spell/word/ranking_not_self", test_ranking_not_self },
	{ "spell/word/variants", test_variants },
	{ NULL, NULL }
};
static const unit_test text_tests[] = {
	{ "spell/text/positions", test_buffer_positions },
	{ "spell/text/consistency", test_consistency },
	{ "spell/text/chunks", test_chunks },
	{ NULL, NULL }
};
static const unit_suite suites[] = { { "spell/loader", loader_tests },
	                             { "spell/word", word_tests },
	                             { "spell/text", text_tests },
	                             { "spell/decide", decide_tests },
	                             { NULL, NULL } };

int main(void)
{
	int r;
	/* the tests below check every unknown word; test_decide_plausible
	 * checks the default, which leaves out the plausible ones */
	sp = open_speller(AR_SPELL_ALL_UNKNOWN);
	if (!sp) {
		printf("SKIP: hunspell dictionaries ar and en_US not found\n");
		return 77;
	}
	r = unit_main(suites);
	ar_speller_free(sp);
	return r;
}
