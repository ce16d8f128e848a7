#!/bin/sh
# emacs.sh - Emacs' ispell and flyspell with arspell as ispell-program-name,
# unmodified, in batch mode (emacs.el drives them): ispell-word on a
# misspelled name, ispell-buffer on the seed article, flyspell-buffer on
# the article (over 1,000 characters: flyspell runs arspell -l) and on a
# short buffer (word by word through -a); a word inserted into the
# private dictionary is saved in the default personal dictionary.  Skipped without emacs.
tool=arspell
. "$(dirname "$0")/../cli/common.sh"
srcdir=${top_srcdir:-.}

command -v emacs >/dev/null 2>&1 || { echo "SKIP: no emacs"; exit 77; }
if ! "$bin" </dev/null >/dev/null 2>"$tmp/err"; then
	if grep -q "not found" "$tmp/err"; then
		echo "SKIP: $(cat "$tmp/err")"
		exit 77
	fi
fi

# Emacs starts the program by name, so give it an absolute one.
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
case $srcdir in /*) ;; *) srcdir=$(pwd)/$srcdir ;; esac
ARSPELL=$bin ARTICLE=$srcdir/corpus/telegram-outage-ar.txt HOME=$tmp \
	timeout 300 emacs -Q --batch -l "$srcdir/tests/clients/emacs.el" \
	>"$tmp/out" 2>"$tmp/err"
status=$?
[ $status = 0 ] || { fail "emacs exited $status"; tail -5 "$tmp/err"; }
grep '^error' "$tmp/out" && fail "an Emacs command failed"

# What each command found, in order: the misspelled names of the article
# (as its golden file corpus/telegram-outage-ar.spell) with the name
# offered first, and nothing else; flyspell's large path ran.
cat >"$tmp/want" <<'EOW'
word Telegerm Telegram
inserted t
buffer Telegerm Telegram
buffer Telepharm Telegram
buffer Doroff Durov
size-large t
flyspell-large Telegerm
flyspell-large Telepharm
flyspell-large Doroff
size-small nil
flyspell-small Telegerm
flyspell-small Doroff
EOW
cmp -s "$tmp/out" "$tmp/want" || { fail "Emacs results"; diff "$tmp/want" "$tmp/out"; }

# The names in the right spelling are never flagged.
for w in Durov Pavel تيليجرام وأمازون دوروف; do
	grep -q "^[a-z-]* $w\( \|$\)" "$tmp/out" && fail "'$w' flagged"
done
grep -q "Ispell misalignment" "$tmp/err" && fail "misalignment"
# The inserted word went to the default personal dictionary.
printf 'Qwzxyv\n' | cmp -s - "$XDG_CONFIG_HOME/libarabic/personal.dic" ||
	fail "personal dictionary after 'i'"

finish
