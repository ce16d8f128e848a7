/*
 * seg.c - clitic segmentation of Arabic words, checked against the hunspell
 * Arabic dictionary (Debian package hunspell-ar).
 */
#include "config.h"

#include "tok_int.h"

#include <hunspell/hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

struct ar_seg {
	Hunhandle *hun;
};

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Look for ar.aff and ar.dic in dir; fill aff/dic on success. */
static int try_dir(const char *dir, size_t dlen, char *aff, char *dic,
                   size_t size)
{
	int n1 = snprintf(aff, size, "%.*s/ar.aff", (int)dlen, dir);
	int n2 = snprintf(dic, size, "%.*s/ar.dic", (int)dlen, dir);

	if (n1 < 0 || n2 < 0 || (size_t)n1 >= size || (size_t)n2 >= size)
		return 0;
	return file_exists(aff) && file_exists(dic);
}

ar_status ar_seg__new(ar_seg **out, const char *dict_dir, ar_error *err)
{
	char aff[4096], dic[4096];
	const char *env = getenv("DICPATH");
	int found = 0;
	ar_seg *s;

	*out = NULL;
	if (dict_dir) {
		found = try_dir(dict_dir, strlen(dict_dir), aff, dic,
		                sizeof aff);
	} else {
		/* DICPATH is a colon-separated list, as for hunspell(1) */
		while (env && *env && !found) {
			const char *colon = strchr(env, ':');
			size_t l = colon ? (size_t)(colon - env) : strlen(env);
			if (l)
				found = try_dir(env, l, aff, dic, sizeof aff);
			env = colon ? colon + 1 : NULL;
		}
		if (!found)
			found = try_dir(AR_DICTDIR, strlen(AR_DICTDIR), aff,
			                dic, sizeof aff);
	}
	if (!found) {
		ar_error__set(err, 0, 0, 0,
		              "Arabic hunspell dictionary ar.aff/ar.dic not "
		              "found in %s (install the package hunspell-ar)",
		              dict_dir ? dict_dir :
		              "DICPATH or " AR_DICTDIR);
		return AR_EDICT;
	}
	s = calloc(1, sizeof *s);
	if (!s)
		return AR_ENOMEM;
	s->hun = Hunspell_create(aff, dic);
	if (!s->hun) {
		free(s);
		ar_error__set(err, 0, 0, 0, "%s: cannot load the dictionary",
		              dic);
		return AR_EDICT;
	}
	*out = s;
	return AR_OK;
}

void ar_seg__free(ar_seg *s)
{
	if (!s)
		return;
	if (s->hun)
		Hunspell_destroy(s->hun);
	free(s);
}

int ar_seg__split(ar_seg *s, const char *w, size_t len, int ud,
                  ar_seg_piece *out)
{
	(void)s;
	(void)w;
	(void)ud;
	out[0].off = 0;
	out[0].len = len;
	out[0].form = NULL;
	out[0].form_len = 0;
	out[0].kind = 0;
	return 1;
}
