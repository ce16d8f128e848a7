/*
 * arnorm.c - normalize Arabic text: a thin main over ar_norm_feed().
 * Options are the library's flag names (ar_norm_flag_from_name), so the
 * two cannot drift apart.
 */
#include "config.h"

#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum {
	OPT_PROFILE = 256,
	OPT_DIGITS,
	OPT_INVALID,
	OPT_HELP,
	OPT_VERSION,
	OPT_OP, /* OPT_OP + i: the i-th operation of ops[] */
	OPT_NO_OP = OPT_OP + 64
};

/* The on/off operations, by their library names. */
/* clang-format off */
static const char *const ops[] = {
	"nfc", "nfkc-arabic", "nfkc", "strip-diacritics", "strip-tatweel",
	"alef", "ya", "ta-marbuta", "hamza", "persian", "punct", "invisible",
	"spaces",
};
/* clang-format on */
#define NOPS (sizeof ops / sizeof ops[0])

static void usage(void)
{
	printf("Usage: %s [OPTION]... [FILE]...\n", cli_progname());
	/* clang-format off */
	fputs(
"Normalize Arabic text in each FILE (or standard input) to standard output.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"With no operation, the 'clean' profile is used.\n"
"\n"
"Profiles (later operations add to them, --no-OP removes one):\n"
"      --profile=clean     nfc, nfkc-arabic, strip-tatweel, invisible,\n"
"                          persian, spaces: spelling and diacritics kept\n"
"      --profile=search    clean plus strip-diacritics, alef, ya,\n"
"                          ta-marbuta, hamza, digits=ascii, punct\n"
"      --profile=none      no operation (input is still checked)\n"
"\n"
"Operations:\n"
"      --nfc               canonical composition (NFC)\n"
"      --nfkc-arabic       fold Arabic presentation forms (U+FB50-U+FDFF,\n"
"                          U+FE70-U+FEFF) to letters, e.g. ligatures\n"
"      --nfkc              full compatibility normalization (NFKC)\n"
"      --strip-diacritics  remove harakat and Quranic marks from Arabic\n"
"                          letters (hamza and madda marks are composed)\n"
"      --strip-tatweel     remove tatweel (U+0640)\n"
"      --alef              fold alef with hamza, madda or wasla to bare alef\n"
"      --ya                fold alef maksura to ya\n"
"      --ta-marbuta        fold ta marbuta to ha\n"
"      --hamza             fold waw and ya with hamza to waw and ya\n"
"      --persian           fold Persian/Urdu look-alike letters to Arabic\n"
"      --digits=WHICH      ascii, arabic (Arabic-Indic) or keep\n"
"      --punct             Arabic comma, semicolon, question mark... to ASCII\n"
"      --invisible         remove zero-width and bidi control characters\n"
"      --spaces            unify horizontal spaces, collapse runs, trim lines\n"
"      --no-OP             do not do OP (e.g. --no-ta-marbuta, --no-digits)\n"
"\n"
"Other options:\n"
"      --invalid=MODE      invalid UTF-8: error (default), replace (with\n"
"                          U+FFFD, count reported) or keep (passed through)\n"
"  -i, --input-encoding=ENC\n"
"                          read the input in ENC (windows-1256, ISO-8859-6,\n"
"                          UTF-16...), not UTF-8; the output is UTF-8\n"
"  -o, --output=FILE       write to FILE, replaced only when all went well\n"
"      --help              display this help and exit\n"
"      --version           output version information and exit\n"
"\n"
"Exit status: 0 if all went well, 2 on trouble (unreadable file, invalid\n"
"UTF-8, write error, bad option).  Positions in messages are\n"
"FILE:LINE:COLUMN, the column counted in Unicode characters from 1.\n",
	      stdout);
	/* clang-format on */
	exit(CLI_OK);
}

typedef struct run {
	ar_normalizer *n;
	ar_invalid_mode invalid;
	uint64_t invalid_before;
	const char *name;
	int failed; /* the current file hit an error */
} run;

