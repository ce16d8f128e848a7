/*
 * test_tok.c - CUnit tests of the tokenizer (libarabic/tok.c) and of the
 * clitic segmenter (libarabic/seg.c).
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

/* ------------------------------------------------------------------ */
/* Collecting tokens                                                    */

typedef struct rec {
	ar_token_type type;
	ar_script script;
	uint64_t start, end, sentence;
	unsigned flags;
	char text[256];
	char segs[256]; /* "و+ كتاب +هم" or "" */
	uint64_t seg_start[8], seg_end[8];
	size_t nseg;
} rec;

typedef struct list {
	rec *r;
	size_t n, a;
} list;

static int collect(const ar_token *t, void *payload)
{
	list *l = payload;
	rec *r;
	size_t k, o = 0;

	if (l->n == l->a) {
		l->a = l->a ? l->a * 2 : 64;
		l->r = realloc(l->r, l->a * sizeof *l->r);
		if (!l->r)
			abort();
	}
	r = &l->r[l->n++];
	memset(r, 0, sizeof *r);
	r->type = t->type;
	r->script = t->script;
	r->start = t->start;
	r->end = t->end;
	r->sentence = t->sentence;
	r->flags = t->flags;
	snprintf(r->text, sizeof r->text, "%.*s", (int)t->len, t->text);
	r->nseg = t->nsegments;
	for (k = 0; k < t->nsegments && k < 8; k++) {
		const ar_segment *g = &t->segments[k];
		o += (size_t)snprintf(r->segs + o, sizeof r->segs - o,
		                      "%s%s%.*s%s", k ? " " : "",
		                      g->kind > 0 ? "+" : "", (int)g->len,
		                      g->text, g->kind < 0 ? "+" : "");
		r->seg_start[k] = g->start;
		r->seg_end[k] = g->end;
	}
	return 0;
}

/* Tokenize s in pieces of `step` bytes (0: at once). */
static ar_status run(list *l, const char *s, size_t len, unsigned flags,
                     size_t step)
{
	ar_tok_options o = AR_TOK_OPTIONS_INIT;
	ar_tokenizer *t;
	ar_status st;
	size_t i;

	o.flags = flags;
	l->n = 0;
	st = ar_tokenizer_new(&t, &o, NULL);
	if (st != AR_OK)
		return st;
	if (step == 0)
		step = len ? len : 1;
	for (i = 0; i < len; i += step) {
		size_t n = len - i < step ? len - i : step;
		st = ar_tok_feed(t, s + i, n, collect, l, NULL);
		if (st != AR_OK) {
			ar_tokenizer_free(t);
			return st;
		}
	}
	st = ar_tok_finish(t, collect, l, NULL);
	ar_tokenizer_free(t);
	return st;
}

static int same(const list *a, const list *b)
{
	size_t k;

	if (a->n != b->n)
		return 0;
	for (k = 0; k < a->n; k++) {
		const rec *x = &a->r[k], *y = &b->r[k];
		if (x->type != y->type || x->script != y->script ||
		    x->start != y->start || x->end != y->end ||
		    x->sentence != y->sentence || x->flags != y->flags ||
		    strcmp(x->text, y->text) != 0 ||
		    strcmp(x->segs, y->segs) != 0)
			return 0;
	}
	return 1;
}

/* Every token's text is the input bytes at its offsets. */
static int offsets_match(const list *l, const char *s, size_t len)
{
	size_t k;

	for (k = 0; k < l->n; k++) {
		const rec *r = &l->r[k];
		if (r->end < r->start || r->end > len ||
		    strlen(r->text) != r->end - r->start ||
		    memcmp(r->text, s + r->start, r->end - r->start) != 0)
			return 0;
	}
	return 1;
}

/* Tokens (whitespace included) tile [0, len) without gap or overlap. */
static int contiguous(const list *l, size_t len)
{
	size_t k;
	uint64_t pos = 0;

	for (k = 0; k < l->n; k++) {
		if (l->r[k].start != pos || l->r[k].end <= pos)
			return 0;
		pos = l->r[k].end;
	}
	return pos == len;
}

/* Tokens plus whitespace rebuild the input. */
static int lossless(const list *l, const char *s, size_t len)
{
	return contiguous(l, len) && offsets_match(l, s, len);
}

/* Expect the tokens of s, written "text/type text/type ...". */
static void expect(const char *s, const char *want)
{
	list l = { 0 };
	char got[2048];
	size_t k, o = 0;

	CU_ASSERT_EQUAL_FATAL(run(&l, s, strlen(s), 0, 0), AR_OK);
	got[0] = '\0';
	for (k = 0; k < l.n; k++)
		o += (size_t)snprintf(got + o, sizeof got - o, "%s%s/%s",
		                      k ? " " : "", l.r[k].text,
		                      ar_token_type_name(l.r[k].type));
	if (strcmp(got, want) != 0)
		fprintf(stderr, "\n  input: %s\n  want:  %s\n  got:   %s\n", s,
		        want, got);
	CU_ASSERT_STRING_EQUAL(got, want);
	CU_ASSERT(offsets_match(&l, s, strlen(s)));
	free(l.r);
}

/* Expect the sentence numbers of s's tokens, written "0 0 1 1 ...". */
static void expect_sent(const char *s, const char *want)
{
	list l = { 0 };
	char got[1024];
	size_t k, o = 0;

	CU_ASSERT_EQUAL_FATAL(run(&l, s, strlen(s), 0, 0), AR_OK);
	got[0] = '\0';
	for (k = 0; k < l.n; k++)
		o += (size_t)snprintf(got + o, sizeof got - o, "%s%llu",
		                      k ? " " : "",
		                      (unsigned long long)l.r[k].sentence);
	if (strcmp(got, want) != 0)
		fprintf(stderr, "\n  input: %s\n  want:  %s\n  got:   %s\n", s,
		        want, got);
	CU_ASSERT_STRING_EQUAL(got, want);
	free(l.r);
}

/* ------------------------------------------------------------------ */
/* Words and scripts                                                    */

static void test_words_script_change(void)
{
	expect("Telegramتيليجرام", "Telegram/latin تيليجرام/arabic");
	expect("تيليجرامTelegram", "تيليجرام/arabic Telegram/latin");
	expect("Привет мир hello", "Привет/word мир/word hello/latin");
	expect("abcПривет", "abc/latin Привет/word");
}

static void test_words_arabic_marks(void)
{
	/* diacritics, tatweel and ZWNJ stay inside the word */
	expect("كَتَبَ الدَّرْسَ", "كَتَبَ/arabic الدَّرْسَ/arabic");
	expect("مـــرحبا", "مـــرحبا/arabic");
	/* but at a word's edge a tatweel is a dash, a token of its own;
	 * a proclitic or the article keeps its tatweel (الـ84, بـ *) */
	expect("ـلا فقطـ: ـــ الـ84 بالـCIA بـ *",
	       "ـ/punct لا/arabic فقط/arabic ـ/punct :/punct ـــ/punct "
	       "الـ/arabic 84/number بالـ/arabic CIA/latin بـ/arabic "
	       "*/punct");
	expect("می\xE2\x80\x8Cخواهم", "می\xE2\x80\x8Cخواهم/arabic");
	expect("café naïve", "café/latin naïve/latin");
	/* a soft hyphen, RLM or word joiner between two letters stays in
	 * the word; at its edge it is not part of it */
	expect("مكت\xC2\xAD"
	       "بة مكت\xE2\x80\x8F"
	       "بة مكت\xE2\x81\xA0"
	       "بة Micro\xC2\xAD"
	       "soft",
	       "مكت\xC2\xAD"
	       "بة/arabic مكت\xE2\x80\x8F"
	       "بة/arabic مكت\xE2\x81\xA0"
	       "بة/arabic Micro\xC2\xAD"
	       "soft/latin");
	expect("كتاب\xC2\xAD", "كتاب/arabic \xC2\xAD/symbol");
}

