#!/bin/sh
# lingua-ispell.sh - Perl's Lingua::Ispell (Debian liblingua-ispell-perl)
# with arspell as its ispell, unmodified: it starts PROG -a -S, reads the
# banner, turns terse mode on and sends "^LINE" lines.  Skipped without
# the module.  Words added with add_word and saved go to the default
# personal dictionary.
tool=arspell
. "$(dirname "$0")/../cli/common.sh"

perl -MLingua::Ispell -e 1 2>/dev/null ||
	{ echo "SKIP: no Lingua::Ispell"; exit 77; }
if ! "$bin" </dev/null >/dev/null 2>"$tmp/err"; then
	if grep -q "not found" "$tmp/err"; then
		echo "SKIP: $(cat "$tmp/err")"
		exit 77
	fi
fi

# One line per finding: LINE TYPE TERM OFFSET FIRST-OFFER.
ARSPELL=$bin perl -e '
use strict;
use Lingua::Ispell qw(spellcheck);
$Lingua::Ispell::path = $ENV{ARSPELL};
my @lines = ("Telegerm is down, said Doroff.",
             "قال بافل دوروف إن تيليجرام وأمازون عادا إلى العمل.",
             "The cat sat on teh mat.");
for my $i (0 .. $#lines) {
	for my $r (spellcheck($lines[$i])) {
		my @m = @{ $r->{misses} || [] };
		print join(" ", $i + 1, $r->{type}, $r->{term}, $r->{offset},
		           @m ? $m[0] : "-"), "\n";
	}
	print $i + 1, " done\n";
}
# add_word sends "*WORD", save_dictionary "#"
Lingua::Ispell::add_word("Qwzxyv");
Lingua::Ispell::save_dictionary();
print "added ", scalar(spellcheck("Qwzxyv")), "\n";
' >"$tmp/out" 2>"$tmp/err" || { fail "perl exited $?"; cat "$tmp/err"; }

# Offsets count characters from the start of the line, with the "^".
cat >"$tmp/want" <<'EOW'
1 miss Telegerm 1 Telegram
1 miss Doroff 24 Durov
1 done
2 done
3 miss teh 16 the
3 done
added 0
EOW
cmp -s "$tmp/out" "$tmp/want" || { fail "Lingua::Ispell results"; diff "$tmp/want" "$tmp/out"; }

printf 'Qwzxyv\n' | cmp -s - "$XDG_CONFIG_HOME/libarabic/personal.dic" ||
	fail "personal dictionary after add_word"

finish
