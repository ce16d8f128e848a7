/* test_norm.c - the normalizer: every operation, profiles, invariants,
 * streaming at every split point, the offset map and invalid UTF-8. */
#include "config.h"

#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- helpers ------------------------------------------------------ */

static ar_normalizer *make(unsigned flags, ar_invalid_mode inv, int offs)
{
	ar_norm_options o = AR_NORM_OPTIONS_INIT;
	ar_normalizer *n = NULL;

	o.flags = flags;
	o.invalid = inv;
	o.want_offsets = offs;
	CU_ASSERT_EQUAL_FATAL(ar_normalizer_new(&n, &o), AR_OK);
	return n;
}

/* Normalize s with flags; the result is a malloc'd NUL-terminated copy. */
static char *norm(unsigned flags, const char *s, size_t len)
{
	ar_normalizer *n = make(flags, AR_INVALID_ERROR, 0);
	ar_buf out = AR_BUF_INIT;
	char *r;

	CU_ASSERT_EQUAL(ar_norm_buffer(&out, NULL, n, s, len, NULL), AR_OK);
	r = malloc(out.size + 1);
	memcpy(r, out.ptr ? out.ptr : "", out.size);
	r[out.size] = '\0';
	ar_buf_dispose(&out);
	ar_normalizer_free(n);
	return r;
}

static int check_(unsigned flags, const char *in, const char *want, int line)
{
	char *got = norm(flags, in, strlen(in));
	int ok = strcmp(got, want) == 0;

	if (!ok)
		fprintf(stderr,
		        "\nline %d: flags %#x\n  in   [%s]\n  want [%s]"
		        "\n  got  [%s]\n",
		        line, flags, in, want, got);
	free(got);
	return ok;
}
#define CHECK(flags, in, want)                                                 \
	CU_ASSERT(check_((flags), (in), (want), __LINE__))
#define SAME(flags, in) CHECK((flags), (in), (in))

/* ---- norm/ops: each operation, positive and negative --------------- */

static void test_nfc(void)
{
	/* alef + hamza above -> U+0623; with a fatha in between (ccc 30 does
	 * not block the hamza, ccc 230) the fatha is reordered after. */
	CHECK(AR_NORM_NFC, "\xd8\xa7\xd9\x94", "\xd8\xa3");
	CHECK(AR_NORM_NFC, "\xd8\xa7\xd9\x8e\xd9\x94", "\xd8\xa3\xd9\x8e");
	/* shadda (33) before fatha (30) is reordered */
	CHECK(AR_NORM_NFC, "\xd8\xa8\xd9\x91\xd9\x8e",
	      "\xd8\xa8\xd9\x8e\xd9\x91");
	CHECK(AR_NORM_NFC, "e\xcc\x81", "\xc3\xa9");
	CHECK(AR_NORM_NFC, "\xe2\x84\xa6", "\xce\xa9"); /* OHM -> OMEGA */
	SAME(AR_NORM_NFC, "\xd8\xa3\xd9\x8e");
	SAME(AR_NORM_NFC, "\xef\xbb\xbb"); /* compatibility: not NFC's job */
	SAME(AR_NORM_PROFILE_NONE, "\xd8\xa7\xd9\x94");
}

static void test_nfkc_arabic(void)
{
	/* lam-alef ligatures, contextual forms, Allah ligature */
	CHECK(AR_NORM_NFKC_ARABIC, "\xef\xbb\xbb", "\xd9\x84\xd8\xa7");
	CHECK(AR_NORM_NFKC_ARABIC, "\xef\xbb\xb7", "\xd9\x84\xd8\xa3");
	CHECK(AR_NORM_NFKC_ARABIC, "\xef\xba\x91\xef\xbb\xa8",
	      "\xd8\xa8\xd9\x86");
	CHECK(AR_NORM_NFKC_ARABIC, "\xef\xb7\xb2",
	      "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87");
	/* phrase ligatures without a decomposition become their words;
	 * NFKC keeps them, as Unicode does */
	CHECK(AR_NORM_NFKC_ARABIC, "\xef\xb7\xbd", "بسم الله الرحمن الرحيم");
	CHECK(AR_NORM_NFKC_ARABIC, "x\xef\xb5\x81y", "xرضي الله عنهy");
	SAME(AR_NORM_NFKC, "\xef\xb7\xbd \xef\xb5\x81");
	/* other compatibility characters are untouched */
	SAME(AR_NORM_NFKC_ARABIC, "\xef\xac\x81 x\xc2\xb2 \xe2\x91\xa0");
	SAME(AR_NORM_NFKC_ARABIC, "\xd8\xa8\xd9\x86");
	CHECK(AR_NORM_NFKC, "\xef\xac\x81 x\xc2\xb2 \xef\xbb\xbb",
	      "fi x2 \xd9\x84\xd8\xa7");
	SAME(AR_NORM_NFKC, "abc \xd8\xa8");
}