static void test_words_apostrophe_hyphen(void)
{
	expect("don't Al-Qaeda O\xE2\x80\x99"
	       "Brien",
	       "don't/latin Al-Qaeda/latin O\xE2\x80\x99"
	       "Brien/latin");
	expect("well- -known", "well/latin -/punct -/punct known/latin");
	expect("'quoted'", "'/punct quoted/latin '/punct");
	expect("mp3 G7", "mp3/latin G7/latin");
}

static void test_scripts(void)
{
	list l = { 0 };

	CU_ASSERT_EQUAL_FATAL(run(&l, "كتاب book книга 12 !",
	                          strlen("كتاب book книга 12 !"), 0, 0),
	                      AR_OK);
	CU_ASSERT_EQUAL_FATAL(l.n, 5);
	CU_ASSERT_EQUAL(l.r[0].script, AR_SCRIPT_ARABIC);
	CU_ASSERT_EQUAL(l.r[1].script, AR_SCRIPT_LATIN);
	CU_ASSERT_EQUAL(l.r[2].script, AR_SCRIPT_OTHER);
	CU_ASSERT_EQUAL(l.r[3].script, AR_SCRIPT_NONE);
	CU_ASSERT_EQUAL(l.r[4].script, AR_SCRIPT_NONE);
	free(l.r);
	CU_ASSERT_STRING_EQUAL(ar_token_type_name(AR_TOKEN_HASHTAG), "hashtag");
	CU_ASSERT_PTR_NULL(ar_token_type_name((ar_token_type)99));
	CU_ASSERT_STRING_EQUAL(ar_script_name(AR_SCRIPT_ARABIC), "arabic");
	CU_ASSERT_PTR_NULL(ar_script_name((ar_script)9));
}

/* ------------------------------------------------------------------ */
/* Numbers, punctuation                                                 */

static void test_numbers(void)
{
	expect("٣٫١٤ 1,234.5 -12% ۱۲۳٬۴۵۶",
	       "٣٫١٤/number 1,234.5/number -12%/number ۱۲۳٬۴۵۶/number");
	expect("٥٠٪ +3 (−7)", "٥٠٪/number +3/number (/punct −7/number )/punct");
	expect("2024م", "2024/number م/arabic");
	expect("COVID-19", "COVID/latin -/punct 19/number");
	expect("1.", "1/number ./punct");
	expect("3,", "3/number ,/punct");
	expect("6:30 23:45:10 12:345 a:b",
	       "6:30/number 23:45:10/number "
	       "12/number :/punct 345/number a/latin :/punct b/latin");
}

static void test_punct(void)
{
	expect("نعم، لا؛ لماذا؟ «قال» “hi”",
	       "نعم/arabic ،/punct لا/arabic ؛/punct لماذا/arabic ؟/punct "
	       "«/punct قال/arabic »/punct “/punct hi/latin ”/punct");
	expect("wait... what?!", "wait/latin .../punct what/latin ?!/punct");
	expect("a+b=c $5", "a/latin +/symbol b/latin =/symbol c/latin "
	                   "$/symbol 5/number");
}

/* ------------------------------------------------------------------ */
/* Hashtags, mentions, URLs, e-mail, emoji                              */

static void test_hashtags_mentions(void)
{
	expect("#تيليجرام_داون #telegramdown",
	       "#تيليجرام_داون/hashtag #telegramdown/hashtag");
	expect("@durov, @تيليجرام", "@durov/mention ,/punct @تيليجرام/mention");
	expect("# alone", "#/punct alone/latin");
	expect("C# x", "C/latin #/punct x/latin");
}

static void test_urls_emails(void)
{
	expect("https://t.me/durov.", "https://t.me/durov/url ./punct");
	expect("(see www.example.com/a_b?x=1#f)",
	       "(/punct see/latin www.example.com/a_b?x=1#f/url )/punct");
	expect("telegram.org، durov.com", "telegram.org/url ،/punct "
	                                  "durov.com/url");
	expect("https://ar.wikipedia.org/wiki/مصر",
	       "https://ar.wikipedia.org/wiki/مصر/url");
	expect("http://en.wikipedia.org/wiki/Foo_(bar))",
	       "http://en.wikipedia.org/wiki/Foo_(bar)/url )/punct");
	expect("اكتب إلى info@telegram.org.",
	       "اكتب/arabic إلى/arabic info@telegram.org/email ./punct");
	expect("e.g. file.txt", "e.g./latin file/latin ./punct txt/latin");
}

static void test_emoji(void)
{
	/* ZWJ family, flag, skin tone, VS16, keycap */
	expect("👨\xE2\x80\x8D👩\xE2\x80\x8D👧🇪🇬👍🏽❤️1️"
	       "⃣",
	       "👨\xE2\x80\x8D👩\xE2\x80\x8D👧/emoji 🇪🇬/emoji "
	       "👍🏽/emoji "
	       "❤️/emoji 1️⃣/emoji");
	expect("رائع😀😀", "رائع/arabic 😀/emoji 😀/emoji");
	expect("© 2024", "©/symbol 2024/number");
}

/* ------------------------------------------------------------------ */
/* Sentences                                                            */

static void test_sentences(void)
{
	expect_sent("قال. ثم ذهب! هل؟ نعم… حسنا۔ بعد",
	            "0 0 1 1 1 2 2 3 3 4 4 5");
	expect_sent("Dr. Smith met Mr. Jones in the U.S. on Monday.",
	            "0 0 0 0 0 0 0 0 0 0 0");
	expect_sent("J. K. Rowling wrote it. Then", "0 0 0 0 0 0 1");
	expect_sent("It costs 3.5 dollars. See t.me/x.y now.",
	            "0 0 0 0 0 1 1 1 1");
	expect_sent("He said \"go.\" Then", "0 0 0 0 0 0 1");
	expect_sent("قال «انتهى.» ثم", "0 0 0 0 0 1");
	expect_sent("first line\n\nsecond line", "0 0 1 1");
	expect_sent("no end\nsame sentence", "0 0 0 0");
	expect_sent("mail a.b@c.com now. ok", "0 0 0 0 1");
	expect_sent("e.g. this, i.e. that", "0 0 0 0 0");
	/* Arabic abbreviations of single letters: ق.م (BC), ص.ب; their
	 * letters and stops are tokens, the stops end no sentence, a stop
	 * after them does */
	expect_sent("عام 500 ق.م تقريبا. ص.ب 12 ق.م. ثم",
	            "0 0 0 0 0 0 0 1 1 1 1 1 1 1 1 2");
	expect("ق.م", "ق/arabic ./punct م/arabic");
	/* an initial or a one-letter abbreviation (د. for doctor) ends no
	 * sentence; م after a year may */
	expect_sent("قال د. أحمد ز. أمين. ثم", "0 0 0 0 0 0 0 0 1");
	expect_sent("عام 2010 م. ثم", "0 0 0 0 1");
	expect_sent("ص.ب. ثم", "0 0 0 0 1");
}