static int sink(const char *data, size_t len, const ar_norm_span *spans,
                size_t nspans, void *payload)
{
	(void)spans;
	(void)nspans;
	(void)payload;
	cli_write(data, len);
	return 0;
}

static int on_start(const char *name, void *ctx)
{
	run *r = ctx;

	/* Each file is its own stream: an error in one cannot leak into the
	 * next. */
	ar_norm_reset(r->n);
	r->name = name;
	r->failed = 0;
	r->invalid_before = ar_norm_invalid_count(r->n);
	return 0;
}

static int on_chunk(const char *data, size_t len, void *ctx)
{
	run *r = ctx;
	ar_error err;
	ar_status st;

	memset(&err, 0, sizeof err);
	st = ar_norm_feed(r->n, data, len, sink, NULL, &err);
	if (st != AR_OK) {
		cli_report(r->name, st, &err);
		r->failed = 1;
		return -1;
	}
	return 0;
}

static int on_done(const char *name, int ok, void *ctx)
{
	run *r = ctx;
	ar_error err;
	ar_status st;
	uint64_t bad;

	if (!ok || r->failed) {
		ar_norm_reset(r->n);
		return r->failed ? -1 : 0;
	}
	memset(&err, 0, sizeof err);
	st = ar_norm_finish(r->n, sink, NULL, &err);
	if (st != AR_OK) {
		cli_report(name, st, &err);
		return -1;
	}
	/* converted input has its invalid sequences replaced by the
	 * conversion, even with --invalid=keep: bytes that are not text
	 * cannot be written as UTF-8 */
	bad = ar_norm_invalid_count(r->n) - r->invalid_before +
	      cli_input_replaced();
	if (bad && (r->invalid == AR_INVALID_REPLACE || cli_input_replaced()))
		cli_error("%s: %llu invalid %s sequence%s replaced", name,
		          (unsigned long long)bad, cli_input_encoding_name(),
		          bad == 1 ? "" : "s");
	else if (bad && r->invalid == AR_INVALID_KEEP)
		cli_error("%s: %llu invalid UTF-8 sequence%s kept", name,
		          (unsigned long long)bad, bad == 1 ? "" : "s");
	return 0;
}

