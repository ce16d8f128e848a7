/*
 * icu-names.cc - build the ICU part of the names gazetteer.
 *
 * Usage: icu-names OUTDIR
 *
 * Writes OUTDIR/icu-regions.tsv, icu-languages.tsv, icu-currencies.tsv and
 * icu-cities.tsv in the format described in dict/FORMAT.md, from the CLDR
 * data that ships inside ICU (English and Arabic display names of
 * countries and world regions, languages, currencies, and the exemplar
 * cities of the time zones).  Run it through "make dict-regen"; the output
 * is committed, so a normal build needs neither this program nor a
 * particular ICU version.
 *
 * The data is CLDR's, under the Unicode licence (see dict/README.md).
 * The output depends only on the ICU data version, never on the order of
 * ICU's enumerations: entries are sorted before they are written.
 */
#include <unicode/locid.h>
#include <unicode/udata.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/ucurr.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/ures.h>
#include <unicode/uscript.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

using icu::UnicodeString;

namespace
{

struct Entry {
	std::string type;
	std::string canonical;
	std::vector<std::string> latin;  /* variants, in insertion order */
	std::vector<std::string> arabic; /* first = preferred */
};

/* One output file: entries keyed by canonical spelling, so that two ICU
 * items with the same English name (a zone and its alias city, say) merge
 * into one line. */
typedef std::map<std::string, Entry> Table;

std::string utf8(const UnicodeString &s)
{
	std::string out;
	s.toUTF8String(out);
	return out;
}

void add_unique(std::vector<std::string> &v, const std::string &s)
{
	if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end())
		v.push_back(s);
}

/* Collapse runs of spaces, trim both ends. */
UnicodeString squeeze(const UnicodeString &in)
{
	UnicodeString out;
	bool space = false;
	for (int32_t i = 0; i < in.length(); i++) {
		UChar c = in.charAt(i);
		if (c == ' ') {
			space = true;
			continue;
		}
		if (space && out.length() > 0)
			out.append((UChar)' ');
		space = false;
		out.append(c);
	}
	return out;
}

/*
 * Split a CLDR display name into the spellings it contains.  CLDR writes
 * alternatives and qualifiers as "Myanmar (Burma)", "Congo - Kinshasa",
 * "Winamac, Indiana" or "جزر فوكلاند - جزر مالفيناس".  We keep the main
 * name, add a parenthesised alternative as a spelling of its own unless it
 * holds digits (historic currencies: "(1990–1992)"), turn " - " into a
 * hyphen in Latin names (Congo-Kinshasa is how English writes it) and into
 * two spellings in Arabic, and drop what follows a comma (a qualifier such
 * as the state of a town).
 */
std::vector<UnicodeString> split_name(UnicodeString s, bool arabic)
{
	std::vector<UnicodeString> out;
	int32_t comma = s.indexOf((UChar)',');
	if (comma < 0)
		comma = s.indexOf((UChar)0x060C); /* ARABIC COMMA */
	if (comma >= 0)
		s.truncate(comma);
	for (;;) {
		int32_t open = s.indexOf((UChar)'(');
		if (open < 0)
			break;
		int32_t close = s.indexOf((UChar)')', open);
		if (close < 0)
			close = s.length();
		UnicodeString inner(s, open + 1, close - open - 1);
		bool digits = false;
		for (int32_t i = 0; i < inner.length(); i++)
			if (u_isdigit(inner.charAt(i)))
				digits = true;
		if (!digits)
			out.push_back(squeeze(inner));
		s.remove(open, close - open + (close < s.length() ? 1 : 0));
	}
	if (arabic) {
		int32_t dash;
		while ((dash = s.indexOf(UnicodeString(" - "))) >= 0) {
			out.insert(out.begin(),
			           squeeze(UnicodeString(s, 0, dash)));
			s.remove(0, dash + 3);
		}
	} else {
		s.findAndReplace(UnicodeString(" - "), UnicodeString("-"));
	}
	out.insert(out.begin(), squeeze(s));
	return out;
}

/*
 * Latin spellings: typographic apostrophe to ASCII, "&" to "and", "St."
 * to "Saint" (the gazetteer's words carry no periods).  Returns "" when
 * the name is not a Latin-script name made of letters, spaces, hyphens
 * and apostrophes.
 */
