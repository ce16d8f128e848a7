/*
 * norm_tables.c - the character sets and letter folds of the normalizer.
 *
 * Every set below is the exact list of issue 2 ("Library: normalization"),
 * written as ranges of code points; names are from the Unicode Character
 * Database (UnicodeData.txt).  The tables are small and hand-checked, so
 * there is no generator: to change an operation, edit its table here, the
 * table in README.md and the operation's tests in tests/unit/test_norm.c.
 * Everything that depends on the Unicode version (combining classes,
 * decompositions, joining types) is asked of ICU at run time instead.
 */
#include "config.h"

#include "chars.h"
#include "private.h"
#include "norm_tables.h"

int ar_norm__is_invisible(uint32_t cp)
{
	/* Format and bidi controls that change nothing in the letters:
	 * ZWSP, ZWNJ, ZWJ, LRM, RLM (U+200B-U+200F), ARABIC LETTER MARK
	 * (U+061C), LRE..RLO embeddings and overrides (U+202A-U+202E),
	 * LRI..PDI isolates (U+2066-U+2069), WORD JOINER and the invisible
	 * mathematical operators (U+2060-U+2064), the deprecated format
	 * characters (U+206A-U+206F: symmetric swapping, Arabic form shaping,
	 * national digit shapes), ZERO WIDTH NO-BREAK SPACE / BOM (U+FEFF)
	 * and SOFT HYPHEN (U+00AD). */
	return (cp >= 0x200B && cp <= 0x200F) || cp == 0x061C ||
	       (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x206F && cp != 0x2065) || cp == 0xFEFF ||
	       cp == 0x00AD;
}

int ar_norm__is_hspace(uint32_t cp)
{
	/* TAB, SPACE, NO-BREAK SPACE, EN QUAD..HAIR SPACE, NARROW NO-BREAK
	 * SPACE, MEDIUM MATHEMATICAL SPACE, IDEOGRAPHIC SPACE. */
	return cp == 0x09 || cp == 0x20 || cp == 0xA0 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000;
}

int ar_norm__is_linebreak(uint32_t cp)
{
	/* The mandatory breaks of UAX #14 (BK, CR, LF, NL): LF, VT, FF, CR,
	 * NEXT LINE, LINE SEPARATOR, PARAGRAPH SEPARATOR.  --spaces trims
	 * horizontal space before and after each of them; they are never
	 * removed or added. */
	return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 ||
	       cp == 0x2029;
}

int ar_norm__is_strip(uint32_t cp)
{
	/* The harakat (U+064B-U+065F: tanwin, shadda, sukun..., and
	 * SUPERSCRIPT ALEF U+0670), the Quranic annotation marks (chars.h),
	 * and SMALL WAW and SMALL YEH U+06E5-U+06E6, which Quranic text sets
	 * on letters as marks.  U+0653-U+0655 (madda, hamza above/below) are
	 * in the set but are first composed with their letter when they can
	 * be (norm.c). */
	return ar_char__haraka(cp) || ar_char__quranic_mark(cp) ||
	       cp == 0x06E5 || cp == 0x06E6;
}

int ar_norm__is_hamza_mark(uint32_t cp)
{
	return cp >= 0x0653 && cp <= 0x0655;
}

int ar_norm__is_arabic(uint32_t cp)
{
	return ar_char__arabic_block(cp);
}

/*
 * Phrase ligatures of Presentation Forms-A that have no compatibility
 * decomposition (U+FDFD since Unicode 4.0, the others since 14.0), unlike
 * ﷺ U+FDFA and ﷻ U+FDFB: --nfkc-arabic spells them out as the words their
 * character names give, so that search and the speller see words.  NFKC
 * (--nfkc alone) keeps them, as Unicode does.
 */