static void test_strip_diacritics(void)
{
	unsigned f = AR_NORM_STRIP_DIACRITICS;
	/* سَأَلَ -> سأل */
	CHECK(f, "\xd8\xb3\xd9\x8e\xd8\xa3\xd9\x8e\xd9\x84\xd9\x8e",
	      "\xd8\xb3\xd8\xa3\xd9\x84");
	/* decomposed hamza is composed, not removed, even without nfc */
	CHECK(f, "\xd8\xb3\xd9\x8e\xd8\xa7\xd9\x8e\xd9\x94\xd9\x84",
	      "\xd8\xb3\xd8\xa3\xd9\x84");
	CHECK(f, "\xd8\xa7\xd9\x93", "\xd8\xa2"); /* madda */
	CHECK(f, "\xd8\xa7\xd9\x95", "\xd8\xa5"); /* hamza below */
	/* a hamza mark that composes with nothing is removed */
	CHECK(f, "\xd8\xa8\xd9\x94", "\xd8\xa8");
	/* tanwin, shadda, sukun, superscript alef, Quranic marks */
	CHECK(f, "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8\xd9\x8b",
	      "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8");
	CHECK(f,
	      "\xd8\xb4\xd9\x91\xd9\x92\xd9\xb0\xd8\x90\xdb\x96\xdb\xa5"
	      "\xdb\xaa\xdb\xad",
	      "\xd8\xb4");
	/* marks on Latin letters stay; Café and naïve in NFD stay */
	SAME(f, "Cafe\xcc\x81 nai\xcc\x88ve Caf\xc3\xa9");
	SAME(f, "a\xd9\x8e");
	SAME(f, "7\xd9\x8e");
	/* a mark with no letter is removed */
	CHECK(f,
	      "\xd9\x8e"
	      "a",
	      "a");
	CHECK(f, "x \xd9\x8e", "x ");
	/* letters untouched */
	SAME(f, "\xd8\xa3\xd8\xa5\xd8\xa2\xd8\xa9\xd9\x89");
	SAME(AR_NORM_PROFILE_CLEAN,
	     "\xd8\xb3\xd9\x8e\xd8\xa3\xd9\x8e\xd9\x84\xd9\x8e");
}

static void test_tatweel(void)
{
	CHECK(AR_NORM_STRIP_TATWEEL, "\xd9\x85\xd9\x80\xd9\x80\xd8\xad",
	      "\xd9\x85\xd8\xad");
	/* a mark behind a tatweel reaches its letter and composes */
	CHECK(AR_NORM_STRIP_TATWEEL | AR_NORM_NFC, "\xd8\xa7\xd9\x80\xd9\x94",
	      "\xd8\xa3");
	SAME(AR_NORM_STRIP_TATWEEL, "\xd9\x85\xd8\xad - _");
	SAME(AR_NORM_ALEF, "\xd9\x85\xd9\x80\xd8\xad");
}

static void test_letters(void)
{
	/* alef: آ أ إ ٱ ٲ ٳ -> ا */
	CHECK(AR_NORM_ALEF, "\xd8\xa2\xd8\xa3\xd8\xa5\xd9\xb1\xd9\xb2\xd9\xb3",
	      "\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7");
	SAME(AR_NORM_ALEF, "\xd8\xa7\xd8\xa4\xd8\xa6\xd9\x89");
	/* ya: ى -> ي */
	CHECK(AR_NORM_YA, "\xd8\xb9\xd9\x84\xd9\x89",
	      "\xd8\xb9\xd9\x84\xd9\x8a");
	SAME(AR_NORM_YA, "\xd8\xa6\xdb\x8c\xd8\xa9");
	/* ta-marbuta: ة -> ه */
	CHECK(AR_NORM_TA_MARBUTA, "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9",
	      "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd9\x87");
	SAME(AR_NORM_TA_MARBUTA, "\xd8\xaa\xdb\x83");
	/* hamza: ؤ -> و, ئ -> ي */
	CHECK(AR_NORM_HAMZA, "\xd8\xa4\xd8\xa6", "\xd9\x88\xd9\x8a");
	SAME(AR_NORM_HAMZA, "\xd8\xa3\xd8\xa1");
	/* and on heh: ۀ -> ه, ۂ -> ہ (ه with persian), ۓ -> ے */
	CHECK(AR_NORM_HAMZA, "\xdb\x80\xdb\x82\xdb\x93",
	      "\xd9\x87\xdb\x81\xdb\x92");
	CHECK(AR_NORM_HAMZA | AR_NORM_PERSIAN, "\xdb\x82", "\xd9\x87");
}

static void test_persian(void)
{
	unsigned f = AR_NORM_PERSIAN;
	CHECK(f, "\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8",
	      "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8");
	/* ی before a letter -> ي, at the end of a word -> ى: علی -> على */
	CHECK(f, "\xd8\xb9\xd9\x84\xdb\x8c", "\xd8\xb9\xd9\x84\xd9\x89");
	CHECK(f, "\xd8\xb9\xd9\x84\xdb\x8c \xdb\x8c\xda\xa9",
	      "\xd8\xb9\xd9\x84\xd9\x89 \xd9\x8a\xd9\x83");
	/* transparent marks between ی and the next letter are skipped;
	 * ی before hamza (non-joining) is final */
	CHECK(f, "\xdb\x8c\xd9\x8e\xd8\xa8", "\xd9\x8a\xd9\x8e\xd8\xa8");
	CHECK(f, "\xdb\x8c\xd8\xa1", "\xd9\x89\xd8\xa1");
	CHECK(f, "\xdb\x8c\n\xdb\x8c.", "\xd9\x89\n\xd9\x89.");
	/* ہ ھ -> ه, ۃ -> ة */
	CHECK(f, "\xdb\x81\xda\xbe\xdb\x83", "\xd9\x87\xd9\x87\xd8\xa9");
	/* no look-alike: پ چ ژ گ kept */
	SAME(f, "\xd9\xbe\xda\x86\xda\x98\xda\xaf");
	SAME(AR_NORM_PROFILE_NONE, "\xda\xa9\xdb\x8c");
}

static void test_digits_punct(void)
{
	CHECK(AR_NORM_DIGITS_ASCII, "\xd9\xa1\xd9\xa2\xd9\xa3 \xdb\xb4\xdb\xb5",
	      "123 45");
	CHECK(AR_NORM_DIGITS_ARABIC, "12 \xdb\xb4",
	      "\xd9\xa1\xd9\xa2 \xd9\xa4");
	SAME(AR_NORM_DIGITS_ASCII, "123 abc");
	SAME(AR_NORM_PUNCT, "123 \xd9\xa1");
	CHECK(AR_NORM_PUNCT,
	      "\xd8\x8c\xd8\x9b\xd8\x9f\xd9\xaa\xd9\xab\xd9\xac\xdb\x94",
	      ",;?%.,.");
	SAME(AR_NORM_PUNCT, ",;?%. \xc2\xab\xc2\xbb");
	SAME(AR_NORM_DIGITS_ASCII, "\xd8\x8c");
}

