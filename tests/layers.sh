#!/bin/sh
# layers.sh - the library's modules call downward only: check the code
# against the layer list of libarabic/README.md.  A file may include the
# internal headers, and call the public functions, of its own layer or of
# the layers above it in the list, never of a layer below.  Every source
# and header of libarabic/ must be in the list.
set -eu
srcdir=${srcdir:-.}
dir=$srcdir/libarabic
readme=$dir/README.md

# file -> layer, from the lines between the two markers
map=$(sed -n '/<!-- layers:/,/<!-- end layers -->/p' "$readme" |
	awk '$1 ~ /^[0-9]+$/ { for (i = 2; i <= NF; i++) if ($i ~ /\.(c|h|cc)$/) print $i, $1 }')
[ -n "$map" ] || { echo "layers.sh: no layer list in $readme"; exit 1; }

layer_of() {
	printf '%s\n' "$map" | awk -v f="$1" '$1 == f { print $2; exit }'
}

# The public functions of each layer, by prefix.
prefix_layer() {
	case $1 in
	ar_lexicon_*) echo 4 ;;
	ar_norm_* | ar_normalizer_*) echo 6 ;;
	ar_tok_* | ar_tokenizer_* | ar_token_type_name | ar_script_name) echo 8 ;;
	ar_spell_* | ar_speller_* | ar_finding_kind_name) echo 9 ;;
	*) echo 0 ;;
	esac
}

status=0
for f in "$dir"/*.c "$dir"/*.cc "$dir"/*.h; do
	b=$(basename "$f")
	case $b in
	config.h | arabic.h) continue ;; # the umbrella public header
	esac
	l=$(layer_of "$b")
	if [ -z "$l" ]; then
		# names_data.c is generated into the build tree
		echo "layers.sh: $b is not in the layer list of libarabic/README.md"
		status=1
		continue
	fi
	for h in $(sed -n 's/^#include "\([^"/]*\)".*/\1/p' "$f"); do
		case $h in
		config.h | arabic.h) continue ;;
		esac
		hl=$(layer_of "$h")
		if [ -z "$hl" ]; then
			echo "layers.sh: $b includes $h, which is in no layer"
			status=1
		elif [ "$hl" -gt "$l" ]; then
			echo "layers.sh: $b (layer $l) includes $h (layer $hl)"
			status=1
		fi
	done
	for fn in $(grep -o '\bar_[a-z]*_[a-z_]*(' "$f" | tr -d '(' |
		grep -v '__' | sort -u); do
		fl=$(prefix_layer "$fn")
		if [ "$fl" -gt "$l" ]; then
			echo "layers.sh: $b (layer $l) calls $fn (layer $fl)"
			status=1
		fi
	done
done
[ $status -eq 0 ] && echo "layers.sh: every module calls downward only"
exit $status
