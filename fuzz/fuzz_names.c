/*
 * fuzz_names.c - the loaders of gazetteer entries (ar_speller_add_names,
 * dict/FORMAT.md) and of personal dictionaries (ar_speller_load_personal,
 * ar_speller_add_word), then name matching against what was loaded.
 *
 * Each input gets a fresh speller over two tiny hunspell dictionaries
 * written to a temporary directory (so that opening one is cheap) and
 * without the built-in gazetteer.
 *
 * Input: a steering byte
 *   bit 0  the text is a personal dictionary (else gazetteer entries)
 *   bit 1  also add each line with ar_speller_add_word()
 *   bit 2  check the text itself afterwards (else a fixed probe text)
 * then the text.
 *
 * Checked: statuses; a failure names a line; after a successful load,
 * every plain one-word Latin name or personal word is accepted (the
 * personal ones in lower case and capitalized too); checking text
 * afterwards satisfies the finding checks of fuzz_spell.
 */
#include "config.h"

#include "spellfuzz.h"

#include <ctype.h>
#include <unistd.h>

#define MAXSUG 5

static char dir[64];
static char personal[96];

static void remove_dir(void)
{
	static const char *files[] = { "ar.aff", "ar.dic", "en_US.aff",
		                       "en_US.dic", "personal.txt" };
	char path[128];
	size_t i;

	for (i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
}

static void write_file(const char *name, const char *text, size_t len)
{
	char path[128];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "wb");
	FUZZ_CHECK(fp != NULL);
	FUZZ_CHECK(fwrite(text, 1, len, fp) == len);
	FUZZ_CHECK(fclose(fp) == 0);
}

static void setup(void)
{
	static const char aff[] = "SET UTF-8\nTRY abcdefghijklmnopqrstuvwxyz\n";
	static const char ar_dic[] = "2\n\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8\n"
	                             "\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1\n";
	static const char en_dic[] = "3\nthe\nnews\nreport\n";

	if (dir[0])
		return;
	snprintf(dir, sizeof dir, "/tmp/fuzz_names.XXXXXX");
	FUZZ_CHECK(mkdtemp(dir) != NULL);
	atexit(remove_dir);
	write_file("ar.aff", aff, sizeof aff - 1);
	write_file("ar.dic", ar_dic, sizeof ar_dic - 1);
	write_file("en_US.aff", aff, sizeof aff - 1);
	write_file("en_US.dic", en_dic, sizeof en_dic - 1);
	snprintf(personal, sizeof personal, "%s/personal.txt", dir);
}

/* Is w a plain Latin word: 2 to 30 ASCII letters, not all capitals? */
static int plain_word(const char *w, size_t len)
{
	size_t i, lower = 0;

	if (len < 2 || len > 30)
		return 0;
	for (i = 0; i < len; i++) {
		if (!isalpha((unsigned char)w[i]) || (w[i] & 0x80))
			return 0;
		lower += islower((unsigned char)w[i]) != 0;
	}
	return lower > 0;
}

static void expect_accepted(ar_speller *sp, const char *w, size_t len)
{
	ar_spell_findings *fs = NULL;

	FUZZ_CHECK(ar_spell_word(&fs, sp, w, len) == AR_OK);
	if (ar_spell_findings_count(fs) != 0)
		fprintf(stderr, "not accepted: '%.*s'\n", (int)len, w);
	FUZZ_CHECK(ar_spell_findings_count(fs) == 0);
	ar_spell_findings_free(fs);
}

/* Call fn(line, len, sp) for each line of text (without its LF). */
static void each_line(const char *s, size_t len, ar_speller *sp,
                      void (*fn)(const char *, size_t, ar_speller *))
{
	size_t i = 0;

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len;
		fn(s + i, end - i, sp);
		i = end + 1;
	}
}

static const char *const types[] = { "person", "company",  "product",
	                             "org",    "country",  "city",
	                             "region", "language", "currency",
	                             "other" };

/* A gazetteer line that loaded: its canonical name, when it is one
 * plain word, is accepted. */
