/*
 * consumer.c - a C program built against an installed libarabic, as a user
 * builds one: only <arabic.h> and the flags pkg-config gives.  It needs
 * the version macros in #if, normalizes (ICU and utf8proc) and spell-checks
 * (hunspell), prints what it got and exits 1 when it is not what the
 * library promises.  tests/installed/run.sh links it dynamically and fully
 * statically and compares the two runs.
 */
#include <arabic.h>

#include <stdio.h>
#include <string.h>

#if AR_VERSION_MAJOR * 10000 + AR_VERSION_MINOR * 100 + AR_VERSION_PATCH < 100
#error "libarabic 0.1.0 or later is needed"
#endif

static int fail(const char *what, ar_status st)
{
	fprintf(stderr, "consumer: %s: %s\n", what, ar_strerror(st));
	return 1;
}

int main(void)
{
	/* "كـتاب": the clean profile drops the tatweel. */
	const char *in = "\xd9\x83\xd9\x80\xd8\xaa\xd8\xa7\xd8\xa8";
	const char *want = "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8";
	const char *text = "Telegerm";
	ar_normalizer *n;
	ar_buf out = AR_BUF_INIT;
	ar_speller *sp;
	ar_spell_findings *found;
	const ar_finding *f;
	ar_error err = { 0 };
	ar_status st;

	printf("version %s\n", ar_version());
	if (strcmp(ar_version(), AR_VERSION_STRING) != 0) {
		fprintf(stderr, "consumer: header %s, library %s\n",
		        AR_VERSION_STRING, ar_version());
		return 1;
	}

	if ((st = ar_normalizer_new(&n, NULL)) != AR_OK)
		return fail("ar_normalizer_new", st);
	st = ar_norm_buffer(&out, NULL, n, in, strlen(in), &err);
	ar_normalizer_free(n);
	if (st != AR_OK)
		return fail("ar_norm_buffer", st);
	printf("normalized %s\n", out.ptr);
	if (strcmp(out.ptr, want) != 0)
		return 1;
	ar_buf_dispose(&out);

	st = ar_speller_new(&sp, NULL, &err);
	if (st == AR_EDICT) {
		/* hunspell-ar or hunspell-en-us is not installed. */
		printf("spell skipped: %s\n", err.message);
		return 0;
	}
	if (st != AR_OK)
		return fail("ar_speller_new", st);
	st = ar_spell_buffer(&found, sp, text, strlen(text), &err);
	if (st != AR_OK) {
		ar_speller_free(sp);
		return fail("ar_spell_buffer", st);
	}
	f = ar_spell_findings_get(found, 0);
	if (f != NULL)
		printf("%s '%.*s' -> '%s'\n", ar_finding_kind_name(f->kind),
		       (int)f->len, f->word,
		       f->nsuggestions ? f->suggestions[0] : "");
	st = f != NULL && f->nsuggestions > 0 &&
	                     strcmp(f->suggestions[0], "Telegram") == 0
	             ? AR_OK
	             : AR_EINVAL;
	ar_spell_findings_free(found);
	ar_speller_free(sp);
	if (st != AR_OK) {
		fprintf(stderr, "consumer: Telegerm not found misspelled\n");
		return 1;
	}
	return 0;
}