static const struct {
	uint32_t cp;
	const char *text;
} phrases[] = {
	{ 0xFD40, "رحمه الله" },           /* RAHIMAHU ALLAAH */
	{ 0xFD41, "رضي الله عنه" },        /* RADI ALLAAHU ANH */
	{ 0xFD42, "رضي الله عنها" },       /* ... ANHAA */
	{ 0xFD43, "رضي الله عنهم" },       /* ... ANHUM */
	{ 0xFD44, "رضي الله عنهما" },      /* ... ANHUMAA */
	{ 0xFD45, "رضي الله عنهن" },       /* ... ANHUNNA */
	{ 0xFD46, "صلى الله عليه وآله" },  /* SALLALLAAHU ALAYHI WA-AALIH */
	{ 0xFD47, "عليه السلام" },         /* ALAYHI AS-SALAAM */
	{ 0xFD48, "عليهم السلام" },        /* ALAYHIM AS-SALAAM */
	{ 0xFD49, "عليهما السلام" },       /* ALAYHIMAA AS-SALAAM */
	{ 0xFD4A, "عليه الصلاة والسلام" }, /* ALAYHI AS-SALAATU WAS-SALAAM */
	{ 0xFD4B, "قدس سره" },             /* QUDDISA SIRRAH */
	{ 0xFD4C, "صلى الله عليه وآله وسلم" }, /* ... WAAALIHEE WA-SALLAM */
	{ 0xFD4D, "عليها السلام" },            /* ALAYHAA AS-SALAAM */
	{ 0xFD4E, "تبارك وتعالى" },            /* TABAARAKA WA-TAAALAA */
	{ 0xFD4F, "رحمهم الله" },              /* RAHIMAHUM ALLAAH */
	{ 0xFDCF, "سلامه علينا" },             /* SALAAMUHU ALAYNAA */
	{ 0xFDFD,
	  "بسم الله الرحمن الرحيم" }, /* BISMILLAH AR-RAHMAN AR-RAHEEM */
	{ 0xFDFE, "سبحانه وتعالى" },  /* SUBHAANAHU WA TAAALAA */
	{ 0xFDFF, "عز وجل" },         /* AZZA WA JALL */
};

