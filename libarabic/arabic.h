/*
 * arabic.h - libarabic, Arabic text normalization, tokenization and
 * spell-checking.  This umbrella header is the only one a program needs:
 *
 *     #include <arabic.h>
 *
 * The API is split by stage into arabic/common.h (status codes, buffers,
 * errors, UTF-8), arabic/norm.h (normalizer), arabic/tok.h (tokenizer) and
 * arabic/spell.h (spell-checker and names gazetteer); arabic/dict.h
 * (lexicons) lets a speller and tokenizers share their dictionaries.  Each of those headers
 * is the reference manual of its stage.
 *
 * Thread safety, for the whole library: there is no global mutable state and
 * no initialisation call.  Tables are static const.  A handle
 * (ar_normalizer, ar_tokenizer, ar_speller) may be used by one thread at a
 * time; distinct handles may be used concurrently.  Exceptions are stated
 * in the function's comment.
 */
#ifndef ARABIC_H
#define ARABIC_H

#include "arabic/version.h"
#include "arabic/common.h"
#include "arabic/dict.h"
#include "arabic/norm.h"
#include "arabic/tok.h"
#include "arabic/spell.h"

#endif /* ARABIC_H */
