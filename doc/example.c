/* Spell-check a sentence and print each finding with its byte span. */
#include <arabic.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	const char *text = "قال بافل دوروف مؤسس Telegerm إن الخدمة عادت.";
	ar_spell_options opts = AR_SPELL_OPTIONS_INIT;
	ar_speller *sp;
	ar_spell_findings *found;
	ar_error err = { 0 };
	ar_status st;
	size_t i;

	st = ar_speller_new(&sp, &opts, &err);
	if (st != AR_OK) {
		fprintf(stderr, "%s\n",
		        err.message[0] ? err.message : ar_strerror(st));
		return 2;
	}
	st = ar_spell_buffer(&found, sp, text, strlen(text), &err);
	if (st != AR_OK) {
		fprintf(stderr, "%s\n", ar_strerror(st));
		ar_speller_free(sp);
		return 2;
	}
	for (i = 0; i < ar_spell_findings_count(found); i++) {
		const ar_finding *f = ar_spell_findings_get(found, i);
		printf("%s '%.*s' at bytes %llu-%llu",
		       ar_finding_kind_name(f->kind), (int)f->len, f->word,
		       (unsigned long long)f->start,
		       (unsigned long long)f->end);
		if (f->nsuggestions > 0)
			printf(", did you mean '%s'?", f->suggestions[0]);
		printf("\n");
	}
	ar_spell_findings_free(found);
	ar_speller_free(sp);
	return 0;
}