static void test_sentence_end_flag(void)
{
	list l = { 0 };
	const char *s = "قال. ب";

	CU_ASSERT_EQUAL_FATAL(run(&l, s, strlen(s), 0, 0), AR_OK);
	CU_ASSERT_EQUAL_FATAL(l.n, 3);
	CU_ASSERT_EQUAL(l.r[0].flags & AR_TOKF_SENTENCE_END, 0);
	CU_ASSERT(l.r[1].flags & AR_TOKF_SENTENCE_END);
	CU_ASSERT(l.r[2].flags & AR_TOKF_SENTENCE_END); /* last one */
	free(l.r);
}

/* ------------------------------------------------------------------ */
/* Offsets, losslessness, streaming                                     */

static const char *samples[] = {
	"قال بافل دوروف إن Telegramتيليجرام عاد.\n\nDr. Who? #تيليجرام_داون "
	"https://t.me/durov «نعم» ٣٫١٤ 1,234.5 -12% "
	"👨\xE2\x80\x8D👩\xE2\x80\x8D👧 "
	"🇪🇬 a@b.org\xC2\xA0x\xE2\x80\x83y\r\n",
	"  leading and trailing spaces  ",
	"",
	"\n\n\n",
	"no-space.بعد؟و\xE2\x80\x8Cنعم!!",
	NULL
};

static void test_lossless_samples(void)
{
	size_t k;
	list l = { 0 };

	for (k = 0; samples[k]; k++) {
		size_t len = strlen(samples[k]);
		CU_ASSERT_EQUAL_FATAL(
		        run(&l, samples[k], len, AR_TOK_WHITESPACE, 0), AR_OK);
		CU_ASSERT(lossless(&l, samples[k], len));
	}
	free(l.r);
}

static void test_streaming_every_split(void)
{
	size_t k;

	for (k = 0; samples[k]; k++) {
		const char *s = samples[k];
		size_t len = strlen(s), cut;
		list one = { 0 }, two = { 0 };

		CU_ASSERT_EQUAL_FATAL(run(&one, s, len, AR_TOK_WHITESPACE, 0),
		                      AR_OK);
		/* every single split point, fed as two pieces */
		for (cut = 1; cut < len; cut++) {
			ar_tok_options o = AR_TOK_OPTIONS_INIT;
			ar_tokenizer *t;
			o.flags = AR_TOK_WHITESPACE;
			two.n = 0;
			CU_ASSERT_EQUAL_FATAL(ar_tokenizer_new(&t, &o, NULL),
			                      AR_OK);
			CU_ASSERT_EQUAL(
			        ar_tok_feed(t, s, cut, collect, &two, NULL),
			        AR_OK);
			CU_ASSERT_EQUAL(ar_tok_feed(t, s + cut, len - cut,
			                            collect, &two, NULL),
			                AR_OK);
			CU_ASSERT_EQUAL(ar_tok_finish(t, collect, &two, NULL),
			                AR_OK);
			ar_tokenizer_free(t);
			CU_ASSERT(same(&one, &two));
		}
		/* 1-, 2-, 3- and 7-byte pieces */
		for (cut = 1; cut <= 7; cut++) {
			if (cut > 3 && cut < 7)
				continue;
			CU_ASSERT_EQUAL(
			        run(&two, s, len, AR_TOK_WHITESPACE, cut),
			        AR_OK);
			CU_ASSERT(same(&one, &two));
		}
		free(one.r);
		free(two.r);
	}
}

/* A tiny deterministic generator (no global state). */
static uint32_t rnd(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

static void test_random_input(void)
{
	/* clang-format off */
	static const char *const pieces[] = {
		"ك", "ت", "ا", "ب", "َ", "ـ", "a", "Z", "é", "-", "'", ".",
		"،", "؟", "!", " ", "\n", "\xC2\xA0", "1", "٣", "٫", ",", "%",
		"#", "@", "_", "/", ":", "w", "😀", "\xE2\x80\x8D", "🇪",
		"\xE2\x80\x8C", "«", "»", "\"", "(", ")", "\t", "Я", "ο",
		"\xEF\xB8\x8F", "🏽", "x.com", "http://", "\r\n"
	};
	/* clang-format on */
	const size_t np = sizeof pieces / sizeof pieces[0];
	uint32_t seed = 12345;
	char buf[600];
	int iter;
	list one = { 0 }, two = { 0 };

	for (iter = 0; iter < 300; iter++) {
		size_t len = 0, step;
		while (len < 400) {
			const char *p = pieces[rnd(&seed) % np];
			memcpy(buf + len, p, strlen(p));
			len += strlen(p);
		}
		CU_ASSERT_EQUAL_FATAL(run(&one, buf, len, AR_TOK_WHITESPACE, 0),
		                      AR_OK);
		CU_ASSERT(lossless(&one, buf, len));
		step = 1 + rnd(&seed) % 13;
		CU_ASSERT_EQUAL(run(&two, buf, len, AR_TOK_WHITESPACE, step),
		                AR_OK);
		CU_ASSERT(same(&one, &two));
	}
	free(one.r);
	free(two.r);
}

static void test_long_runs(void)
{
	/* runs beyond the internal limit are cut at the same place however
	 * the input is fed, and memory stays bounded */
	size_t len = 300000, k;
	char *s = malloc(len);
	list one = { 0 }, two = { 0 };

	for (k = 0; k + 2 <= len; k += 2) {
		s[k] = '\xD8';
		s[k + 1] = '\xA8'; /* ب */
	}
	memset(s + 150000, ' ', 100000); /* a long space run too */
	CU_ASSERT_EQUAL_FATAL(run(&one, s, len, AR_TOK_WHITESPACE, 0), AR_OK);
	CU_ASSERT(contiguous(&one, len));
	CU_ASSERT(one.n > 4 && one.n < 20);
	CU_ASSERT_EQUAL(run(&two, s, len, AR_TOK_WHITESPACE, 4093), AR_OK);
	CU_ASSERT(same(&one, &two));
	CU_ASSERT_EQUAL(run(&two, s, len, AR_TOK_WHITESPACE, 1), AR_OK);
	CU_ASSERT(same(&one, &two));
	free(one.r);
	free(two.r);
	free(s);
}

/* Every corpus article: lossless, and the same tokens when fed in 1-,
 * 7- and 4096-byte pieces as at once. */
static void test_corpus(void)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	DIR *d;
	struct dirent *e;
	int files = 0;

	snprintf(path, sizeof path, "%s/corpus", top ? top : ".");
	d = opendir(path);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name), len, k;
		static const size_t steps[] = { 1, 7, 4096 };
		char file[4096 + 512], *buf;
		FILE *fp;
		list one = { 0 }, two = { 0 };

		if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)
			continue;
		snprintf(file, sizeof file, "%s/%s", path, e->d_name);
		fp = fopen(file, "rb");
		CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
		fseek(fp, 0, SEEK_END);
		len = (size_t)ftell(fp);
		rewind(fp);
		buf = malloc(len + 1);
		CU_ASSERT_FATAL(buf && fread(buf, 1, len, fp) == len);
		fclose(fp);
		CU_ASSERT_EQUAL(run(&one, buf, len, AR_TOK_WHITESPACE, 0),
		                AR_OK);
		CU_ASSERT(lossless(&one, buf, len));
		for (k = 0; k < 3; k++) {
			CU_ASSERT_EQUAL(run(&two, buf, len, AR_TOK_WHITESPACE,
			                    steps[k]),
			                AR_OK);
			CU_ASSERT(same(&one, &two));
		}
		free(one.r);
		free(two.r);
		free(buf);
		files++;
	}
	closedir(d);
	CU_ASSERT(files > 0);
}

