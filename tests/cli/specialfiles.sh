#!/bin/sh
# specialfiles.sh - dictionaries and word lists must be regular files of
# bounded size holding words: a FIFO, a device, a directory, an empty or
# wordless .dic given to arspell (or to artok --segment through DICPATH)
# is refused at once with status 2 and a message naming the file, never a
# hang, a spin or a dictionary that silently knows nothing.
tool=arspell
. "$(dirname "$0")/common.sh"
artok=${top_builddir:-.}/tools/artok
src=/usr/share/hunspell
[ -r "$src/en_US.aff" ] && [ -r "$src/en_US.dic" ] ||
	{ echo "SKIP: hunspell-en-us is not installed"; exit 77; }
mkdir "$tmp/d" "$tmp/a" || exit 99

# refused WHAT FILE CMD...: CMD exits 2 within 20 s, naming FILE
refused() {
	what=$1 file=$2
	shift 2
	timeout 20 "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" = 124 ]; then
		fail "$what: still running after 20 s"
	elif [ "$rc" != 2 ]; then
		fail "$what: status $rc, expected 2"
	elif ! grep -qF "$file" "$tmp/err"; then
		fail "$what: the message does not name $file: $(cat "$tmp/err")"
	fi
}

# put FILE KIND: make FILE (NAME.aff or NAME.dic) of that kind; a good
# one is en_US's
put() {
	rm -rf "$1"
	case $2 in
	good) cp "$src/en_US.${1##*.}" "$1" ;;
	fifo) mkfifo "$1" ;;
	zero) ln -s /dev/zero "$1" ;;
	dir) mkdir "$1" ;;
	empty) : >"$1" ;;
	count) echo 0 >"$1" ;;
	garbage) printf 'GIF89a\001\002binary\000data\n' >"$1" ;;
	esac
}

for kind in fifo zero dir empty count garbage; do
	put "$tmp/d/x.aff" good
	put "$tmp/d/x.dic" $kind
	refused ".dic: $kind" "x.dic" "$bin" -d "$tmp/d/x"
	# the segmenter's Arabic dictionary, found through DICPATH
	put "$tmp/a/ar.aff" good
	put "$tmp/a/ar.dic" $kind
	refused ".dic: $kind, artok --segment" "ar.dic" \
		env DICPATH="$tmp/a" "$artok" --segment
done
for kind in fifo zero dir; do
	put "$tmp/d/x.aff" $kind
	put "$tmp/d/x.dic" good
	refused ".aff: $kind" "x.aff" "$bin" -d "$tmp/d/x"
done

# gazetteers and personal word lists
mkfifo "$tmp/fifo.tsv"
for f in /dev/zero "$tmp/fifo.tsv" "$tmp/d"; do
	refused "--names $f" "$f" "$bin" --names "$f"
	refused "-p $f" "$f" "$bin" -p "$f"
done

# and the good dictionary still works, so the cases above can fail
put "$tmp/d/x.aff" good
put "$tmp/d/x.dic" good
echo "helo world" | timeout 20 "$bin" -l -d "$tmp/d/x" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" = 0 ] && [ "$(cat "$tmp/out")" = helo ] ||
	fail "a copy of en_US: status $rc, output '$(cat "$tmp/out")'"

finish
