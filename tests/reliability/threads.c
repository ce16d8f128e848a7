/*
 * tests/reliability/threads.c - many threads opening, using and freeing
 * normalizers, segmenting tokenizers and spellers at once; each result
 * must equal the single-threaded run's.  "make check-tsan" builds it with
 * ThreadSanitizer, which reports any data race (the library's hunspell
 * lock covers hunspell's shared case table; everything else is per
 * handle).
 *
 * Usage: threads [THREADS [ROUNDS]]   (default 8 threads, 2 rounds)
 * Exit status: 0 ok, 1 a result differed or a call failed, 77 the
 * dictionaries are missing, 99 harness error.
 */
#include <arabic.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *text;
static size_t text_len;

typedef struct out {
	char *b;
	size_t n, cap;
} out;

static void out_add(out *o, const char *fmt, ...)
{
	va_list ap;
	int k;
	for (;;) {
		va_start(ap, fmt);
		k = vsnprintf(o->b + o->n, o->cap - o->n, fmt, ap);
		va_end(ap);
		if (k >= 0 && (size_t)k < o->cap - o->n)
			break;
		o->cap = o->cap * 2 + (size_t)k + 64;
		o->b = realloc(o->b, o->cap);
		if (!o->b)
			abort();
	}
	o->n += (size_t)k;
}

static int tok_sink(const ar_token *t, void *payload)
{
	size_t i;
	out_add(payload, "%d %llu-%llu %.*s", (int)t->type,
	        (unsigned long long)t->start, (unsigned long long)t->end,
	        (int)t->len, t->text);
	for (i = 0; i < t->nsegments; i++)
		out_add(payload, " [%d %.*s]", t->segments[i].kind,
		        (int)t->segments[i].form_len, t->segments[i].form);
	out_add(payload, "\n");
	return 0;
}

/*
 * The findings: kind, place and word, and the suggestions of the name
 * typos, which the library computes itself.  Not hunspell's suggestions
 * for unknown words: hunspell bounds some of its suggestion searches (the
 * two-word splits, the n-gram search) by the CPU time of the whole process
 * (clock()), which runs several times faster while several threads are
 * busy, so its list depends on the load of the other threads and differs
 * from the single-threaded run's with no race involved.
 */
static void findings_out(out *o, const ar_spell_findings *fs)
{
	size_t i, j;
	for (i = 0; i < ar_spell_findings_count(fs); i++) {
		const ar_finding *f = ar_spell_findings_get(fs, i);
		out_add(o, "%d %llu-%llu %.*s", (int)f->kind,
		        (unsigned long long)f->start,
		        (unsigned long long)f->end, (int)f->len, f->word);
		for (j = 0;
		     f->kind != AR_FINDING_UNKNOWN && j < f->nsuggestions; j++)
			out_add(o, " |%s", f->suggestions[j]);
		out_add(o, "\n");
	}
}

/* An unknown word of each script, so that hunspell's handles are made
 * (for suggestions) and freed in every thread. */
static const char *const words[] = { "Telegerm", "Xyzzyqq", "بالتطبيقاتت" };

/* One round: each stage opened, used on the text and freed.  Returns 0,
 * or -1 when a call fails. */
static int round_(out *o)
{
	ar_normalizer *n = NULL;
	ar_tokenizer *t = NULL;
	ar_speller *sp = NULL;
	ar_norm_options no = AR_NORM_OPTIONS_INIT;
	ar_tok_options to = AR_TOK_OPTIONS_INIT;
	ar_buf b = AR_BUF_INIT;
	ar_spell_findings *fs = NULL;
	size_t i;
	int st;

	no.flags = AR_NORM_PROFILE_SEARCH;
	if (ar_normalizer_new(&n, &no) != AR_OK ||
	    ar_norm_buffer(&b, NULL, n, text, text_len, NULL) != AR_OK)
		goto fail;
	out_add(o, "%.*s\n", (int)b.size, b.ptr);
	ar_buf_dispose(&b);
	ar_normalizer_free(n);
	n = NULL;

	to.flags = AR_TOK_SEGMENT | AR_TOK_NORMALIZE;
	to.norm_flags = AR_NORM_PROFILE_CLEAN;
	if (ar_tokenizer_new(&t, &to, NULL) != AR_OK ||
	    ar_tok_feed(t, text, text_len, tok_sink, o, NULL) != AR_OK ||
	    ar_tok_finish(t, tok_sink, o, NULL) != AR_OK)
		goto fail;
	ar_tokenizer_free(t);
	t = NULL;

	if (ar_speller_new(&sp, NULL, NULL) != AR_OK ||
	    ar_spell_buffer(&fs, sp, text, text_len, NULL) != AR_OK)
		goto fail;
	findings_out(o, fs);
	ar_spell_findings_free(fs);
	for (i = 0; i < sizeof words / sizeof *words; i++) {
		fs = NULL;
		st = ar_spell_word(&fs, sp, words[i], strlen(words[i]));
		if (st != AR_OK)
			goto fail;
		findings_out(o, fs);
		ar_spell_findings_free(fs);
	}
	ar_speller_free(sp);
	return 0;
fail:
	ar_buf_dispose(&b);
	ar_normalizer_free(n);
	ar_tokenizer_free(t);
	ar_speller_free(sp);
	return -1;
}

static out ref;
static int rounds = 2;

static void *worker(void *arg)
{
	int r, *bad = arg;
	for (r = 0; r < rounds; r++) {
		out o = { NULL, 0, 0 };
		if (round_(&o) != 0 || o.n != ref.n ||
		    memcmp(o.b, ref.b, o.n) != 0)
			*bad = 1;
		free(o.b);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	const char *srcdir = getenv("top_srcdir");
	char path[4096];
	int nthreads = argc > 1 ? atoi(argv[1]) : 8, i, fails = 0;
	pthread_t thr[64];
	int bad[64] = { 0 };
	FILE *f;
	long n;

	if (argc > 2)
		rounds = atoi(argv[2]);
	if (nthreads < 1 || nthreads > 64)
		return 99;
	snprintf(path, sizeof path, "%s/corpus/telegram-outage-ar.txt",
	         srcdir ? srcdir : ".");
	f = fopen(path, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0)
		return 99;
	rewind(f);
	text = malloc((size_t)n);
	if (!text || fread(text, 1, (size_t)n, f) != (size_t)n)
		return 99;
	text_len = (size_t)n;
	fclose(f);

	if (round_(&ref) != 0) {
		printf("threads: SKIP: cannot open a speller or a segmenting "
		       "tokenizer (hunspell-ar, hunspell-en-us missing?)\n");
		return 77;
	}
	for (i = 0; i < nthreads; i++)
		if (pthread_create(&thr[i], NULL, worker, &bad[i]) != 0)
			return 99;
	for (i = 0; i < nthreads; i++) {
		pthread_join(thr[i], NULL);
		if (bad[i]) {
			printf("threads: thread %d: a result differs from "
			       "the single-threaded run's, or a call "
			       "failed\n",
			       i);
			fails++;
		}
	}
	printf("threads: %d threads x %d rounds: %s\n", nthreads, rounds,
	       fails ? "FAILED" : "ok");
	free(ref.b);
	free(text);
	return fails ? 1 : 0;
}