static void test_invisible(void)
{
	CHECK(AR_NORM_INVISIBLE,
	      "a\xe2\x80\x8b"
	      "b\xe2\x80\x8c"
	      "c\xe2\x80\x8d"
	      "d\xe2\x80\x8e"
	      "e\xe2\x80\x8f"
	      "f\xd8\x9cg\xe2\x80\xaah\xe2\x80\xaei\xe2\x81\xa6"
	      "j\xe2\x81\xa9k\xef\xbb\xbfl\xc2\xadm",
	      "abcdefghijklm");
	/* WORD JOINER, INVISIBLE PLUS, the deprecated ACTIVATE ARABIC FORM
	 * SHAPING and NOMINAL DIGIT SHAPES; U+2065 is unassigned: kept */
	CHECK(AR_NORM_INVISIBLE,
	      "a\xe2\x81\xa0"
	      "b\xe2\x81\xa4"
	      "c\xe2\x81\xad"
	      "d\xe2\x81\xaf"
	      "e",
	      "abcde");
	SAME(AR_NORM_INVISIBLE, "a b\xe2\x80\x8a"
	                        "c\xe2\x80\x90");
	SAME(AR_NORM_PROFILE_NONE, "a\xe2\x80\x8b");
}

static void test_spaces(void)
{
	unsigned f = AR_NORM_SPACES;
	CHECK(f,
	      "  a \t b\xc2\xa0\xe2\x80\x83"
	      "c\xe3\x80\x80\xe2\x80\xaf"
	      "d\xe2\x81\x9f"
	      "e  \n\t\n x  y \r\n",
	      "a b c d e\n\nx y\r\n");
	CHECK(f, "a\t", "a");
	CHECK(f, "   ", "");
	SAME(f, "a b\nc\n\n\nd");
	SAME(AR_NORM_NFC, "  a \t b ");
}

/* ---- norm/names ---------------------------------------------------- */

static void test_names(void)
{
	unsigned f = 0, bit;
	const char *names[] = { "nfc",
		                "nfkc-arabic",
		                "nfkc",
		                "strip-diacritics",
		                "strip-tatweel",
		                "alef",
		                "ya",
		                "ta-marbuta",
		                "hamza",
		                "persian",
		                "digits=ascii",
		                "digits=arabic",
		                "punct",
		                "invisible",
		                "spaces" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		CU_ASSERT_EQUAL(ar_norm_flag_from_name(&f, names[i]), AR_OK);
		CU_ASSERT_PTR_NOT_NULL_FATAL(ar_norm_flag_name(f));
		CU_ASSERT_STRING_EQUAL(ar_norm_flag_name(f), names[i]);
	}
	CU_ASSERT_EQUAL(ar_norm_flag_from_name(&f, "digits"), AR_EINVAL);
	CU_ASSERT_EQUAL(ar_norm_flag_from_name(&f, "NFC"), AR_EINVAL);
	CU_ASSERT_PTR_NULL(ar_norm_flag_name(AR_NORM_NFC | AR_NORM_YA));
	CU_ASSERT_PTR_NULL(ar_norm_flag_name(0));
	for (bit = 1; bit < (1u << 15); bit <<= 1)
		CU_ASSERT_PTR_NOT_NULL(ar_norm_flag_name(bit));
	CU_ASSERT_EQUAL(ar_norm_profile(&f, "clean"), AR_OK);
	CU_ASSERT_EQUAL(f, AR_NORM_PROFILE_CLEAN);
	CU_ASSERT_EQUAL(ar_norm_profile(&f, "search"), AR_OK);
	CU_ASSERT_EQUAL(f, AR_NORM_PROFILE_SEARCH);
	CU_ASSERT_EQUAL(ar_norm_profile(&f, "none"), AR_OK);
	CU_ASSERT_EQUAL(f, 0);
	CU_ASSERT_EQUAL(ar_norm_profile(&f, "fast"), AR_EINVAL);
	/* the profiles hold exactly the operations of the issue */
	CU_ASSERT_EQUAL(AR_NORM_PROFILE_CLEAN,
	                AR_NORM_NFC | AR_NORM_NFKC_ARABIC |
	                        AR_NORM_STRIP_TATWEEL | AR_NORM_INVISIBLE |
	                        AR_NORM_PERSIAN | AR_NORM_SPACES);
}

static void test_api(void)
{
	ar_norm_options o = AR_NORM_OPTIONS_INIT;
	ar_normalizer *n = (ar_normalizer *)1;
	ar_buf out = AR_BUF_INIT;

	o.flags = AR_NORM_DIGITS_ASCII | AR_NORM_DIGITS_ARABIC;
	CU_ASSERT_EQUAL(ar_normalizer_new(&n, &o), AR_EINVAL);
	CU_ASSERT_PTR_NULL(n);
	o.flags = 1u << 20;
	CU_ASSERT_EQUAL(ar_normalizer_new(&n, &o), AR_EINVAL);
	o.flags = 0;
	o.version = 99;
	CU_ASSERT_EQUAL(ar_normalizer_new(&n, &o), AR_EINVAL);
	CU_ASSERT_EQUAL(ar_normalizer_new(NULL, NULL), AR_EINVAL);
	CU_ASSERT_EQUAL(ar_normalizer_new(&n, NULL), AR_OK);
	CU_ASSERT_EQUAL(ar_norm_buffer(&out, NULL, n, NULL, 0, NULL), AR_OK);
	CU_ASSERT_EQUAL(out.size, 0);
	CU_ASSERT_PTR_NOT_NULL(out.ptr);
	CU_ASSERT_EQUAL(ar_norm_buffer(&out, NULL, n, NULL, 3, NULL),
	                AR_EINVAL);
	CU_ASSERT_EQUAL(ar_norm_feed(NULL, "a", 1, NULL, NULL, NULL),
	                AR_EINVAL);
	ar_normalizer_free(n);
	ar_normalizer_free(NULL);
	ar_buf_dispose(&out);
	ar_buf_dispose(NULL);
}