int main(int argc, char **argv)
{
	struct option longopts[2 * NOPS + 9];
	ar_norm_options opts = AR_NORM_OPTIONS_INIT;
	/* Operations in the order given, replayed on the base profile. */
	unsigned *set_, *clr, *base;
	int nset = 0, any_op = 0, have_profile = 0, c, status, i;
	unsigned profile = AR_NORM_PROFILE_NONE;
	const char *output = NULL;
	run r;
	ar_status st;

	cli_init(argv[0]);
	set_ = calloc((size_t)argc + 1, sizeof *set_);
	clr = calloc((size_t)argc + 1, sizeof *clr);
	base = calloc((size_t)argc + 1, sizeof *base);
	if (!set_ || !clr || !base) {
		cli_error("%s", ar_strerror(AR_ENOMEM));
		return CLI_TROUBLE;
	}
	for (i = 0; i < (int)NOPS; i++) {
		static char names[NOPS][32];
		longopts[2 * i].name = ops[i];
		longopts[2 * i].has_arg = no_argument;
		longopts[2 * i].flag = NULL;
		longopts[2 * i].val = OPT_OP + i;
		snprintf(names[i], sizeof names[i], "no-%s", ops[i]);
		longopts[2 * i + 1].name = names[i];
		longopts[2 * i + 1].has_arg = no_argument;
		longopts[2 * i + 1].flag = NULL;
		longopts[2 * i + 1].val = OPT_NO_OP + i;
	}
	{
		static const struct option more[] = {
			{ "profile", required_argument, NULL, OPT_PROFILE },
			{ "digits", required_argument, NULL, OPT_DIGITS },
			{ "no-digits", no_argument, NULL, OPT_DIGITS + 1000 },
			{ "invalid", required_argument, NULL, OPT_INVALID },
			{ "input-encoding", required_argument, NULL, 'i' },
			{ "output", required_argument, NULL, 'o' },
			{ "help", no_argument, NULL, OPT_HELP },
			{ "version", no_argument, NULL, OPT_VERSION },
			{ NULL, 0, NULL, 0 },
		};
		memcpy(&longopts[2 * NOPS], more, sizeof more);
	}

	/* Each entry: base[k] != 0 means "start from this profile"
	 * (profile value + 1 in clr[k]), else set/clear bits. */
	while ((c = getopt_long(argc, argv, "i:o:", longopts, NULL)) != -1) {
		unsigned f;
		switch (c) {
		case 'i':
			cli_input_encoding(optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_PROFILE:
			if (ar_norm_profile(&profile, optarg) != AR_OK)
				cli_usage_error("invalid argument '%s' for "
				                "'--profile' (valid: clean, "
				                "search, none)",
				                optarg);
			have_profile = 1;
			base[nset] = 1;
			set_[nset] = profile;
			clr[nset++] = ~0u;
			break;
		case OPT_DIGITS:
			if (strcmp(optarg, "keep") == 0)
				f = 0;
			else if (strcmp(optarg, "ascii") == 0)
				f = AR_NORM_DIGITS_ASCII;
			else if (strcmp(optarg, "arabic") == 0)
				f = AR_NORM_DIGITS_ARABIC;
			else
				cli_usage_error("invalid argument '%s' for "
				                "'--digits' (valid: ascii, "
				                "arabic, keep)",
				                optarg);
			any_op |= f != 0;
			set_[nset] = f;
			clr[nset++] =
			        AR_NORM_DIGITS_ASCII | AR_NORM_DIGITS_ARABIC;
			break;
		case OPT_DIGITS + 1000:
			set_[nset] = 0;
			clr[nset++] =
			        AR_NORM_DIGITS_ASCII | AR_NORM_DIGITS_ARABIC;
			break;
		case OPT_INVALID:
			opts.invalid = cli_parse_invalid(optarg);
			break;
		case OPT_HELP:
			usage();
			break;
		case OPT_VERSION:
			cli_version();
			break;
		default:
			if (c >= OPT_OP && c < OPT_OP + (int)NOPS) {
				ar_norm_flag_from_name(&f, ops[c - OPT_OP]);
				any_op = 1;
				set_[nset] = f;
				clr[nset++] = 0;
			} else if (c >= OPT_NO_OP &&
			           c < OPT_NO_OP + (int)NOPS) {
				ar_norm_flag_from_name(&f, ops[c - OPT_NO_OP]);
				set_[nset] = 0;
				clr[nset++] = f;
			} else {
				cli_usage_error(NULL);
			}
			break;
		}
	}
	/* No profile and no operation: the clean profile, minus any --no-OP. */
	opts.flags = (have_profile || any_op) ? AR_NORM_PROFILE_NONE
	                                      : AR_NORM_PROFILE_CLEAN;
	for (i = 0; i < nset; i++) {
		if (base[i])
			opts.flags = set_[i];
		else
			opts.flags = (opts.flags & ~clr[i]) | set_[i];
	}
	free(set_);
	free(clr);
	free(base);

	st = ar_normalizer_new(&r.n, &opts);
	if (st != AR_OK) {
		cli_error("%s", ar_strerror(st));
		return CLI_TROUBLE;
	}
	if (output)
		cli_output_to(output);
	r.invalid = opts.invalid;
	r.name = NULL;
	r.failed = 0;
	r.invalid_before = 0;
	status = cli_read_inputs(argv + optind, argc - optind, on_start,
	                         on_chunk, on_done, &r);
	ar_normalizer_free(r.n);
	return status;
}