std::string clean_latin(UnicodeString s)
{
	s.findAndReplace(UnicodeString((UChar)0x2019), UnicodeString("'"));
	s.findAndReplace(UnicodeString(" & "), UnicodeString(" and "));
	if (s.startsWith(UnicodeString("St. ")))
		s.replace(0, 3, UnicodeString("Saint"));
	s.findAndReplace(UnicodeString(" St. "), UnicodeString(" Saint "));
	s = squeeze(s);
	bool letter = false;
	for (int32_t i = 0; i < s.length();) {
		UChar32 c = s.char32At(i);
		i += U16_LENGTH(c);
		if (c == ' ' || c == '-' || c == '\'')
			continue;
		UErrorCode st = U_ZERO_ERROR;
		UScriptCode sc = uscript_getScript(c, &st);
		if (!u_isalpha(c) && !(u_getCombiningClass(c) > 0))
			return "";
		if (sc != USCRIPT_LATIN && sc != USCRIPT_INHERITED)
			return "";
		letter = true;
	}
	return letter ? utf8(s) : "";
}

/*
 * Arabic spellings as the gazetteer wants them: no harakat, Quranic
 * marks, superscript alef or tatweel (they are optional in news text and
 * the checker ignores them), no bidi controls.  Returns "" unless what is
 * left is letters of the basic Arabic alphabet (U+0621-U+063A,
 * U+0641-U+064A, as dict/names/check.sh requires) separated by single
 * spaces.
 */
std::string clean_arabic(const UnicodeString &in)
{
	UnicodeString s;
	for (int32_t i = 0; i < in.length(); i++) {
		UChar c = in.charAt(i);
		if ((c >= 0x0610 && c <= 0x061A) ||
		    (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
		    (c >= 0x06D6 && c <= 0x06DC) ||
		    (c >= 0x06DF && c <= 0x06E8) ||
		    (c >= 0x06EA && c <= 0x06ED) || c == 0x0640 ||
		    c == 0x061C || c == 0x200C || c == 0x200D || c == 0x200E ||
		    c == 0x200F)
			continue;
		s.append(c);
	}
	s = squeeze(s);
	bool letter = false;
	for (int32_t i = 0; i < s.length();) {
		UChar32 c = s.char32At(i);
		i += U16_LENGTH(c);
		if (c == ' ')
			continue;
		if (!(c >= 0x0621 && c <= 0x063A) &&
		    !(c >= 0x0641 && c <= 0x064A))
			return "";
		letter = true;
	}
	return letter ? utf8(s) : "";
}

/*
 * Add one item to a table: its English display name (the first Latin
 * spelling becomes CANONICAL, the rest variants) and its Arabic display
 * names.  Items whose English name ICU does not know (it then returns the
 * code itself) or that have no Arabic spelling are skipped: the gazetteer
 * is for Arabic news.
 */
void add_item(Table &t, const char *type, const std::vector<UnicodeString> &en,
              const std::vector<UnicodeString> &ar, const char *code)
{
	std::vector<std::string> latin, arabic;
	for (size_t i = 0; i < en.size(); i++) {
		std::vector<UnicodeString> parts = split_name(en[i], false);
		for (size_t j = 0; j < parts.size(); j++)
			if (parts[j] != UnicodeString(code, -1, US_INV))
				add_unique(latin, clean_latin(parts[j]));
	}
	for (size_t i = 0; i < ar.size(); i++) {
		std::vector<UnicodeString> parts = split_name(ar[i], true);
		for (size_t j = 0; j < parts.size(); j++)
			add_unique(arabic, clean_arabic(parts[j]));
	}
	/* A lower-case name ("world") is a common noun, not a name. */
	if (latin.empty() || arabic.empty() ||
	    (latin[0][0] >= 'a' && latin[0][0] <= 'z'))
		return;
	Entry &e = t[latin[0]];
	e.type = type;
	e.canonical = latin[0];
	/* CLDR's plural forms repeat the name in lower case ("US dollar"):
	 * keep a variant only if it differs by more than case. */
	for (size_t i = 1; i < latin.size(); i++) {
		UnicodeString v = UnicodeString::fromUTF8(latin[i]);
		bool seen = !v.caseCompare(UnicodeString::fromUTF8(e.canonical),
		                           U_FOLD_CASE_DEFAULT);
		for (size_t j = 0; j < e.latin.size() && !seen; j++)
			seen = !v.caseCompare(
			        UnicodeString::fromUTF8(e.latin[j]),
			        U_FOLD_CASE_DEFAULT);
		if (!seen)
			e.latin.push_back(latin[i]);
	}
	for (size_t i = 0; i < arabic.size(); i++)
		add_unique(e.arabic, arabic[i]);
}

/* A string from an ICU resource table, or "" if absent. */
UnicodeString res_string(const char *pkg, const char *loc, const char *table,
                         const char *key)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *rb = ures_openDirect(pkg, loc, &st);
	UResourceBundle *tb = ures_getByKey(rb, table, NULL, &st);
	int32_t len = 0;
	const UChar *s = ures_getStringByKey(tb, key, &len, &st);
	UnicodeString out;
	if (U_SUCCESS(st))
		out.setTo(s, len);
	ures_close(tb);
	ures_close(rb);
	return out;
}