/* ---- norm/invariants ---------------------------------------------- */

/* Every multi-byte case: 2-, 3- and 4-byte characters, letters with
 * marks (in and out of canonical order), decomposed hamza, tatweel between
 * letter and mark, ligatures, Farsi yeh at word ends and before letters,
 * runs of blanks of every kind, CR LF, invisible controls, digits, Latin
 * with accents, an emoji. */
static const char sample[] =
        "  \xd8\xb3\xd9\x8e\xd8\xa3\xd9\x8e\xd9\x84\xd9\x8e \xd8\xa7\xd9\x8e"
        "\xd9\x94\xd8\xa8\xd9\x91\xd9\x8e \xd9\x85\xd9\x80\xd9\x80\xd8\xad"
        "\xd9\x80\xd9\x8e\xd9\x85\xd8\xaf\t\t\xef\xbb\xbb\xef\xbb\xb7\xef\xb7"
        "\xb2 \xd8\xb9\xd9\x84\xdb\x8c \xdb\x8c\xda\xa9\xdb\x8c\xd9\x8e\r\n"
        "Cafe\xcc\x81 na\xc3\xafve \xe2\x80\x9cquote\xe2\x80\x9d\xc2\xa0\xc2"
        "\xa0\xe3\x80\x80x\xe2\x80\x8c\xd8\xa9\xe2\x80\x8f\xd9\xa1\xd9\xa2"
        "\xdb\xb3 123\xd8\x8c \xd8\x9f \xf0\x9f\x98\x80 \xd8\xa4\xd8\xa6\xd9"
        "\x89\xd8\xa9 \xd9\xb1\xd8\xa5\xd8\xa2 \xef\xb9\xb0 \n\n \t\n\xd8\xaa"
        "\xd9\x8e\xd9\x80\xd9\x91\xdb\x8c\xef\xbb\xbf  \xdb\x8c";

static const unsigned all_profiles[] = {
	AR_NORM_PROFILE_CLEAN,
	AR_NORM_PROFILE_SEARCH,
	AR_NORM_PROFILE_NONE,
	AR_NORM_PROFILE_CLEAN | AR_NORM_NFKC,
	AR_NORM_STRIP_DIACRITICS,
	AR_NORM_PERSIAN | AR_NORM_YA,
	AR_NORM_SPACES | AR_NORM_INVISIBLE,
	AR_NORM_PROFILE_SEARCH & ~(unsigned)AR_NORM_NFC,
	(AR_NORM_PROFILE_SEARCH & ~(unsigned)AR_NORM_DIGITS_ASCII) |
	        AR_NORM_DIGITS_ARABIC,
};
#define NPROF (sizeof all_profiles / sizeof all_profiles[0])

static char *corpus_text(size_t *len)
{
	const char *src = getenv("top_srcdir");
	char path[4096];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof path, "%s/corpus/telegram-outage-ar.txt",
	         src ? src : ".");
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	fclose(f);
	return buf;
}

static size_t count_nl(const char *s, size_t n)
{
	size_t i, c = 0;
	for (i = 0; i < n; i++)
		c += s[i] == '\n';
	return c;
}

static void invariants_on(const char *s, size_t len)
{
	size_t p;

	for (p = 0; p < NPROF; p++) {
		char *once = norm(all_profiles[p], s, len);
		char *twice = norm(all_profiles[p], once, strlen(once));
		if (strcmp(once, twice) != 0)
			fprintf(stderr, "\nnot idempotent, flags %#x\n",
			        all_profiles[p]);
		CU_ASSERT_STRING_EQUAL(once, twice);
		CU_ASSERT_EQUAL(count_nl(once, strlen(once)), count_nl(s, len));
		CU_ASSERT(ar_utf8_valid(once, strlen(once), NULL));
		free(once);
		free(twice);
	}
}

static void test_idempotent(void)
{
	size_t len = 0;
	char *c = corpus_text(&len);

	invariants_on(sample, sizeof sample - 1);
	if (c) {
		invariants_on(c, len);
		free(c);
	}
}

static void test_latin_untouched(void)
{
	const char *latin = "The quick brown fox; Caf\xc3\xa9, na\xc3\xafve, "
	                    "\xc3\x85ngstr\xc3\xb6m, \xce\xb1\xce\xb2\xce\xb3 "
	                    "\xd0\xb4\xd0\xb0 100% ok? yes, it's 3.5.";
	unsigned f = AR_NORM_PROFILE_SEARCH & ~(unsigned)AR_NORM_SPACES;

	/* all Arabic folds on, nothing to do */
	SAME(f, latin);
	SAME(AR_NORM_PROFILE_CLEAN, latin);
}

static void test_newlines(void)
{
	const char *s = "\n\n  \xd8\xa7 \n\t\n\r\n\xd9\x80\n\xe2\x80\x8b\n"
	                "\xd9\x8e\n\n";
	size_t p;

	for (p = 0; p < NPROF; p++) {
		char *o = norm(all_profiles[p], s, strlen(s));
		CU_ASSERT_EQUAL(count_nl(o, strlen(o)), count_nl(s, strlen(s)));
		free(o);
	}
	CHECK(AR_NORM_PROFILE_SEARCH, s, "\n\n\xd8\xa7\n\n\r\n\n\n\n\n");
}

/* ---- norm/stream ---------------------------------------------------- */