const char *ar_norm__phrase(uint32_t cp)
{
	size_t i;

	if (cp < 0xFD40 || cp > 0xFDFF)
		return NULL;
	for (i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
		if (phrases[i].cp == cp)
			return phrases[i].text;
	return NULL;
}

int ar_norm__is_presentation(uint32_t cp)
{
	/* ARABIC PRESENTATION FORMS-A and -B. */
	return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

/*
 * --persian: letters of the Arabic block that Persian, Urdu and other
 * languages written in Arabic script use, mapped to the Arabic letter that
 * looks the same in that position, so that text typed on a Persian or Urdu
 * keyboard matches Arabic text.  The rule: a letter is folded only when an
 * Arabic letter has the same shape (dots and body) in the position where it
 * occurs; a letter whose shape no Arabic letter has is kept.
 *
 *   U+06A9 ک KEHEH                   -> U+0643 ك KAF
 *   U+06AA ڪ SWASH KAF               -> U+0643 ك KAF (calligraphic kaf)
 *   U+06CC ی FARSI YEH               -> U+064A ي YEH when it joins the next
 *            letter (its initial and medial forms carry two dots), and
 *                                    -> U+0649 ى ALEF MAKSURA otherwise
 *            (final and isolated forms are dotless): علی -> على.  Decided in
 *            norm.c from the Joining_Type of the next character that is not
 *            transparent.
 *   U+06C1 ہ HEH GOAL                -> U+0647 ه HEH
 *   U+06BE ھ HEH DOACHASHMEE         -> U+0647 ه HEH
 *   U+06D5 ە AE                      -> U+0647 ه HEH
 *   U+06C3 ۃ TEH MARBUTA GOAL        -> U+0629 ة TEH MARBUTA
 *   U+0675 ٵ HIGH HAMZA ALEF         -> U+0623 أ ALEF WITH HAMZA ABOVE
 *   U+0676 ٶ HIGH HAMZA WAW          -> U+0624 ؤ WAW WITH HAMZA ABOVE
 *   U+0678 ٸ HIGH HAMZA YEH          -> U+0626 ئ YEH WITH HAMZA ABOVE
 *
 * Kept, having no Arabic look-alike: پ U+067E, چ U+0686, ژ U+0698,
 * گ U+06AF, the retroflex letters ٹ ڈ ڑ, ں U+06BA, ے U+06D2, ۀ U+06C0 and
 * ۂ U+06C2 (heh with a hamza, which Arabic does not write), the Kurdish,
 * Pashto and Sindhi letters with extra dots, rings or vees, and the
 * Extended Arabic-Indic digits (--digits handles those).
 */
uint32_t ar_norm__fold_persian(uint32_t cp)
{
	switch (cp) {
	case 0x06A9:
	case 0x06AA:
		return 0x0643;
	case 0x06C1:
	case 0x06BE:
	case 0x06D5:
		return 0x0647;
	case 0x06C3:
		return 0x0629;
	case 0x0675:
		return 0x0623;
	case 0x0676:
		return 0x0624;
	case 0x0678:
		return 0x0626;
	default:
		return cp;
	}
}

uint32_t ar_norm__fold_tail(uint32_t cp, unsigned flags)
{
	/* --alef: ALEF WITH MADDA ABOVE, WITH HAMZA ABOVE, WITH HAMZA BELOW,
	 * ALEF WASLA, ALEF WITH WAVY HAMZA ABOVE and BELOW -> ALEF. */
	if ((flags & AR_NORM_ALEF) &&
	    (cp == 0x0622 || cp == 0x0623 || cp == 0x0625 ||
	     (cp >= 0x0671 && cp <= 0x0673)))
		cp = 0x0627;
	/* --hamza: WAW WITH HAMZA ABOVE -> WAW, YEH WITH HAMZA ABOVE -> YEH,
	 * and the hamza on heh that NFC composes (heh + U+0654): HEH WITH YEH
	 * ABOVE U+06C0 -> HEH, HEH GOAL WITH HAMZA ABOVE U+06C2 -> HEH GOAL
	 * (HEH with --persian), YEH BARREE WITH HAMZA ABOVE U+06D3 -> YEH
	 * BARREE. */
	if (flags & AR_NORM_HAMZA) {
		if (cp == 0x0624)
			cp = 0x0648;
		else if (cp == 0x0626)
			cp = 0x064A;
		else if (cp == 0x06C0)
			cp = 0x0647;
		else if (cp == 0x06C2)
			cp = (flags & AR_NORM_PERSIAN) ? 0x0647 : 0x06C1;
		else if (cp == 0x06D3)
			cp = 0x06D2;
	}
	/* --ya: ALEF MAKSURA -> YEH. */
	if ((flags & AR_NORM_YA) && cp == 0x0649)
		cp = 0x064A;
	/* --ta-marbuta: TEH MARBUTA -> HEH. */
	if ((flags & AR_NORM_TA_MARBUTA) && cp == 0x0629)
		cp = 0x0647;
	/* --digits: ARABIC-INDIC (U+0660-U+0669) and EXTENDED ARABIC-INDIC
	 * (U+06F0-U+06F9) digits <-> ASCII.  digits=arabic writes the
	 * Arabic-Indic ones, which Arabic uses. */
	if (flags & AR_NORM_DIGITS_ASCII) {
		if (cp >= 0x0660 && cp <= 0x0669)
			cp = '0' + (cp - 0x0660);
		else if (cp >= 0x06F0 && cp <= 0x06F9)
			cp = '0' + (cp - 0x06F0);
	} else if (flags & AR_NORM_DIGITS_ARABIC) {
		if (cp >= '0' && cp <= '9')
			cp = 0x0660 + (cp - '0');
		else if (cp >= 0x06F0 && cp <= 0x06F9)
			cp = 0x0660 + (cp - 0x06F0);
	}
	/* --punct: ARABIC COMMA, SEMICOLON, QUESTION MARK, PERCENT SIGN,
	 * DECIMAL SEPARATOR, THOUSANDS SEPARATOR and ARABIC FULL STOP
	 * (U+06D4, Urdu) -> their ASCII counterparts. */
	if (flags & AR_NORM_PUNCT) {
		switch (cp) {
		case 0x060C:
			cp = ',';
			break;
		case 0x061B:
			cp = ';';
			break;
		case 0x061F:
			cp = '?';
			break;
		case 0x066A:
			cp = '%';
			break;
		case 0x066B:
			cp = '.';
			break;
		case 0x066C:
			cp = ',';
			break;
		case 0x06D4:
			cp = '.';
			break;
		default:
			break;
		}
	}
	return cp;
}

uint32_t ar_norm__fold(uint32_t cp, unsigned flags)
{
	if (flags & AR_NORM_PERSIAN)
		cp = ar_norm__fold_persian(cp);
	return ar_norm__fold_tail(cp, flags);
}
