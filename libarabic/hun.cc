/*
 * hun.cc - every call into hunspell, with its exceptions caught here
 * (hun.h says why and what they become).
 *
 * The handle is hunspell's own C++ object behind an opaque C type; the
 * suggestions are copied into malloc'd C strings before this file
 * returns, so no C++ object or exception outlives a call.
 */
#include <config.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include <hunspell.hxx>

#include "hun.h"

struct ar_hun {
	Hunspell *h;
};

/* The status of the exception being handled. */
static ar_status caught(void)
{
	try {
		throw;
	} catch (const std::bad_alloc &) {
		return AR_ENOMEM;
	} catch (const std::length_error &) {
		return AR_ENOMEM;
	} catch (...) {
		return AR_EDICT;
	}
}

ar_status ar_hun__create(ar_hun **out, const char *aff, const char *dic)
{
	ar_hun *x;

	*out = NULL;
	x = static_cast<ar_hun *>(std::malloc(sizeof *x));
	if (!x)
		return AR_ENOMEM;
	try {
		x->h = new Hunspell(aff, dic);
	} catch (...) {
		std::free(x);
		return caught();
	}
	*out = x;
	return AR_OK;
}

void ar_hun__destroy(ar_hun *x)
{
	if (!x)
		return;
	try {
		delete x->h;
	} catch (...) {
		/* a destructor that throws: nothing left to do but not
		 * let it through */
	}
	std::free(x);
}

ar_status ar_hun__spell(ar_hun *x, const char *w, int *ok)
{
	*ok = 0;
	try {
		*ok = x->h->spell(std::string(w)) ? 1 : 0;
	} catch (...) {
		return caught();
	}
	return AR_OK;
}

/* Free the first n strings of v, and v. */
static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		std::free(v[i]);
	std::free(v);
}

ar_status ar_hun__suggest(ar_hun *x, const char *w, char ***out, size_t *n)
{
	std::vector<std::string> list;
	char **v;
	size_t i;

	*out = NULL;
	*n = 0;
	try {
		list = x->h->suggest(std::string(w));
	} catch (...) {
		return caught();
	}
	if (list.empty())
		return AR_OK;
	v = static_cast<char **>(std::calloc(list.size(), sizeof *v));
	if (!v)
		return AR_ENOMEM;
	for (i = 0; i < list.size(); i++) {
		size_t len = list[i].size();
		v[i] = static_cast<char *>(std::malloc(len + 1));
		if (!v[i]) {
			free_strings(v, i);
			return AR_ENOMEM;
		}
		std::memcpy(v[i], list[i].c_str(), len + 1);
	}
	*out = v;
	*n = list.size();
	return AR_OK;
}
