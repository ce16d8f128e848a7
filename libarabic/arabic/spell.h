/*
 * arabic/spell.h - spell-checking with hunspell and a names gazetteer.
 * Include <arabic.h>.  (Being written: see issue "arspell".)
 */
#ifndef ARABIC_SPELL_H
#define ARABIC_SPELL_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* ARABIC_SPELL_H */