static void names_line(const char *l, size_t len, ar_speller *sp)
{
	const char *f[5];
	size_t fl[5], n = 0, i, start = 0;
	int typed = 0;

	if (len == 0 || l[0] == '#')
		return;
	for (i = 0; i <= len && n < 5; i++) {
		if (i == len || l[i] == '\t') {
			f[n] = l + start;
			fl[n++] = i - start;
			start = i + 1;
		}
	}
	if (n != 4)
		return;
	for (i = 0; i < sizeof types / sizeof *types; i++)
		if (fl[0] == strlen(types[i]) &&
		    memcmp(f[0], types[i], fl[0]) == 0)
			typed = 1;
	if (typed && plain_word(f[1], fl[1]))
		expect_accepted(sp, f[1], fl[1]);
}

/* A personal dictionary line that loaded: its word, when plain, is
 * accepted, also in lower case and capitalized. */
static void personal_line(const char *l, size_t len, ar_speller *sp)
{
	const char *slash = memchr(l, '/', len);
	char w[32];
	size_t i;

	if (len == 0 || l[0] == '#')
		return;
	if (slash)
		len = (size_t)(slash - l);
	if (!plain_word(l, len))
		return;
	expect_accepted(sp, l, len);
	for (i = 0; i < len; i++)
		w[i] = (char)tolower((unsigned char)l[i]);
	expect_accepted(sp, w, len);
	w[0] = (char)toupper((unsigned char)w[0]);
	expect_accepted(sp, w, len);
}

static void add_line(const char *l, size_t len, ar_speller *sp)
{
	ar_status st = ar_speller_add_word(sp, l, len);
	FUZZ_CHECK(st == AR_OK || st == AR_EUTF8 || st == AR_EINVAL);
	if (st == AR_EUTF8)
		FUZZ_CHECK(!ar_utf8_valid(l, len, NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char probe[] =
	        "Telegerm Telepharm Doroff report the news \xd8\xaa\xd9\x8a"
	        "\xd9\x84\xd9\x8a\xd8\xac\xd8\xb1\xd8\xa7\xd9\x85 \xd9\x88"
	        "\xd8\xa3\xd9\x85\xd8\xa7\xd8\xb2\xd9\x88\xd9\x86 Qaddafi "
	        "Gaddafi Gaddafi\n";
	unsigned b = fuzz_take(&data, &size);
	const char *s = (const char *)data;
	ar_spell_options o = AR_SPELL_OPTIONS_INIT;
	ar_speller *sp = NULL;
	ar_spell_findings *fs = NULL;
	ar_error err;
	ar_status st;
	ffinds l = { 0 };

	setup();
	o.flags = AR_SPELL_NO_BUILTIN;
	o.dict_dir = dir;
	o.invalid = AR_INVALID_REPLACE;
	o.max_suggestions = MAXSUG;
	st = ar_speller_new(&sp, &o, NULL);
	FUZZ_CHECK(st == AR_OK && sp);

	memset(&err, 0, sizeof err);
	if (b & 1) {
		write_file("personal.txt", s, size);
		st = ar_speller_load_personal(sp, personal, &err);
		FUZZ_CHECK(st == AR_OK || st == AR_EUTF8);
		if (st == AR_OK)
			each_line(s, size, sp, personal_line);
		else
			FUZZ_CHECK(!ar_utf8_valid(s, size, NULL) &&
			           err.line >= 1);
	} else {
		st = ar_speller_add_names(sp, s, size, "fuzz", &err);
		FUZZ_CHECK(st == AR_OK || st == AR_EDICT || st == AR_EUTF8);
		if (st == AR_OK)
			each_line(s, size, sp, names_line);
		else
			FUZZ_CHECK(err.line >= 1 && err.message[0]);
		if (st == AR_EUTF8)
			FUZZ_CHECK(!ar_utf8_valid(s, size, NULL));
	}
	if (b & 2)
		each_line(s, size, sp, add_line);

	/* Name matching against whatever was loaded. */
	{
		const char *t = (b & 4) ? s : probe;
		size_t tl = (b & 4) ? size : sizeof probe - 1;
		st = ar_spell_buffer(&fs, sp, t, tl, NULL);
		FUZZ_CHECK(st == AR_OK && fs);
		ffinds_from(&l, fs, MAXSUG);
		fuzz_findings_check(&l, t, tl, ar_utf8_valid(t, tl, NULL));
		ffinds_free(&l);
		ar_spell_findings_free(fs);
	}
	ar_speller_free(sp);
	return 0;
}