/* Alternative names CLDR gives some items: "UK", "Ivory Coast". */
void add_alts(std::vector<UnicodeString> &v, const char *pkg, const char *loc,
              const char *table, const char *key)
{
	static const char *const alts[] = { "%short", "%variant", "%menu" };
	for (size_t i = 0; i < sizeof alts / sizeof *alts; i++) {
		std::string t = std::string(table) + alts[i];
		UnicodeString s = res_string(pkg, loc, t.c_str(), key);
		if (!s.isEmpty())
			v.push_back(s);
	}
}

std::vector<std::string> table_keys(const char *pkg, const char *loc,
                                    const char *table)
{
	std::vector<std::string> keys;
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *rb = ures_openDirect(pkg, loc, &st);
	UResourceBundle *tb = ures_getByKey(rb, table, NULL, &st);
	while (U_SUCCESS(st) && ures_hasNext(tb)) {
		UResourceBundle *e = ures_getNextResource(tb, NULL, &st);
		if (U_SUCCESS(st))
			keys.push_back(ures_getKey(e));
		ures_close(e);
	}
	ures_close(tb);
	ures_close(rb);
	return keys;
}

#define REGION_PKG U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region"
#define LANG_PKG   U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "lang"

/*
 * "ar" and its regional variants (ar_SA, ar_LY, ...), which give a few
 * other spellings (أوروغواي beside أورغواي).  Asking a variant for a name
 * it does not override returns the "ar" one, which deduplication drops.
 */
const std::vector<std::string> &arabic_locales()
{
	static std::vector<std::string> locs;
	if (locs.empty()) {
		for (int32_t i = 0; i < uloc_countAvailable(); i++)
			if (!strncmp(uloc_getAvailable(i), "ar_", 3))
				locs.push_back(uloc_getAvailable(i));
		std::sort(locs.begin(), locs.end());
		locs.insert(locs.begin(), "ar");
	}
	return locs;
}

/* Countries (ISO 3166) and CLDR's world regions (UN M.49 numbers, EU, UN). */
void regions(Table &t)
{
	for (const char *const *c = uloc_getISOCountries(); *c; c++) {
		std::string loc = std::string("und_") + *c;
		UChar buf[256];
		std::vector<UnicodeString> en, ar;
		UErrorCode st = U_ZERO_ERROR;
		int32_t n = uloc_getDisplayCountry(loc.c_str(), "en", buf, 256,
		                                   &st);
		if (U_SUCCESS(st))
			en.push_back(UnicodeString(buf, n));
		add_alts(en, REGION_PKG, "en", "Countries", *c);
		for (size_t l = 0; l < arabic_locales().size(); l++) {
			const char *al = arabic_locales()[l].c_str();
			st = U_ZERO_ERROR;
			n = uloc_getDisplayCountry(loc.c_str(), al, buf, 256,
			                           &st);
			if (U_SUCCESS(st))
				ar.push_back(UnicodeString(buf, n));
			add_alts(ar, REGION_PKG, al, "Countries", *c);
		}
		add_item(t, "country", en, ar, *c);
	}
	std::vector<std::string> keys =
	        table_keys(REGION_PKG, "en", "Countries");
	for (size_t i = 0; i < keys.size(); i++) {
		const char *k = keys[i].c_str();
		bool iso = false;
		for (const char *const *c = uloc_getISOCountries(); *c; c++)
			if (!strcmp(*c, k))
				iso = true;
		/* Numeric M.49 regions and the groupings CLDR names (EU, UN,
		 * EZ); skip the private-use, pseudo-locale and unknown codes. */
		if (iso || !strcmp(k, "ZZ") || !strcmp(k, "QO") ||
		    !strcmp(k, "XA") || !strcmp(k, "XB"))
			continue;
		std::vector<UnicodeString> en, ar;
		en.push_back(res_string(REGION_PKG, "en", "Countries", k));
		add_alts(en, REGION_PKG, "en", "Countries", k);
		for (size_t l = 0; l < arabic_locales().size(); l++) {
			const char *al = arabic_locales()[l].c_str();
			ar.push_back(
			        res_string(REGION_PKG, al, "Countries", k));
			add_alts(ar, REGION_PKG, al, "Countries", k);
		}
		add_item(t, "region", en, ar, k);
	}
}