/* ------------------------------------------------------------------ */
/* Invalid UTF-8, errors, API                                           */

static void test_invalid_utf8(void)
{
	ar_tok_options o = AR_TOK_OPTIONS_INIT;
	ar_tokenizer *t;
	ar_error err;
	list l = { 0 };
	const char *s = "ab\ncd \xFF"
	                "ef";
	size_t len = strlen(s), cut;

	/* the error names line, column and byte, at any split */
	for (cut = 0; cut <= len; cut++) {
		ar_status st;
		memset(&err, 0, sizeof err);
		CU_ASSERT_EQUAL_FATAL(ar_tokenizer_new(&t, &o, NULL), AR_OK);
		st = ar_tok_feed(t, s, cut, collect, &l, &err);
		if (st == AR_OK)
			st = ar_tok_feed(t, s + cut, len - cut, collect, &l,
			                 &err);
		if (st == AR_OK)
			st = ar_tok_finish(t, collect, &l, &err);
		CU_ASSERT_EQUAL(st, AR_EUTF8);
		CU_ASSERT_EQUAL(err.offset, 6);
		CU_ASSERT_EQUAL(err.line, 2);
		CU_ASSERT_EQUAL(err.column, 4);
		ar_tokenizer_free(t);
	}
	/* a truncated character at the end */
	memset(&err, 0, sizeof err);
	CU_ASSERT_EQUAL(run(&l, "ab\xD8", 3, 0, 0), AR_EUTF8);

	/* replace: a U+FFFD symbol with the offsets of the bad bytes */
	o.invalid = AR_INVALID_REPLACE;
	CU_ASSERT_EQUAL_FATAL(ar_tokenizer_new(&t, &o, NULL), AR_OK);
	l.n = 0;
	CU_ASSERT_EQUAL(ar_tok_feed(t, s, len, collect, &l, NULL), AR_OK);
	CU_ASSERT_EQUAL(ar_tok_finish(t, collect, &l, NULL), AR_OK);
	CU_ASSERT_EQUAL_FATAL(l.n, 4);
	CU_ASSERT_STRING_EQUAL(l.r[2].text, "\xEF\xBF\xBD");
	CU_ASSERT_EQUAL(l.r[2].start, 6);
	CU_ASSERT_EQUAL(l.r[2].end, 7);
	CU_ASSERT_STRING_EQUAL(l.r[3].text, "ef");
	ar_tokenizer_free(t);

	/* keep: the bytes pass through and the output is lossless */
	o.invalid = AR_INVALID_KEEP;
	o.flags = AR_TOK_WHITESPACE;
	CU_ASSERT_EQUAL_FATAL(ar_tokenizer_new(&t, &o, NULL), AR_OK);
	l.n = 0;
	CU_ASSERT_EQUAL(ar_tok_feed(t, "x\xE0\x80y\xD8", 5, collect, &l, NULL),
	                AR_OK);
	CU_ASSERT_EQUAL(ar_tok_finish(t, collect, &l, NULL), AR_OK);
	CU_ASSERT(lossless(&l, "x\xE0\x80y\xD8", 5));
	ar_tokenizer_free(t);
	free(l.r);
}

/* Tokenize with an invalid-UTF-8 mode, in pieces of `step` bytes (0: at
 * once). */
static ar_status run_mode(list *l, const char *s, size_t len,
                          ar_invalid_mode mode, size_t step)
{
	ar_tok_options o = AR_TOK_OPTIONS_INIT;
	ar_tokenizer *t;
	ar_status st = AR_OK;
	size_t i;

	o.flags = AR_TOK_WHITESPACE;
	o.invalid = mode;
	l->n = 0;
	if (ar_tokenizer_new(&t, &o, NULL) != AR_OK)
		return AR_ENOMEM;
	if (step == 0)
		step = len ? len : 1;
	for (i = 0; i < len && st == AR_OK; i += step)
		st = ar_tok_feed(t, s + i, len - i < step ? len - i : step,
		                 collect, l, NULL);
	if (st == AR_OK)
		st = ar_tok_finish(t, collect, l, NULL);
	ar_tokenizer_free(t);
	return st;
}

/*
 * The byte-level fast paths (Arabic letters and harakat eight at a time,
 * the fast lane for plain words between single spaces) against the
 * general path.  A word of k letters (k around the 8- and 16-byte blocks)
 * is followed by a character that must end it: an Arabic-Indic digit
 * (D9 A0), the question mark ؟ (D8 9F), tatweel and a mark (which do
 * not), tatweels alone (a dash: a token of their own), ill-formed bytes
 * next to the letters.  Fed at once, the fast
 * paths run; fed a byte at a time, they cannot.
 */
/* Tatweels after the word: a dash, not in the word, but kept by a
 * proclitic (بـ, k = 1). */
#define DASH ((size_t)-1)

static size_t in_word(const char *end, size_t n, size_t k)
{
	if (n != DASH)
		return n;
	return k == 1 ? strlen(end) : 0;
}