typedef struct collect {
	ar_buf out;
	ar_buf spans;
	int stop_after; /* >0: return non-zero on that call */
	int calls;
} collect;

static int to_collect(const char *data, size_t len, const ar_norm_span *spans,
                      size_t nspans, void *p)
{
	collect *c = p;
	size_t i;

	c->calls++;
	for (i = 0; i < len; i++) {
		if (c->out.size + 2 > c->out.asize) {
			size_t a = c->out.asize ? c->out.asize * 2 : 256;
			c->out.ptr = realloc(c->out.ptr, a);
			c->out.asize = a;
		}
		c->out.ptr[c->out.size++] = data[i];
	}
	for (i = 0; i < nspans; i++) {
		size_t need = c->spans.size + sizeof spans[i];
		if (need > c->spans.asize) {
			size_t a = c->spans.asize ? c->spans.asize * 2 : 1024;
			while (a < need)
				a *= 2;
			c->spans.ptr = realloc(c->spans.ptr, a);
			c->spans.asize = a;
		}
		memcpy(c->spans.ptr + c->spans.size, &spans[i],
		       sizeof spans[i]);
		c->spans.size += sizeof spans[i];
	}
	return c->stop_after && c->calls >= c->stop_after;
}

static void collect_free(collect *c)
{
	free(c->out.ptr);
	free(c->spans.ptr);
	memset(c, 0, sizeof *c);
}

/* Feed s in the pieces cut at cuts[0..ncuts) and compare output and spans
 * with the one-buffer result. */
static int stream_equal(ar_normalizer *n, const char *s, size_t len,
                        const size_t *cuts, size_t ncuts, const ar_buf *ref,
                        const ar_buf *refspans)
{
	collect c;
	size_t i, from = 0;
	int ok;

	memset(&c, 0, sizeof c);
	for (i = 0; i <= ncuts; i++) {
		size_t to = i < ncuts ? cuts[i] : len;
		if (ar_norm_feed(n, s + from, to - from, to_collect, &c,
		                 NULL) != AR_OK)
			return 0;
		from = to;
	}
	if (ar_norm_finish(n, to_collect, &c, NULL) != AR_OK)
		return 0;
	ok = c.out.size == ref->size &&
	     memcmp(c.out.ptr ? c.out.ptr : "", ref->ptr, ref->size) == 0;
	if (refspans)
		ok = ok && c.spans.size == refspans->size &&
		     memcmp(c.spans.ptr ? c.spans.ptr : "",
		            refspans->ptr ? refspans->ptr : "",
		            refspans->size) == 0;
	collect_free(&c);
	return ok;
}

/* Spans of a stream may be cut where the sink was called; compare the map
 * by its meaning: for every output byte, the input span it maps to. */
static void stream_all_splits(unsigned flags, int offs, const char *s,
                              size_t len)
{
	ar_normalizer *n = make(flags, AR_INVALID_REPLACE, offs);
	ar_buf ref = AR_BUF_INIT, refspans = AR_BUF_INIT;
	static const size_t steps[] = { 1, 2, 3, 7, 4096 };
	size_t cut, si, bad = 0;
	size_t cuts[8192];

	CU_ASSERT_EQUAL_FATAL(ar_norm_buffer(&ref, NULL, n, s, len, NULL),
	                      AR_OK);
	/* two pieces, cut at every byte */
	for (cut = 0; cut <= len; cut++)
		if (!stream_equal(n, s, len, &cut, 1, &ref, NULL))
			bad++;
	CU_ASSERT_EQUAL(bad, 0);
	/* chunks of 1, 2, 3, 7 and 4096 bytes */
	for (si = 0; si < sizeof steps / sizeof steps[0]; si++) {
		size_t nc = 0;
		for (cut = steps[si]; cut < len && nc < 8192; cut += steps[si])
			cuts[nc++] = cut;
		CU_ASSERT(stream_equal(n, s, len, cuts, nc, &ref, NULL));
	}
	ar_buf_dispose(&ref);
	ar_buf_dispose(&refspans);
	ar_normalizer_free(n);
}

static void test_stream_splits(void)
{
	size_t p;

	for (p = 0; p < NPROF; p++) {
		stream_all_splits(all_profiles[p], 0, sample,
		                  sizeof sample - 1);
		stream_all_splits(all_profiles[p], 1, sample,
		                  sizeof sample - 1);
	}
}

static void test_stream_corpus(void)
{
	size_t len = 0, p;
	char *c = corpus_text(&len);

	if (!c)
		return;
	for (p = 0; p < NPROF; p++) {
		ar_normalizer *n = make(all_profiles[p], AR_INVALID_ERROR, 0);
		ar_buf ref = AR_BUF_INIT;
		static const size_t steps[] = { 1, 7, 4096 };
		size_t cuts[8192], nc, si, cut;
		CU_ASSERT_EQUAL_FATAL(
		        ar_norm_buffer(&ref, NULL, n, c, len, NULL), AR_OK);
		for (si = 0; si < sizeof steps / sizeof steps[0]; si++) {
			nc = 0;
			for (cut = steps[si]; cut < len && nc < 8192;
			     cut += steps[si])
				cuts[nc++] = cut;
			CU_ASSERT(
			        stream_equal(n, c, len, cuts, nc, &ref, NULL));
		}
		ar_buf_dispose(&ref);
		ar_normalizer_free(n);
	}
	free(c);
}

static void test_stream_stop(void)
{
	ar_normalizer *n = make(AR_NORM_PROFILE_CLEAN, AR_INVALID_ERROR, 0);
	collect c;

	memset(&c, 0, sizeof c);
	c.stop_after = 1;
	CU_ASSERT_EQUAL(ar_norm_feed(n, "abc ", 4, to_collect, &c, NULL),
	                AR_EUSER);
	ar_norm_reset(n);
	c.stop_after = 0;
	CU_ASSERT_EQUAL(ar_norm_feed(n, "x", 1, to_collect, &c, NULL), AR_OK);
	CU_ASSERT_EQUAL(ar_norm_finish(n, to_collect, &c, NULL), AR_OK);
	collect_free(&c);
	ar_normalizer_free(n);
}

