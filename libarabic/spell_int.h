/*
 * spell_int.h - what the spell-checker (spell.c) and the names gazetteer
 * (names.c) share.  Not installed.
 */
#ifndef AR_SPELL_INT_H
#define AR_SPELL_INT_H

#include "dict_int.h"
#include "names.h"

#endif /* AR_SPELL_INT_H */