static void test_fast_paths(void)
{
	/* what follows the letters, and how many of its bytes the word
	 * takes */
	/* clang-format off */
	static const struct {
		const char *s;
		size_t in_word;
	} ends[] = {
		{ "\xD9\xA0", 0 }, { "\xD8\x9F", 0 }, { "\xD8\x8C", 0 },
		{ "\xD9\x80\xD9\x8E", 4 }, { "\xD9\x80", DASH },
		{ "\xD9\x80\xD9\x80", DASH }, { "\xD8", 0 }, { "\xD8 ", 0 },
		{ "\xD9\xC0", 0 }, { "\xD9\x7F", 0 }, { "\x80", 0 },
		{ "\xDA\x86", 2 }, { "\xC2\xA0", 0 }, { "a", 0 }, { " ", 0 },
		{ "  ", 0 }, { "\n", 0 }, { ". ", 0 }, { "\xE2\x80\x8C", 0 },
		{ "\xD8\xA7\xD9", 2 }, { "\xD8\xBF\xD9\x9F\xD9\xA0", 4 },
		{ "\xED\xA0\x80", 0 }, { "\xD8\xA8\xD8\xA8\xD8", 4 },
		/* punctuation marks, then one space or line feed */
		{ ".", 0 }, { ",", 0 }, { ":", 0 }, { ";", 0 }, { ")", 0 },
		{ "!", 0 }, { "?", 0 }, { "\xD8\x9B", 0 }, { "..", 0 },
		{ ".)", 0 }, { "\xD8\x9F!", 0 }, { "\n\xD8\xA8", 0 },
		{ ".\n\xD8\xA8", 0 }, { "\xD8\x9F\n\xD8\xA8", 0 },
		{ ")\n\n\xD8\xA8", 0 }, { ".\r\n\xD8\xA8", 0 },
		{ ".\xC2\xA0", 0 }, { ",\xD9\x8E", 0 }, { ".a", 0 }
	};
	/* clang-format on */
	static const ar_invalid_mode modes[] = { AR_INVALID_REPLACE,
		                                 AR_INVALID_KEEP };
	char buf[256];
	list one = { 0 }, two = { 0 };
	size_t k, e, pad, m, j;

	for (k = 1; k <= 40; k++) {
		for (e = 0; e < sizeof ends / sizeof ends[0]; e++) {
			for (pad = 0; pad < 2; pad++) {
				size_t len = 0;
				if (pad)
					buf[len++] = ' ';
				for (j = 0; j < k; j++) {
					memcpy(buf + len, "\xD8\xA8",
					       2); /* ب */
					len += 2;
				}
				memcpy(buf + len, ends[e].s, strlen(ends[e].s));
				len += strlen(ends[e].s);
				memcpy(buf + len, " \xD9\x83\xD8\xAA\xD8\xA8 x",
				       9);
				len += 9;
				for (m = 0; m < 2; m++) {
					size_t w = 0;
					CU_ASSERT_EQUAL_FATAL(
					        run_mode(&one, buf, len,
					                 modes[m], 0),
					        AR_OK);
					CU_ASSERT_EQUAL_FATAL(
					        run_mode(&two, buf, len,
					                 modes[m], 1),
					        AR_OK);
					CU_ASSERT(same(&one, &two));
					CU_ASSERT(modes[m] ==
					                  AR_INVALID_REPLACE ||
					          lossless(&one, buf, len));
					/* the word: the k letters and what of
					 * the end belongs to it */
					if (pad)
						w = 1;
					CU_ASSERT_FATAL(one.n > w);
					CU_ASSERT_EQUAL(one.r[w].type,
					                AR_TOKEN_ARABIC);
					CU_ASSERT_EQUAL(one.r[w].start, pad);
					CU_ASSERT_EQUAL(
					        one.r[w].end,
					        pad + 2 * k +
					                in_word(ends[e].s,
					                        ends[e].in_word,
					                        k));
				}
			}
		}
	}
	free(one.r);
	free(two.r);
}

/* The fast lane for ASCII words, numbers and lone punctuation marks:
 * each lead, then each separator, then a word, fed at once and a byte at
 * a time. */
static void test_fast_lane_ascii(void)
{
	static const char *const leads[] = {
		"abc",       "Z",          "2024",       "(",
		")",         "-",          ".",          "!",
		"?",         "\"",         "'",          "/",
		"\xD8\x9F",  "\xD8\x8C",   "x1",         "1x",
		"a'b",       "Dr",         "U",          "e.g",
		"#",         "@a",         "a@b.com",    "x.com",
		"12:30",     "3",          "-3",         "Al",
		"\xD8\xA8)", "\xD8\xA8(",  "\xD8\xA8\"", "\xD8\xA8-",
		"\xD8\xA8/", "caf\xC3\xA9"
	};
	static const char *const seps[] = { " ",    "\n", "  ", " \n",
		                            "\r\n", ". ", ", ", "\xC2\xA0" };
	static const char *const afters[] = { "\xD9\x83\xD8\xAA\xD8\xA8 x",
		                              "the end",
		                              "5 x",
		                              "( x",
		                              ". x",
		                              "\" x" };
	char buf[128];
	list one = { 0 }, two = { 0 };
	size_t a, b, c, r;

	for (a = 0; a < sizeof leads / sizeof leads[0]; a++)
		for (b = 0; b < sizeof seps / sizeof seps[0]; b++)
			for (c = 0; c < sizeof afters / sizeof afters[0]; c++)
				for (r = 1; r <= 3; r++) {
					size_t len = 0, k;
					/* the lead r times, then the rest */
					for (k = 0; k < r; k++) {
						len += (size_t)sprintf(
						        buf + len, "%s%s",
						        leads[a], seps[b]);
					}
					len += (size_t)sprintf(buf + len, "%s",
					                       afters[c]);
					CU_ASSERT_EQUAL_FATAL(
					        run_mode(&one, buf, len,
					                 AR_INVALID_ERROR, 0),
					        AR_OK);
					CU_ASSERT_EQUAL_FATAL(
					        run_mode(&two, buf, len,
					                 AR_INVALID_ERROR, 1),
					        AR_OK);
					CU_ASSERT(same(&one, &two));
					CU_ASSERT(lossless(&one, buf, len));
				}
	free(one.r);
	free(two.r);
}

/* Random text of pieces that start, end or break the fast lane (plain
 * words, numbers, marks, single and double spaces, line ends, ill-formed
 * bytes), fed at once and in random pieces, with invalid bytes replaced
 * and kept. */
static void test_random_lanes(void)
{
	/* clang-format off */
	static const char *const pieces[] = {
		"\xD9\x83", "\xD8\xAA", "\xD8\xA7", "\xD8\xA8",
		"\xD8\xA7\xD9\x84", "\xD9\x8E", "\xD9\x80", "a", "Z", "abc",
		"\xC3\xA9", "-", "'", ".", "\xD8\x8C", "\xD8\x9B", "\xD8\x9F",
		"!", "?", " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\xC2\xA0",
		"1", "23", "\xD9\xA3", ",", "%", "#", "@", "_", "/", ":", ";",
		"(", ")", "\"", "\t", "x.com", "\xFF", "\xD8", "\xD9\xC0",
		"\x80", "\xDA\x86", "Dr", "U.S.", "{", "]", "\xE2\x80\x8C"
	};
	/* clang-format on */
	const size_t np = sizeof pieces / sizeof pieces[0];
	uint32_t seed = 2024;
	char buf[700];
	list one = { 0 }, two = { 0 };
	int iter;

	for (iter = 0; iter < 400; iter++) {
		size_t len = 0, step;
		ar_invalid_mode m =
		        iter % 2 ? AR_INVALID_KEEP : AR_INVALID_REPLACE;
		while (len < 500) {
			const char *p = pieces[rnd(&seed) % np];
			memcpy(buf + len, p, strlen(p));
			len += strlen(p);
		}
		step = 1 + rnd(&seed) % 17;
		CU_ASSERT_EQUAL_FATAL(run_mode(&one, buf, len, m, 0), AR_OK);
		CU_ASSERT_EQUAL_FATAL(run_mode(&two, buf, len, m, step), AR_OK);
		CU_ASSERT(same(&one, &two));
		if (m == AR_INVALID_KEEP)
			CU_ASSERT(lossless(&one, buf, len));
	}
	free(one.r);
	free(two.r);
}

/* With AR_TOK_NORMALIZE, tokens show the normalized text and offsets the
 * original bytes, at any split of the input. */