/* ---- norm/offsets -------------------------------------------------- */

/* The spans tile input and output, in order; identity spans hold the same
 * bytes on both sides. */
static void check_map(const char *in, size_t inlen, const ar_buf *out,
                      const ar_buf *spans)
{
	const ar_norm_span *sp = (const ar_norm_span *)spans->ptr;
	size_t ns = spans->size / sizeof *sp, i;
	uint64_t o = 0, p = 0;

	CU_ASSERT_EQUAL(spans->size % sizeof *sp, 0);
	for (i = 0; i < ns; i++) {
		CU_ASSERT_EQUAL(sp[i].out_start, o);
		CU_ASSERT_EQUAL(sp[i].in_start, p);
		CU_ASSERT(sp[i].out_end >= sp[i].out_start);
		CU_ASSERT(sp[i].in_end > sp[i].in_start);
		if (sp[i].identity) {
			CU_ASSERT_EQUAL(sp[i].out_end - sp[i].out_start,
			                sp[i].in_end - sp[i].in_start);
			CU_ASSERT(memcmp(out->ptr + sp[i].out_start,
			                 in + sp[i].in_start,
			                 sp[i].in_end - sp[i].in_start) == 0);
		}
		o = sp[i].out_end;
		p = sp[i].in_end;
	}
	CU_ASSERT_EQUAL(o, out->size);
	CU_ASSERT_EQUAL(p, inlen);
}

static void map_of(unsigned flags, const char *s, size_t len, ar_buf *out,
                   ar_buf *spans)
{
	ar_normalizer *n = make(flags, AR_INVALID_REPLACE, 1);
	CU_ASSERT_EQUAL(ar_norm_buffer(out, spans, n, s, len, NULL), AR_OK);
	check_map(s, len, out, spans);
	ar_normalizer_free(n);
}

static void test_offsets(void)
{
	ar_buf out = AR_BUF_INIT, spans = AR_BUF_INIT;
	const ar_norm_span *sp;
	size_t p, len = 0;
	char *c;

	for (p = 0; p < NPROF; p++)
		map_of(all_profiles[p], sample, sizeof sample - 1, &out,
		       &spans);
	c = corpus_text(&len);
	if (c) {
		map_of(AR_NORM_PROFILE_SEARCH, c, len, &out, &spans);
		free(c);
	}
	/* "ab ﻻ  c": ab identity, the ligature one span of 3 input bytes and
	 * 4 output bytes, the two blanks one span of one output byte */
	map_of(AR_NORM_PROFILE_CLEAN, "ab \xef\xbb\xbb  c", 9, &out, &spans);
	UNIT_ASSERT_BYTES(out.ptr, out.size, "ab \xd9\x84\xd8\xa7 c");
	sp = (const ar_norm_span *)spans.ptr;
	CU_ASSERT_EQUAL_FATAL(spans.size / sizeof *sp, 4);
	CU_ASSERT(sp[0].identity && sp[0].in_end == 3 && sp[0].out_end == 3);
	CU_ASSERT(!sp[1].identity && sp[1].in_start == 3 && sp[1].in_end == 6 &&
	          sp[1].out_end == 7);
	CU_ASSERT(!sp[2].identity && sp[2].in_start == 6 && sp[2].in_end == 8 &&
	          sp[2].out_start == 7 && sp[2].out_end == 8);
	CU_ASSERT(sp[3].identity && sp[3].in_start == 8 &&
	          sp[3].out_start == 8);
	/* a removed mark: empty output span */
	map_of(AR_NORM_STRIP_DIACRITICS,
	       "\xd8\xa8\xd9\x8e"
	       "x",
	       5, &out, &spans);
	sp = (const ar_norm_span *)spans.ptr;
	CU_ASSERT_EQUAL_FATAL(spans.size / sizeof *sp, 3);
	CU_ASSERT(sp[1].in_start == 2 && sp[1].in_end == 4 &&
	          sp[1].out_start == sp[1].out_end);
	/* no map when not asked for */
	{
		ar_normalizer *n =
		        make(AR_NORM_PROFILE_CLEAN, AR_INVALID_ERROR, 0);
		collect col;
		memset(&col, 0, sizeof col);
		CU_ASSERT_EQUAL(ar_norm_feed(n, "a\xd9\x80 b", 5, to_collect,
		                             &col, NULL),
		                AR_OK);
		CU_ASSERT_EQUAL(ar_norm_finish(n, to_collect, &col, NULL),
		                AR_OK);
		CU_ASSERT_EQUAL(col.spans.size, 0);
		collect_free(&col);
		ar_normalizer_free(n);
	}
	/* the streamed map, cut into 1-byte pieces, means the same */
	{
		ar_normalizer *n =
		        make(AR_NORM_PROFILE_SEARCH, AR_INVALID_REPLACE, 1);
		collect col;
		size_t i;
		ar_buf o2 = AR_BUF_INIT, s2 = AR_BUF_INIT;
		memset(&col, 0, sizeof col);
		for (i = 0; i < sizeof sample - 1; i++)
			CU_ASSERT_EQUAL(ar_norm_feed(n, sample + i, 1,
			                             to_collect, &col, NULL),
			                AR_OK);
		CU_ASSERT_EQUAL(ar_norm_finish(n, to_collect, &col, NULL),
		                AR_OK);
		check_map(sample, sizeof sample - 1, &col.out, &col.spans);
		CU_ASSERT_EQUAL(ar_norm_buffer(&o2, &s2, n, sample,
		                               sizeof sample - 1, NULL),
		                AR_OK);
		CU_ASSERT(o2.size == col.out.size &&
		          memcmp(o2.ptr, col.out.ptr, o2.size) == 0);
		ar_buf_dispose(&o2);
		ar_buf_dispose(&s2);
		collect_free(&col);
		ar_normalizer_free(n);
	}
	ar_buf_dispose(&out);
	ar_buf_dispose(&spans);
}

