# libreoffice.py - ask a running LibreOffice's spell checker about words.
# Usage: python3 libreoffice.py PIPE-NAME TAG:WORD...
# Connects to "soffice --accept=pipe,name=PIPE-NAME;urp;" (waiting up to
# a minute for it to start), asks LibreOffice's hunspell spell checker (the
# service com.sun.star.linguistic2.SpellChecker, which reads the
# dictionaries of extensions and to which the LinguServiceManager sends
# the words of documents) about each WORD in the locale TAG (ar, en-US...), prints one line
# "TAG<TAB>WORD<TAB>correct|wrong<TAB>suggestions" per word, then closes
# LibreOffice.
import os
import sys
import time

import uno
from com.sun.star.lang import Locale


def locale(tag):
    lang, _, country = tag.partition("-")
    return Locale(lang, country, "")


def main():
    pipe = sys.argv[1]
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
    for _ in range(600):
        try:
            ctx = resolver.resolve(url)
            break
        except Exception:
            time.sleep(0.1)
    else:
        sys.exit("libreoffice.py: cannot connect to soffice")
    smgr = ctx.ServiceManager
    # Not LinguServiceManager.getSpellChecker(): its dispatcher also has
    # the older XSpellChecker1.isValid(word, language number), which the
    # Python bridge picks, and then fails to convert the Locale.
    checker = smgr.createInstanceWithContext(
        "com.sun.star.linguistic2.SpellChecker", ctx)
    for arg in sys.argv[2:]:
        tag, _, word = arg.partition(":")
        loc = locale(tag)
        if checker.isValid(word, loc, ()):
            print("%s\t%s\tcorrect\t" % (tag, word))
        else:
            alt = checker.spell(word, loc, ())
            sugs = list(alt.getAlternatives()) if alt else []
            print("%s\t%s\twrong\t%s" % (tag, word, ", ".join(sugs[:5])))
    sys.stdout.flush()
    try:
        smgr.createInstanceWithContext("com.sun.star.frame.Desktop",
                                       ctx).terminate()
    except Exception:
        pass  # the bridge closes as LibreOffice exits
    # the bridge to a LibreOffice that has gone may crash the interpreter's
    # teardown (now and then, a segmentation fault): the answers are out
    os._exit(0)


main()