static void test_normalize_offsets(void)
{
	/* tatweel, a bidi mark, a presentation-form lam-alef, hamzated alef */
	const char *s = "تـــم   إيقاف\xD9\x80 Telegram\xE2\x80\x8F ﻻ بأس.";
	size_t len = strlen(s), cut;
	ar_tok_options o = AR_TOK_OPTIONS_INIT;
	ar_tokenizer *t;
	list one = { 0 }, two = { 0 };

	o.flags = AR_TOK_NORMALIZE;
	CU_ASSERT_EQUAL_FATAL(ar_norm_profile(&o.norm_flags, "search"), AR_OK);
	CU_ASSERT_EQUAL_FATAL(ar_tokenizer_new(&t, &o, NULL), AR_OK);
	CU_ASSERT_EQUAL(ar_tok_feed(t, s, len, collect, &one, NULL), AR_OK);
	CU_ASSERT_EQUAL(ar_tok_finish(t, collect, &one, NULL), AR_OK);
	CU_ASSERT_EQUAL_FATAL(one.n, 6);
	CU_ASSERT_STRING_EQUAL(one.r[0].text, "تم");
	CU_ASSERT_EQUAL(one.r[0].start, 0);
	CU_ASSERT_EQUAL(one.r[0].end, 10); /* the tatweel included */
	CU_ASSERT_STRING_EQUAL(one.r[1].text, "ايقاف");
	CU_ASSERT_EQUAL(one.r[1].start, 13);
	CU_ASSERT_EQUAL(one.r[1].end, 23);
	CU_ASSERT_STRING_EQUAL(one.r[2].text, "Telegram");
	CU_ASSERT_EQUAL(one.r[2].start, 26);
	CU_ASSERT_EQUAL(one.r[2].end, 34);
	CU_ASSERT_STRING_EQUAL(one.r[3].text, "لا");
	CU_ASSERT_EQUAL(one.r[3].start, 38); /* U+FEFB, 3 bytes */
	CU_ASSERT_EQUAL(one.r[3].end, 41);
	CU_ASSERT_STRING_EQUAL(one.r[4].text, "باس");
	CU_ASSERT_EQUAL(one.r[4].start, 42);
	CU_ASSERT_EQUAL(one.r[4].end, 48);
	CU_ASSERT_EQUAL(one.r[5].start, 48);
	CU_ASSERT(one.r[5].flags & AR_TOKF_SENTENCE_END);
	/* every split point gives the same tokens */
	for (cut = 1; cut < len; cut++) {
		two.n = 0;
		CU_ASSERT_EQUAL(ar_tok_feed(t, s, cut, collect, &two, NULL),
		                AR_OK);
		CU_ASSERT_EQUAL(
		        ar_tok_feed(t, s + cut, len - cut, collect, &two, NULL),
		        AR_OK);
		CU_ASSERT_EQUAL(ar_tok_finish(t, collect, &two, NULL), AR_OK);
		CU_ASSERT(same(&one, &two));
	}
	ar_tokenizer_free(t);
	free(one.r);
	free(two.r);
}

static int stop_at_second(const ar_token *t, void *payload)
{
	int *n = payload;
	(void)t;
	return ++*n >= 2;
}

static void test_api(void)
{
	ar_tok_options o = AR_TOK_OPTIONS_INIT;
	ar_tokenizer *t;
	int n = 0;

	CU_ASSERT_EQUAL(ar_tokenizer_new(NULL, NULL, NULL), AR_EINVAL);
	o.version = 99;
	CU_ASSERT_EQUAL(ar_tokenizer_new(&t, &o, NULL), AR_EINVAL);
	CU_ASSERT_PTR_NULL(t);
	ar_tokenizer_free(NULL);
	CU_ASSERT_EQUAL_FATAL(ar_tokenizer_new(&t, NULL, NULL), AR_OK);
	CU_ASSERT_EQUAL(ar_tok_feed(t, NULL, 3, stop_at_second, &n, NULL),
	                AR_EINVAL);
	CU_ASSERT_EQUAL(ar_tok_feed(t, "a b c d ", 8, stop_at_second, &n, NULL),
	                AR_EUSER);
	CU_ASSERT_EQUAL(n, 2);
	/* after a reset the handle works again */
	ar_tok_reset(t);
	n = -10;
	CU_ASSERT_EQUAL(ar_tok_feed(t, "a b", 3, stop_at_second, &n, NULL),
	                AR_OK);
	CU_ASSERT_EQUAL(ar_tok_finish(t, stop_at_second, &n, NULL), AR_OK);
	CU_ASSERT_EQUAL(n, -8);
	ar_tokenizer_free(t);
}

/* ------------------------------------------------------------------ */
/* Clitic segmentation (needs the hunspell Arabic dictionary)           */

static void expect_seg(unsigned flags, const char *s, const char *want)
{
	list l = { 0 };
	char got[2048];
	size_t k, o = 0, j;

	CU_ASSERT_EQUAL_FATAL(run(&l, s, strlen(s), flags, 0), AR_OK);
	got[0] = '\0';
	for (k = 0; k < l.n; k++) {
		const rec *r = &l.r[k];
		o += (size_t)snprintf(got + o, sizeof got - o, "%s%s",
		                      k ? " | " : "",
		                      r->nseg ? r->segs : r->text);
		/* segments tile their token's bytes */
		if (r->nseg) {
			CU_ASSERT_EQUAL(r->seg_start[0], r->start);
			CU_ASSERT_EQUAL(r->seg_end[r->nseg - 1], r->end);
			for (j = 1; j < r->nseg; j++)
				CU_ASSERT_EQUAL(r->seg_start[j],
				                r->seg_end[j - 1]);
		}
	}
	if (strcmp(got, want) != 0)
		fprintf(stderr, "\n  input: %s\n  want:  %s\n  got:   %s\n", s,
		        want, got);
	CU_ASSERT_STRING_EQUAL(got, want);
	free(l.r);
}

static void test_seg_not_split(void)
{
	/* words whose first or last letters look like clitics */
	expect_seg(AR_TOK_SEGMENT, "وزير كتاب كانت وصلت لكن فقط",
	           "وزير | كتاب | كانت | وصلت | لكن | فقط");
	/* a dual of a noun in ة; a name that ك+word would not explain */
	expect_seg(AR_TOK_SEGMENT, "وزارتا كنعان", "وزارتا | كنعان");
	/* names of the built-in gazetteer keep their first letter, and
	 * are words after a clitic */
	expect_seg(AR_TOK_SEGMENT, "بوتين لندن بافل وأمازون لأوباما",
	           "بوتين | لندن | بافل | و+ أمازون | ل+ أوباما");
	/* a common word behind a proclitic is split even where the
	 * gazetteer has it inside a longer name (المركز العربي للأبحاث
	 * ودراسة السياسات) */
	expect_seg(AR_TOK_SEGMENT, "ودراسة", "و+ دراسة");
	/* ... or with the article (الوكالة الدولية للطاقة الذرية) */
	expect_seg(AR_TOK_SEGMENT_UD, "للطاقة والتنمية لكرة",
	           "ل+ لطاقة | و+ التنمية | ل+ كرة");
	/* ... but not where the corpus has the rest only a few times:
	 * the surnames of مورغان فريمان and ستيف بالمر stay whole */
	expect_seg(AR_TOK_SEGMENT, "فريمان بالمر", "فريمان | بالمر");
	/* an attested word (a name of real text) keeps its first letter
	 * when its rest is a word only by hunspell's affixes (ب + لانت);
	 * not before a hamza on alef, nor after لل */
	expect_seg(AR_TOK_SEGMENT, "بلانت ويلسون وإيزابيلا لليونسكو",
	           "بلانت | ويلسون | و+ إيزابيلا | ل+ ل+ يونسكو");
	/* the dictionary lists فعل as ف + عل (لعل); the corpus counts the
	 * whole far more often than its rest */
	expect_seg(AR_TOK_SEGMENT, "فعل فعلا وفعل", "فعل | فعلا | و+ فعل");
	/* a conjunction never follows a preposition: ب + و + يكتب is no
	 * reading, ب + وزير is */
	expect_seg(AR_TOK_SEGMENT, "بويكتب بوزير", "بويكتب | ب+ وزير");
	/* the future س only before a verb the corpus has: not a name
	 * whose rest the dictionary reads as a verb; a headword of two
	 * letters plus an ending is no word of its own (سي + تم) */
	expect_seg(AR_TOK_SEGMENT, "سيذهب سيغمان سيتراك سيتم",
	           "س+ يذهب | سيغمان | سيتراك | س+ يتم");
	/* a headword whose rest the corpus counts far more often is a
	 * proclitic and that rest (و + ساعة); not كيفي, after the rare
	 * ك */
	expect_seg(AR_TOK_SEGMENT, "وساعة وزير فكرة كيفي",
	           "و+ ساعة | وزير | فكرة | كيفي");
	/* a name takes no pronoun: سوزانا is not سوزا + نا */
	expect_seg(AR_TOK_SEGMENT, "سوزانا كتابنا", "سوزانا | كتاب +نا");
	/* non-Arabic tokens are never segmented */
	expect_seg(AR_TOK_SEGMENT, "Telegram 2024 #وبالكتاب",
	           "Telegram | 2024 | #وبالكتاب");
}