/* Merge neighbouring identity spans of map m (how a stream cut them is
 * not part of the map) into a new array of *nout spans. */
static ar_norm_span *merged_map(const ar_buf *m, size_t *nout)
{
	const ar_norm_span *sp = (const ar_norm_span *)m->ptr;
	size_t ns = m->size / sizeof *sp, i, k = 0;
	ar_norm_span *r = malloc((ns ? ns : 1) * sizeof *r);

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	for (i = 0; i < ns; i++) {
		if (k && r[k - 1].identity && sp[i].identity &&
		    r[k - 1].in_end == sp[i].in_start &&
		    r[k - 1].out_end == sp[i].out_start) {
			r[k - 1].in_end = sp[i].in_end;
			r[k - 1].out_end = sp[i].out_end;
			continue;
		}
		r[k++] = sp[i];
	}
	*nout = k;
	return r;
}

/* The map does not depend on where the stream is cut.  Removed marks in
 * a cluster that would need reordering (damma before fatha, shadda after
 * the vowel), after a letter and after a tatweel, and a hamza mark that
 * composes with its alef: with every cut in two and in 1-byte pieces. */
static void test_offsets_cuts(void)
{
	static const char *const texts[] = {
		/* الطالبُ َ ا: damma then fatha */
		" \xd8\xa7\xd9\x84\xd8\xb7\xd8\xa7\xd9\x84\xd8\xa8"
		"\xd9\x8f\xd9\x8e \xd8\xa7",
		/* بَّ (fatha, shadda), then a tatweel with a kasra */
		"\xd8\xa8\xd9\x8e\xd9\x91x\xd9\x80\xd9\x90y",
		/* ا + fatha + hamza above: composes to أ */
		"\xd8\xa7\xd9\x8e\xd9\x94\xd8\xa8 z",
	};
	static const unsigned profiles[] = { AR_NORM_PROFILE_SEARCH,
		                             AR_NORM_STRIP_DIACRITICS,
		                             AR_NORM_PROFILE_CLEAN };
	size_t t, p, cut, bad = 0;

	for (t = 0; t < sizeof texts / sizeof texts[0]; t++)
		for (p = 0; p < sizeof profiles / sizeof profiles[0]; p++) {
			const char *s = texts[t];
			size_t len = strlen(s), nref, ngot, i;
			ar_normalizer *n =
			        make(profiles[p], AR_INVALID_ERROR, 1);
			ar_buf o = AR_BUF_INIT, m = AR_BUF_INIT;
			ar_norm_span *ref;
			CU_ASSERT_EQUAL_FATAL(
			        ar_norm_buffer(&o, &m, n, s, len, NULL), AR_OK);
			ref = merged_map(&m, &nref);
			for (cut = 0; cut <= len + 1; cut++) {
				collect col;
				ar_norm_span *got;
				memset(&col, 0, sizeof col);
				/* cut == len + 1: 1-byte pieces */
				for (i = 0; i < len; i++) {
					size_t a = i,
					       b = cut == len + 1
					                   ? i + 1
					                   : (i < cut ? cut
					                              : len);
					CU_ASSERT_EQUAL(
					        ar_norm_feed(n, s + a, b - a,
					                     to_collect, &col,
					                     NULL),
					        AR_OK);
					i = b - 1;
				}
				CU_ASSERT_EQUAL(ar_norm_finish(n, to_collect,
				                               &col, NULL),
				                AR_OK);
				got = merged_map(&col.spans, &ngot);
				if (ngot != nref)
					bad++;
				for (i = 0; ngot == nref && i < nref; i++)
					if (got[i].in_start !=
					            ref[i].in_start ||
					    got[i].in_end != ref[i].in_end ||
					    got[i].out_start !=
					            ref[i].out_start ||
					    got[i].out_end != ref[i].out_end ||
					    !got[i].identity !=
					            !ref[i].identity)
						bad++;
				free(got);
				collect_free(&col);
			}
			free(ref);
			ar_buf_dispose(&o);
			ar_buf_dispose(&m);
			ar_normalizer_free(n);
		}
	CU_ASSERT_EQUAL(bad, 0);
}

/* ---- norm/invalid -------------------------------------------------- */

static const struct bad {
	const char *s;
	size_t len;
	const char *replaced; /* with U+FFFD = "#" here */
	uint64_t off, line, col;
} bads[] = {
	{ "a\x80"
	  "b",
	  3, "a#b", 1, 1, 2 },                       /* lone continuation */
	{ "\xc0\xaf", 2, "##", 0, 1, 1 },            /* overlong */
	{ "\xe0\x80\xaf", 3, "###", 0, 1, 1 },       /* overlong 3-byte */
	{ "x\n\xed\xa0\x80", 5, "x\n###", 2, 2, 1 }, /* surrogate */
	{ "\xf4\x90\x80\x80", 4, "####", 0, 1, 1 },  /* > U+10FFFF */
	{ "\xf5", 1, "#", 0, 1, 1 },
	{ "\xd8\xb3\xd8", 3, "\xd8\xb3#", 2, 1, 2 }, /* truncated at end */
	{ "\xe2\x82x", 3, "#x", 0, 1, 1 },           /* truncated inside */
	{ "\xf0\x9f\x98 \xd8", 5, "# #", 0, 1, 1 },
	{ "ab\ncd\xff", 6, "ab\ncd#", 5, 2, 3 },
};