/* Languages whose Arabic display name CLDR gives. */
void languages(Table &t)
{
	/* Codes for "no language", "multiple", "uncoded", "undetermined". */
	static const char *const skip[] = { "mis", "mul", "und", "zxx" };
	for (const char *const *c = uloc_getISOLanguages(); *c; c++) {
		bool special = false;
		for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
			if (!strcmp(*c, skip[i]))
				special = true;
		if (special)
			continue;
		UChar buf[256];
		std::vector<UnicodeString> en, ar;
		UErrorCode st = U_ZERO_ERROR;
		int32_t n = uloc_getDisplayLanguage(*c, "en", buf, 256, &st);
		if (U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING)
			en.push_back(UnicodeString(buf, n));
		add_alts(en, LANG_PKG, "en", "Languages", *c);
		for (size_t l = 0; l < arabic_locales().size(); l++) {
			const char *al = arabic_locales()[l].c_str();
			st = U_ZERO_ERROR;
			n = uloc_getDisplayLanguage(*c, al, buf, 256, &st);
			if (U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING)
				ar.push_back(UnicodeString(buf, n));
			add_alts(ar, LANG_PKG, al, "Languages", *c);
		}
		add_item(t, "language", en, ar, *c);
	}
}

/* Currencies in use, with their Arabic plural forms (دولار, دولارات). */
void currencies(Table &t)
{
	static const char *const counts[] = { "one", "two", "few", "many",
		                              "other" };
	UErrorCode st = U_ZERO_ERROR;
	UEnumeration *en_ = ucurr_openISOCurrencies(
	        UCURR_COMMON | UCURR_NON_DEPRECATED, &st);
	const char *code;
	while (U_SUCCESS(st) && (code = uenum_next(en_, NULL, &st)) != NULL) {
		UChar ucode[4];
		u_charsToUChars(code, ucode, 4);
		std::vector<UnicodeString> en, ar;
		std::vector<std::string> locs(1, "en");
		locs.insert(locs.end(), arabic_locales().begin(),
		            arabic_locales().end());
		for (size_t l = 0; l < locs.size(); l++) {
			std::vector<UnicodeString> &v = l ? ar : en;
			UErrorCode s2 = U_ZERO_ERROR;
			UBool choice;
			int32_t len;
			const UChar *name = ucurr_getName(
			        ucode, locs[l].c_str(), UCURR_LONG_NAME,
			        &choice, &len, &s2);
			if (U_SUCCESS(s2) && s2 != U_USING_DEFAULT_WARNING)
				v.push_back(UnicodeString(name, len));
			for (size_t i = 0; i < sizeof counts / sizeof *counts;
			     i++) {
				s2 = U_ZERO_ERROR;
				name = ucurr_getPluralName(
				        ucode, locs[l].c_str(), &choice,
				        counts[i], &len, &s2);
				if (U_SUCCESS(s2) &&
				    s2 != U_USING_DEFAULT_WARNING && !v.empty())
					v.push_back(UnicodeString(name, len));
			}
		}
		add_item(t, "currency", en, ar, code);
	}
	uenum_close(en_);
}

/*
 * Exemplar cities of the canonical time zones (Cairo, القاهرة).  A zone
 * that covers a whole small country or island is named after it (Aruba,
 * Fiji); those are already in the regions table, so they are left out.
 */