static void test_seg_proclitics(void)
{
	expect_seg(AR_TOK_SEGMENT, "وبالكتاب فللسلطة والولايات سيكون لتتبع",
	           "و+ ب+ ال+ كتاب | ف+ ل+ ل+ سلطة | و+ ال+ ولايات | "
	           "س+ يكون | ل+ تتبع");
	/* Universal Dependencies keep the article on its noun */
	expect_seg(AR_TOK_SEGMENT_UD, "وبالكتاب فللسلطة والولايات",
	           "و+ ب+ الكتاب | ف+ ل+ لسلطة | و+ الولايات");
}

static void test_seg_enclitics(void)
{
	expect_seg(AR_TOK_SEGMENT, "كتابهم حكومته نشرتها أعدائه",
	           "كتاب +هم | حكومت +ه | نشرت +ها | أعدائ +ه");
	/* closed-class hosts */
	expect_seg(AR_TOK_SEGMENT, "عليه منها له وأنه لذلك وما فإن",
	           "علي +ه | من +ها | ل+ +ه | و+ أن +ه | ل+ ذلك | و+ ما | "
	           "ف+ إن");
	/* prepositions joined to a noun, listed among the dictionary's
	 * function words; primitive prepositions stay whole */
	expect_seg(AR_TOK_SEGMENT_UD, "بحسب بغير لأكثر بعد بين لدى",
	           "ب+ حسب | ب+ غير | ل+ أكثر | بعد | بين | لدى");
	/* ب with a pronoun of one letter (not بي, as in بي بي سي), and
	 * closed-class words written as one: ل + أن, أن + لا, من + من;
	 * ألاسكا is no compound */
	expect_seg(AR_TOK_SEGMENT, "به بك بي لأن ولأنه ألا ممن ألاسكا",
	           "ب+ +ه | ب+ +ك | بي | ل+ أن | و+ ل+ أن +ه | أ+ لا | م+ من | "
	           "ألاسكا");
	/* the dictionary lists some words with a pronoun among its
	 * function words: their host is a headword of three letters or
	 * more (not شب of شبه) */
	expect_seg(AR_TOK_SEGMENT, "أنفسهم أخوه شبه",
	           "أنفس +هم | أخو +ه | شبه");
	/* the second-person كم after a host the corpus has more often
	 * than the whole; not the كم that ends حكم or يحاكم */
	expect_seg(AR_TOK_SEGMENT, "وطنكم كتابكم بحكم ليحاكم",
	           "وطن +كم | كتاب +كم | ب+ حكم | ل+ يحاكم");
	/* ك and ي, which end many words (بنك, سلوك, عربي, تاريخي), after
	 * a host the corpus counts ten times as often as the whole; not on
	 * a name (أوبك) */
	expect_seg(AR_TOK_SEGMENT,
	           "حقك يمكنك دراساتي بنك سلوك عربي تاريخي أوبك",
	           "حق +ك | يمكن +ك | دراسات +ي | بنك | سلوك | عربي | "
	           "تاريخي | أوبك");
	/* function words written without their hamza: after و and ف,
	 * and as hosts of a pronoun; not after a preposition (بالى) */
	expect_seg(AR_TOK_SEGMENT, "فاذا اليها امامهم بالى",
	           "ف+ اذا | الي +ها | امام +هم | بالى");
	/* أن written without hamza takes a pronoun too */
	expect_seg(AR_TOK_SEGMENT, "اننا وانها", "ان +نا | و+ ان +ها");
	/* a definite noun takes no pronoun: the nisba ending stays */
	expect_seg(AR_TOK_SEGMENT_UD, "الرقمي", "الرقمي");
}

static void test_seg_offsets_marks(void)
{
	list l = { 0 };
	/* with diacritics: each mark stays with its letter's segment */
	const char *s = "وَبِالكِتَابِ";

	CU_ASSERT_EQUAL_FATAL(run(&l, s, strlen(s), AR_TOK_SEGMENT, 0), AR_OK);
	CU_ASSERT_EQUAL_FATAL(l.n, 1);
	CU_ASSERT_STRING_EQUAL(l.r[0].segs, "وَ+ بِ+ ال+ كِتَابِ");
	CU_ASSERT_EQUAL(l.r[0].seg_start[0], 0);
	CU_ASSERT_EQUAL(l.r[0].seg_end[0], 4);
	CU_ASSERT_EQUAL(l.r[0].seg_end[3], strlen(s));
	free(l.r);
}

static int seg_form_check(const ar_token *t, void *payload)
{
	int *ok = payload;

	if (t->nsegments == 3 && t->segments[1].len == 2 &&
	    t->segments[1].form_len == 4 &&
	    memcmp(t->segments[1].form, "ال", 4) == 0 &&
	    t->segments[0].kind == -1 && t->segments[2].kind == 0)
		*ok = 1;
	return 0;
}

static void test_seg_forms_and_memo(void)
{
	ar_tok_options o = AR_TOK_OPTIONS_INIT;
	ar_tokenizer *t;
	int ok = 0;
	list a = { 0 }, b = { 0 };
	const char *s = "للسلطة وزير للسلطة وبالكتاب وزير وبالكتاب";

	o.flags = AR_TOK_SEGMENT;
	CU_ASSERT_EQUAL_FATAL(ar_tokenizer_new(&t, &o, NULL), AR_OK);
	CU_ASSERT_EQUAL(ar_tok_feed(t, "للسلطة", strlen("للسلطة"),
	                            seg_form_check, &ok, NULL),
	                AR_OK);
	CU_ASSERT_EQUAL(ar_tok_finish(t, seg_form_check, &ok, NULL), AR_OK);
	CU_ASSERT(ok); /* ل+ال written لل: the second ل has the form ال */
	ar_tokenizer_free(t);
	/* memoized words give the same answer, at any split */
	CU_ASSERT_EQUAL(run(&a, s, strlen(s), AR_TOK_SEGMENT, 0), AR_OK);
	CU_ASSERT_EQUAL(run(&b, s, strlen(s), AR_TOK_SEGMENT, 1), AR_OK);
	CU_ASSERT(same(&a, &b));
	CU_ASSERT_EQUAL_FATAL(a.n, 6);
	CU_ASSERT_STRING_EQUAL(a.r[0].segs, a.r[2].segs);
	CU_ASSERT_STRING_EQUAL(a.r[3].segs, a.r[5].segs);
	CU_ASSERT_EQUAL(a.r[1].nseg, 0);
	free(a.r);
	free(b.r);
}