static void replace_hash(char *s)
{
	/* write U+FFFD as '#' to keep the table readable */
	char *r = s, *w = s;
	while (*r) {
		if ((unsigned char)r[0] == 0xEF &&
		    (unsigned char)r[1] == 0xBF &&
		    (unsigned char)r[2] == 0xBD) {
			*w++ = '#';
			r += 3;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

static void test_invalid(void)
{
	size_t i;

	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		const struct bad *b = &bads[i];
		ar_normalizer *n;
		ar_buf out = AR_BUF_INIT;
		ar_error err;
		uint64_t before;
		char *got;

		/* error: offset, line and column */
		n = make(AR_NORM_PROFILE_NONE, AR_INVALID_ERROR, 0);
		memset(&err, 0, sizeof err);
		CU_ASSERT_EQUAL(
		        ar_norm_buffer(&out, NULL, n, b->s, b->len, &err),
		        AR_EUTF8);
		CU_ASSERT_EQUAL(err.offset, b->off);
		CU_ASSERT_EQUAL(err.line, b->line);
		CU_ASSERT_EQUAL(err.column, b->col);
		/* the same through a stream fed one byte at a time */
		{
			size_t k;
			ar_status st = AR_OK;
			memset(&err, 0, sizeof err);
			for (k = 0; k < b->len && st == AR_OK; k++)
				st = ar_norm_feed(n, b->s + k, 1, NULL, NULL,
				                  &err);
			if (st == AR_OK)
				st = ar_norm_finish(n, NULL, NULL, &err);
			CU_ASSERT_EQUAL(st, AR_EUTF8);
			CU_ASSERT_EQUAL(err.offset, b->off);
			ar_norm_reset(n);
			/* and the normalizer works again after a reset */
			CU_ASSERT_EQUAL(
			        ar_norm_feed(n, "ok", 2, NULL, NULL, NULL),
			        AR_OK);
			CU_ASSERT_EQUAL(ar_norm_finish(n, NULL, NULL, NULL),
			                AR_OK);
		}
		ar_normalizer_free(n);

		/* replace: one U+FFFD per maximal subpart, counted */
		n = make(AR_NORM_PROFILE_NONE, AR_INVALID_REPLACE, 0);
		before = ar_norm_invalid_count(n);
		CU_ASSERT_EQUAL(
		        ar_norm_buffer(&out, NULL, n, b->s, b->len, NULL),
		        AR_OK);
		got = malloc(out.size + 1);
		memcpy(got, out.ptr, out.size + 1);
		replace_hash(got);
		CU_ASSERT_STRING_EQUAL(got, b->replaced);
		{
			uint64_t hashes = 0;
			const char *q;
			for (q = b->replaced; *q; q++)
				hashes += *q == '#';
			CU_ASSERT_EQUAL(ar_norm_invalid_count(n) - before,
			                hashes);
		}
		free(got);
		ar_normalizer_free(n);

		/* keep: the bytes pass through untouched */
		n = make(AR_NORM_PROFILE_SEARCH & ~(unsigned)AR_NORM_SPACES,
		         AR_INVALID_KEEP, 0);
		CU_ASSERT_EQUAL(
		        ar_norm_buffer(&out, NULL, n, b->s, b->len, NULL),
		        AR_OK);
		CU_ASSERT(out.size == b->len &&
		          memcmp(out.ptr, b->s, b->len) == 0);
		ar_normalizer_free(n);
		ar_buf_dispose(&out);
	}
	/* the column counts characters, not bytes */
	{
		ar_normalizer *n =
		        make(AR_NORM_PROFILE_CLEAN, AR_INVALID_ERROR, 0);
		ar_buf out = AR_BUF_INIT;
		ar_error err;
		CU_ASSERT_EQUAL(
		        ar_norm_buffer(&out, NULL, n,
		                       "\xd8\xb3\xd9\x84\xd8\xa7 \xd9\x85\xff",
		                       10, &err),
		        AR_EUTF8);
		CU_ASSERT_EQUAL(err.column, 6);
		CU_ASSERT_EQUAL(err.offset, 9);
		ar_buf_dispose(&out);
		ar_normalizer_free(n);
	}
}

static const unit_test ops_tests[] = {
	{ "nfc", test_nfc },
	{ "nfkc-arabic", test_nfkc_arabic },
	{ "strip-diacritics", test_strip_diacritics },
	{ "strip-tatweel", test_tatweel },
	{ "alef-ya-ta-marbuta-hamza", test_letters },
	{ "persian", test_persian },
	{ "digits-punct", test_digits_punct },
	{ "invisible", test_invisible },
	{ "spaces", test_spaces },
	{ NULL, NULL }
};
static const unit_test api_tests[] = { { "names-profiles", test_names },
	                               { "arguments", test_api },
	                               { NULL, NULL } };
static const unit_test inv_tests[] = { { "idempotent", test_idempotent },
	                               { "latin-untouched",
	                                 test_latin_untouched },
	                               { "newlines", test_newlines },
	                               { NULL, NULL } };
static const unit_test stream_tests[] = { { "every-split", test_stream_splits },
	                                  { "corpus-chunks",
	                                    test_stream_corpus },
	                                  { "sink-stop", test_stream_stop },
	                                  { NULL, NULL } };
static const unit_test offset_tests[] = { { "map", test_offsets },
	                                  { "map-cuts", test_offsets_cuts },
	                                  { NULL, NULL } };
static const unit_test invalid_tests[] = { { "catalogue", test_invalid },
	                                   { NULL, NULL } };

int main(void)
{
	static const unit_suite suites[] = { { "norm/ops", ops_tests },
		                             { "norm/api", api_tests },
		                             { "norm/invariants", inv_tests },
		                             { "norm/stream", stream_tests },
		                             { "norm/offsets", offset_tests },
		                             { "norm/invalid", invalid_tests },
		                             { NULL, NULL } };
	return unit_main(suites);
}
