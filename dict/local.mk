# dict/local.mk - our hunspell supplements and the names gazetteer.