/* Segmented words taken by the fast lane (the text fed at once) and by
 * the general path (a byte at a time): same tokens, segments and segment
 * offsets, in both conventions. */
static void test_seg_fast_lane(void)
{
	static const char *const text =
	        "\xD9\x88\xD8\xA8\xD8\xA7\xD9\x84\xD9\x83\xD8\xAA"
	        "\xD8\xA7\xD8\xA8 \xD9\x84\xD9\x84\xD8\xB3\xD9\x84"
	        "\xD8\xB7\xD8\xA9\xD8\x8C \xD9\x83\xD8\xAA\xD8\xA7"
	        "\xD8\xA8\xD9\x87\xD9\x85.\n\xD9\x88\xD8\xB2\xD9\x8A"
	        "\xD8\xB1 \xD9\x81\xD8\xB3\xD9\x8A\xD9\x83\xD8\xAA"
	        "\xD8\xA8\xD9\x88\xD9\x86\xD9\x87\xD8\xA7\xD8\x9F "
	        "( \xD9\x88\xD9\x84\xD9\x87 ) abc 12 "
	        "\xD9\x88\xD8\xA8\xD8\xA7\xD9\x84\xD9\x83\xD8\xAA"
	        "\xD8\xA7\xD8\xA8 x";
	static const unsigned flags[] = {
		AR_TOK_SEGMENT, AR_TOK_SEGMENT_UD | AR_TOK_WHITESPACE
	};
	list a = { 0 }, b = { 0 };
	size_t f, k, j, nseg = 0;

	for (f = 0; f < 2; f++) {
		CU_ASSERT_EQUAL_FATAL(run(&a, text, strlen(text), flags[f], 0),
		                      AR_OK);
		CU_ASSERT_EQUAL_FATAL(run(&b, text, strlen(text), flags[f], 1),
		                      AR_OK);
		CU_ASSERT(same(&a, &b));
		CU_ASSERT_FATAL(a.n == b.n);
		for (k = 0; k < a.n; k++) {
			CU_ASSERT_EQUAL(a.r[k].nseg, b.r[k].nseg);
			for (j = 0; j < a.r[k].nseg && j < 8; j++) {
				CU_ASSERT_EQUAL(a.r[k].seg_start[j],
				                b.r[k].seg_start[j]);
				CU_ASSERT_EQUAL(a.r[k].seg_end[j],
				                b.r[k].seg_end[j]);
			}
			nseg += a.r[k].nseg;
		}
	}
	CU_ASSERT(nseg >= 8); /* the split words were split */
	free(a.r);
	free(b.r);
}

static void test_seg_missing_dictionary(void)
{
	ar_tok_options o = AR_TOK_OPTIONS_INIT;
	ar_lexicon_options lo = AR_LEXICON_OPTIONS_INIT;
	ar_lexicon *lex;
	ar_tokenizer *t;
	ar_error err;

	/* a dictionary that is nowhere: the message names its package */
	memset(&err, 0, sizeof err);
	lo.dictionaries = "xx_NOWHERE";
	CU_ASSERT_EQUAL(ar_lexicon_new(&lex, &lo, &err), AR_EDICT);
	CU_ASSERT_PTR_NULL(lex);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "hunspell-xx-nowhere"));

	/* a lexicon without an Arabic dictionary cannot segment */
	memset(&err, 0, sizeof err);
	lo.dictionaries = "en_US";
	if (ar_lexicon_new(&lex, &lo, NULL) != AR_OK)
		return; /* hunspell-en-us is not installed */
	o.flags = AR_TOK_SEGMENT;
	o.lexicon = lex;
	CU_ASSERT_EQUAL(ar_tokenizer_new(&t, &o, &err), AR_EDICT);
	CU_ASSERT_PTR_NULL(t);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "hunspell-ar"));
	ar_lexicon_free(lex);
}

static const unit_test tok_seg[] = {
	{ "tok/seg/not_split", test_seg_not_split },
	{ "tok/seg/proclitics", test_seg_proclitics },
	{ "tok/seg/enclitics", test_seg_enclitics },
	{ "tok/seg/offsets_marks", test_seg_offsets_marks },
	{ "tok/seg/forms_memo", test_seg_forms_and_memo },
	{ "tok/seg/fast_lane", test_seg_fast_lane },
	{ "tok/seg/missing_dictionary", test_seg_missing_dictionary },
	{ NULL, NULL }
};

static const unit_test tok_words[] = {
	{ "tok/words/script_change", test_words_script_change },
	{ "tok/words/arabic_marks", test_words_arabic_marks },
	{ "tok/words/apostrophe_hyphen", test_words_apostrophe_hyphen },
	{ "tok/words/scripts", test_scripts },
	{ "tok/numbers", test_numbers },
	{ "tok/punct", test_punct },
	{ "tok/hashtags_mentions", test_hashtags_mentions },
	{ "tok/urls_emails", test_urls_emails },
	{ "tok/emoji", test_emoji },
	{ NULL, NULL }
};

static const unit_test tok_sentences[] = {
	{ "tok/sentences/split", test_sentences },
	{ "tok/sentences/end_flag", test_sentence_end_flag },
	{ NULL, NULL }
};

static const unit_test tok_stream[] = {
	{ "tok/stream/lossless", test_lossless_samples },
	{ "tok/stream/every_split", test_streaming_every_split },
	{ "tok/stream/random", test_random_input },
	{ "tok/stream/long_runs", test_long_runs },
	{ "tok/stream/corpus", test_corpus },
	{ "tok/stream/invalid_utf8", test_invalid_utf8 },
	{ "tok/stream/fast_paths", test_fast_paths },
	{ "tok/stream/fast_lane_ascii", test_fast_lane_ascii },
	{ "tok/stream/random_lanes", test_random_lanes },
	{ "tok/stream/normalize_offsets", test_normalize_offsets },
	{ "tok/api", test_api },
	{ NULL, NULL }
};

/* Is the Arabic dictionary installed where the tokenizer looks? */
static int have_dictionary(void)
{
	ar_tok_options o = AR_TOK_OPTIONS_INIT;
	ar_tokenizer *t;

	o.flags = AR_TOK_SEGMENT;
	if (ar_tokenizer_new(&t, &o, NULL) != AR_OK)
		return 0;
	ar_tokenizer_free(t);
	return 1;
}

int main(void)
{
	static const unit_suite all[] = { { "tok_words", tok_words },
		                          { "tok_sentences", tok_sentences },
		                          { "tok_stream", tok_stream },
		                          { "tok_seg", tok_seg },
		                          { NULL, NULL } };
	static const unit_suite no_dict[] = { { "tok_words", tok_words },
		                              { "tok_sentences",
		                                tok_sentences },
		                              { "tok_stream", tok_stream },
		                              { NULL, NULL } };
	int rc;

	if (have_dictionary())
		return unit_main(all);
	/* the segmentation tests need hunspell-ar (CI installs it) */
	fprintf(stderr, "test_tok: no Arabic hunspell dictionary "
	                "(package hunspell-ar): segmentation tests skipped\n");
	rc = unit_main(no_dict);
	return rc == 0 ? 77 : rc;
}
