/*
 * norm_tables.h - character classes and letter maps of the normalizer,
 * shared by norm.c and norm_tables.c only (not installed).
 */
#ifndef AR_NORM_TABLES_H
#define AR_NORM_TABLES_H

#include <stdint.h>

/* Code point classes (the exact sets of issue 2 and arabic/norm.h). */
int ar_norm__is_invisible(uint32_t cp);    /* --invisible removes it */
int ar_norm__is_hspace(uint32_t cp);       /* --spaces makes it ' ' */
int ar_norm__is_linebreak(uint32_t cp);    /* ends a line for trimming */
int ar_norm__is_strip(uint32_t cp);        /* --strip-diacritics set */
int ar_norm__is_hamza_mark(uint32_t cp);   /* U+0653..U+0655 */
int ar_norm__is_arabic(uint32_t cp);       /* in an Arabic block */
int ar_norm__is_presentation(uint32_t cp); /* --nfkc-arabic ranges */
/* The words of a phrase ligature that Unicode does not decompose (﷽),
 * UTF-8, or NULL. */
const char *ar_norm__phrase(uint32_t cp);

/* The one-to-one letter folds after --strip-diacritics, in their order:
 * persian, alef, hamza, ya, ta-marbuta, digits, punct.  U+06CC under
 * --persian depends on the next letter and is left to the caller, who
 * passes the chosen letter to ar_norm__fold_tail(). */
uint32_t ar_norm__fold(uint32_t cp, unsigned flags);
uint32_t ar_norm__fold_tail(uint32_t cp, unsigned flags);

/* --persian on one letter, but for FARSI YEH (whose fold depends on the
 * next letter, norm.c): the Persian and Urdu letters that look like
 * Arabic ones, as the table above lists them. */
uint32_t ar_norm__fold_persian(uint32_t cp);

#define AR_NORM__FARSI_YEH 0x06CCu

#endif /* AR_NORM_TABLES_H */
