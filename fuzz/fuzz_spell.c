/*
 * fuzz_spell.c - the spell-checker on a buffer, on a stream cut at chosen
 * points and on a single word, with the system dictionaries (ar, en_US)
 * and the built-in gazetteer; skipped when the dictionaries are missing.
 *
 * Input: a steering byte
 *   bits 0-1  speller: 0 no suggestions, invalid UTF-8 "error"; 1 no
 *             suggestions, "replace"; 2 no suggestions, "keep"; 3 with
 *             hunspell's suggestions, "error" (inputs up to 48 bytes
 *             only: an Arabic suggestion search costs tens of ms)
 *   bit 2     single word (ar_spell_word) instead of a buffer
 *   bit 3     word mode: repeat the word (next byte r: 64 * r + 1 times),
 *             to reach far past hunspell's 100-byte word limit
 *   bit 4     with suggestions: inputs up to 256 bytes, for texts that
 *             repeat a word and slip on it once (the document's own
 *             words as suggestions, spell.c report_held())
 * then a byte k (k % 16 piece lengths follow, one byte each), then text.
 *
 * Checked: statuses (a single word must be well-formed UTF-8, whatever
 * the invalid mode); every finding (fuzz_finding_check) is inside the
 * text, in order, with the word as written and its line and column;
 * the stream cut at the chosen points finds the same as the buffer; a
 * single word gives at most one finding, spanning it.
 */
#include "config.h"

#include "spellfuzz.h"

#define MAXSUG 5

static const ar_invalid_mode modes[4] = { AR_INVALID_ERROR, AR_INVALID_REPLACE,
	                                  AR_INVALID_KEEP, AR_INVALID_ERROR };

static ar_speller *speller(unsigned key, int *missing)
{
	static ar_speller *cache[4];
	static int nodict;

	*missing = nodict;
	if (!cache[key] && !nodict) {
		ar_spell_options o = AR_SPELL_OPTIONS_INIT;
		ar_error err;
		ar_status st;
		o.invalid = modes[key];
		o.max_suggestions = MAXSUG;
		if (key != 3)
			o.flags |= AR_SPELL_NO_SUGGEST;
		st = ar_speller_new(&cache[key], &o, &err);
		if (st == AR_EDICT) {
			fprintf(stderr, "fuzz_spell: %s\n", err.message);
			*missing = nodict = 1;
			return NULL;
		}
		FUZZ_CHECK(st == AR_OK && cache[key]);
	}
	return cache[key];
}

static void check_word(ar_speller *sp, const char *w, size_t len, int valid,
                       ar_invalid_mode mode)
{
	ar_spell_findings *fs = NULL;
	ar_status st = ar_spell_word(&fs, sp, w, len);
	ffinds l = { 0 };

	/* A single word is always checked as well-formed UTF-8 (the
	 * invalid mode applies to text). */
	(void)mode;
	if (!valid) {
		FUZZ_CHECK(st == AR_EUTF8 && fs == NULL);
		return;
	}
	FUZZ_CHECK(st == AR_OK && fs != NULL);
	ffinds_from(&l, fs, MAXSUG);
	FUZZ_CHECK(l.n <= 1);
	if (l.n == 1) {
		const ffind *f = &l.v[0];
		FUZZ_CHECK(f->start == 0 && f->end == len);
		FUZZ_CHECK(f->line == 1 && f->column == 1);
		FUZZ_CHECK(f->kind != AR_FINDING_INCONSISTENT);
		FUZZ_CHECK(memcmp(f->word, w, len) == 0);
	}
	ffinds_free(&l);
	ar_spell_findings_free(fs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned b = fuzz_take(&data, &size), key = b & 3, ncuts, reps = 1;
	const uint8_t *cuts;
	const char *s;
	ar_speller *sp;
	ar_invalid_mode mode = modes[key];
	ar_spell_findings *fs = NULL;
	ffinds one = { 0 }, cut = { 0 };
	ar_error e1, e2;
	ar_status st1, st2;
	size_t pos, k;
	int missing, valid;

	if (b & 8)
		reps = 64 * fuzz_take(&data, &size) + 1;
	ncuts = fuzz_take(&data, &size) % 16;
	if (ncuts > size)
		ncuts = (unsigned)size;
	cuts = data;
	data += ncuts;
	size -= ncuts;
	s = (const char *)data;
	if (key == 3 && size > (b & 16 ? 256 : 48))
		return 0;
	sp = speller(key, &missing);
	if (missing)
		return 0;

	if (b & 4) {
		/* A single word, possibly repeated far past any word limit. */
		char *w;
		size_t wl = size * reps;
		if (key == 3 && wl > 4096)
			return 0;
		w = malloc(wl ? wl : 1);
		FUZZ_OOM(w);
		for (k = 0; k < reps; k++)
			memcpy(w + k * size, s, size);
		valid = ar_utf8_valid(w, wl, NULL);
		check_word(sp, w, wl, valid, mode);
		free(w);
		return 0;
	}

	valid = ar_utf8_valid(s, size, NULL);
	memset(&e1, 0, sizeof e1);
	st1 = ar_spell_buffer(&fs, sp, s, size, &e1);
	if (!valid && mode == AR_INVALID_ERROR) {
		size_t bad = 0;
		ar_utf8_valid(s, size, &bad);
		FUZZ_CHECK(st1 == AR_EUTF8 && fs == NULL);
		FUZZ_CHECK(e1.offset == bad);
	} else {
		FUZZ_CHECK(st1 == AR_OK && fs != NULL);
		ffinds_from(&one, fs, MAXSUG);
		fuzz_findings_check(&one, s, size,
		                    valid || mode == AR_INVALID_KEEP);
	}
	ar_spell_findings_free(fs);

	/* The stream, cut at the chosen points. */
	memset(&e2, 0, sizeof e2);
	st2 = AR_OK;
	for (pos = 0, k = 0; pos < size && st2 == AR_OK;) {
		size_t step = ncuts ? cuts[k++ % ncuts] : size;
		/* Empty pieces are fed too, but each round of the
		 * lengths moves on by at least a byte. */
		if (step == 0 && k % ncuts == 0)
			step = 1;
		if (step > size - pos)
			step = size - pos;
		st2 = ar_spell_feed(sp, s + pos, step, ffinds_sink, &cut, &e2);
		pos += step;
	}
	if (st2 == AR_OK)
		st2 = ar_spell_finish(sp, ffinds_sink, &cut, &e2);
	if (st2 != AR_OK)
		ar_spell_reset(sp);
	FUZZ_CHECK(st2 == st1);
	if (st1 == AR_OK)
		fuzz_findings_same(&one, &cut);
	else
		FUZZ_CHECK(e2.offset == e1.offset);

	ffinds_free(&one);
	ffinds_free(&cut);
	return 0;
}