void cities(Table &t, const Table &regions)
{
	UErrorCode st = U_ZERO_ERROR;
	std::unique_ptr<icu::StringEnumeration> ids(
	        icu::TimeZone::createTimeZoneIDEnumeration(
	                UCAL_ZONE_TYPE_CANONICAL_LOCATION, NULL, NULL, st));
	std::unique_ptr<icu::TimeZoneNames> en(
	        icu::TimeZoneNames::createInstance(icu::Locale("en"), st));
	std::vector<icu::TimeZoneNames *> ar;
	for (size_t l = 0; l < arabic_locales().size(); l++)
		ar.push_back(icu::TimeZoneNames::createInstance(
		        icu::Locale(arabic_locales()[l].c_str()), st));
	if (U_FAILURE(st)) {
		fprintf(stderr, "icu-names: time zones: %s\n", u_errorName(st));
		exit(1);
	}
	const UnicodeString *id;
	while ((id = ids->snext(st)) != NULL && U_SUCCESS(st)) {
		UnicodeString a;
		std::vector<UnicodeString> ven, var;
		en->getExemplarLocationName(*id, a);
		if (!a.isBogus())
			ven.push_back(a);
		for (size_t l = 0; l < ar.size(); l++) {
			UnicodeString b;
			ar[l]->getExemplarLocationName(*id, b);
			if (!b.isBogus())
				var.push_back(b);
		}
		Table one;
		add_item(one, "city", ven, var, "");
		for (Table::iterator i = one.begin(); i != one.end(); ++i) {
			if (regions.count(i->first))
				continue;
			Entry &e = t[i->first];
			e.type = i->second.type;
			e.canonical = i->second.canonical;
			for (size_t j = 0; j < i->second.latin.size(); j++)
				add_unique(e.latin, i->second.latin[j]);
			for (size_t j = 0; j < i->second.arabic.size(); j++)
				add_unique(e.arabic, i->second.arabic[j]);
		}
	}
	for (size_t l = 0; l < ar.size(); l++)
		delete ar[l];
}

void write_table(const std::string &dir, const char *file, const char *what,
                 const Table &t)
{
	std::string path = dir + "/" + file;
	std::string tmp = path + ".tmp";
	FILE *f = fopen(tmp.c_str(), "w");
	if (!f) {
		perror(tmp.c_str());
		exit(1);
	}
	UVersionInfo v;
	char ver[U_MAX_VERSION_STRING_LENGTH];
	UErrorCode st = U_ZERO_ERROR;
	ulocdata_getCLDRVersion(v, &st);
	u_versionToString(v, ver);
	fprintf(f, "# %s - %s.\n", file, what);
	fprintf(f,
	        "# Generated by dict/gen/icu-names (make dict-regen) from the"
	        " CLDR %s data\n# in ICU %s; Unicode licence, see"
	        " dict/README.md.  Do not edit by hand.\n",
	        ver, U_ICU_VERSION);
	fprintf(f, "# %lu entries.\n", (unsigned long)t.size());
	for (Table::const_iterator i = t.begin(); i != t.end(); ++i) {
		const Entry &e = i->second;
		fprintf(f, "%s\t%s\t", e.type.c_str(), e.canonical.c_str());
		for (size_t j = 0; j < e.latin.size(); j++)
			fprintf(f, "%s%s", j ? "|" : "", e.latin[j].c_str());
		fputs(e.latin.empty() ? "-\t" : "\t", f);
		for (size_t j = 0; j < e.arabic.size(); j++)
			fprintf(f, "%s%s", j ? "|" : "", e.arabic[j].c_str());
		fputs("\n", f);
	}
	if (ferror(f) || fclose(f) != 0 || rename(tmp.c_str(), path.c_str())) {
		perror(path.c_str());
		exit(1);
	}
}

} /* namespace */

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: icu-names OUTDIR\n");
		return 2;
	}
	Table reg, lang, cur, city;
	regions(reg);
	languages(lang);
	currencies(cur);
	cities(city, reg);
	write_table(argv[1], "icu-regions.tsv", "countries and world regions",
	            reg);
	write_table(argv[1], "icu-languages.tsv", "languages", lang);
	write_table(argv[1], "icu-currencies.tsv", "currencies", cur);
	write_table(argv[1], "icu-cities.tsv",
	            "cities (exemplar cities of the time zones)", city);
	return 0;
}
