/*
 * provider.c - an Enchant 2 provider ("arspell") that checks Arabic with
 * libarabic's speller: Debian's Arabic and English hunspell dictionaries,
 * the names gazetteer and the loanword supplement, so that every Enchant
 * program (gspell and the GTK editors, Geany, AbiWord, enchant-2 -a)
 * accepts وأمازون and Durov and offers Telegram for Telegerm.
 *
 * Enchant loads every module of its provider directory and asks them, in
 * the order of enchant.ordering, for a dictionary of a language tag; this
 * one answers for "ar" and "ar_*" (Enchant has already turned "ar-EG"
 * into "ar_EG").  A word is correct when ar_spell_word() reports no
 * finding for it; the suggestions are those of the finding, the gazetteer
 * name first for a misspelled name.  Enchant itself keeps the personal
 * word list and the session words and consults them before the provider;
 * the words are also given to the speller so that it accepts them inside
 * its own checks.
 *
 * An ar_speller is used by one thread at a time; so is an Enchant
 * dictionary.  Each dictionary owns its speller.
 */
#include "config.h"

#include <arabic.h>
#include <enchant-provider.h>
#include <glib.h>
#include <string.h>

/* The entry point Enchant looks up by name in the module (the only
 * symbol it exports). */
EnchantProvider *init_enchant_provider(void);

/* Is this (normalized) tag one we serve: "ar" or "ar_" + anything? */
static int arabic_tag(const char *tag)
{
	return tag && tag[0] == 'a' && tag[1] == 'r' &&
	       (tag[2] == '\0' || tag[2] == '_');
}

/* 0 when correct, 1 when misspelled, -1 on error (Enchant's convention). */
static int dict_check(EnchantDict *me, const char *const word, size_t len)
{
	ar_spell_findings *f;
	int wrong;

	if (ar_spell_word(&f, me->user_data, word, len) != AR_OK) {
		enchant_dict_set_error(me, "arspell: cannot check the word");
		return -1;
	}
	wrong = ar_spell_findings_count(f) > 0;
	ar_spell_findings_free(f);
	return wrong;
}

/* A NULL-terminated array of g_strdup'ed strings: Enchant frees it with
 * g_strfreev(). */
static char **dict_suggest(EnchantDict *me, const char *const word, size_t len,
                           size_t *out_n_suggs)
{
	ar_spell_findings *f;
	const ar_finding *fi;
	char **v;
	size_t i;

	*out_n_suggs = 0;
	if (ar_spell_word(&f, me->user_data, word, len) != AR_OK)
		return NULL;
	fi = ar_spell_findings_get(f, 0);
	if (!fi || fi->nsuggestions == 0) {
		ar_spell_findings_free(f);
		return NULL;
	}
	v = g_new0(char *, fi->nsuggestions + 1);
	for (i = 0; i < fi->nsuggestions; i++)
		v[i] = g_strdup(fi->suggestions[i]);
	*out_n_suggs = fi->nsuggestions;
	ar_spell_findings_free(f);
	return v;
}

static void dict_add(EnchantDict *me, const char *const word, size_t len)
{
	/* Only AR_EUTF8 (Enchant passes valid UTF-8) or AR_ENOMEM can fail:
	 * the word then stays in Enchant's own lists, which it reads first. */
	(void)ar_speller_add_word(me->user_data, word, len);
}

static EnchantDict *provider_request_dict(EnchantProvider *me,
                                          const char *const tag)
{
	ar_spell_options opts = AR_SPELL_OPTIONS_INIT;
	ar_error err = { 0 };
	ar_speller *sp;
	EnchantDict *dict;
	ar_status st;

	if (!arabic_tag(tag))
		return NULL;
	/* No consistency findings: Enchant asks about one word at a time. */
	opts.flags = AR_SPELL_NO_CONSISTENCY;
	st = ar_speller_new(&sp, &opts, &err);
	if (st != AR_OK) {
		/* Typically hunspell-ar missing: say so, and let Enchant try the
		 * next provider. */
		enchant_provider_set_error(
		        me, err.message[0] ? err.message : ar_strerror(st));
		return NULL;
	}
	dict = g_new0(EnchantDict, 1);
	dict->user_data = sp;
	dict->check = dict_check;
	dict->suggest = dict_suggest;
	dict->add_to_personal = dict_add;
	dict->add_to_session = dict_add;
	return dict;
}

static void provider_dispose_dict(EnchantProvider *me, EnchantDict *dict)
{
	ar_speller_free(dict->user_data);
	g_free(dict);
}

static int provider_dictionary_exists(EnchantProvider *me,
                                      const char *const tag)
{
	return arabic_tag(tag);
}

static char **provider_list_dicts(EnchantProvider *me, size_t *out_n_dicts)
{
	char **v = g_new0(char *, 2);

	v[0] = g_strdup("ar");
	*out_n_dicts = 1;
	return v;
}

static const char *provider_identify(EnchantProvider *me)
{
	return "arspell";
}

static const char *provider_describe(EnchantProvider *me)
{
	return "arspell (libarabic): Arabic with news names and loanwords";
}

static void provider_dispose(EnchantProvider *me)
{
	g_free(me);
}

EnchantProvider *init_enchant_provider(void)
{
	EnchantProvider *p = g_new0(EnchantProvider, 1);

	p->dispose = provider_dispose;
	p->request_dict = provider_request_dict;
	p->dispose_dict = provider_dispose_dict;
	p->dictionary_exists = provider_dictionary_exists;
	p->identify = provider_identify;
	p->describe = provider_describe;
	p->list_dicts = provider_list_dicts;
	return p;
}
