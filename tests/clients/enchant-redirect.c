/*
 * enchant-redirect.c - a test helper preloaded (LD_PRELOAD) into Enchant
 * clients.  Enchant 2 loads its providers from one directory fixed when it
 * was built, and no variable moves it; to test the provider of the build
 * tree without installing it into the system, this makes Enchant's
 * g_dir_open() and g_module_open() of that directory
 * ($AR_ENCHANT_SYSTEM_MODULEDIR) use $AR_ENCHANT_TEST_MODULEDIR instead.
 * Everything else goes to GLib unchanged.  GLib is looked up by name, not
 * with RTLD_NEXT: a client that loads Enchant with dlopen(RTLD_LOCAL), as
 * Python's ctypes does, keeps GLib out of the global scope.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <glib.h>
#include <gmodule.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where a path under the system directory goes, in buf; NULL when the
 * path is not under it or the variables are unset. */
static const char *redirect(const char *path, char *buf, size_t size)
{
	const char *from = getenv("AR_ENCHANT_SYSTEM_MODULEDIR");
	const char *to = getenv("AR_ENCHANT_TEST_MODULEDIR");
	size_t n;

	if (!path || !from || !to || !*from)
		return NULL;
	n = strlen(from);
	if (strncmp(path, from, n) != 0 || (path[n] != '\0' && path[n] != '/'))
		return NULL;
	if ((size_t)snprintf(buf, size, "%s%s", to, path + n) >= size)
		return NULL;
	return buf;
}

/* The GLib function NAME of library LIB, already loaded by Enchant. */
static void *real_fn(const char *lib, const char *name)
{
	void *h = dlopen(lib, RTLD_LAZY | RTLD_NOLOAD);
	void *f = h ? dlsym(h, name) : NULL;

	if (!f) {
		fprintf(stderr, "enchant-redirect: %s: no %s\n", lib, name);
		abort();
	}
	return f;
}

GDir *g_dir_open(const gchar *path, guint flags, GError **error)
{
	GDir *(*real)(const gchar *, guint, GError **);
	char buf[4096];
	const char *p = redirect(path, buf, sizeof buf);

	*(void **)&real = real_fn("libglib-2.0.so.0", "g_dir_open");
	return real(p ? p : path, flags, error);
}

GModule *g_module_open(const gchar *file, GModuleFlags flags)
{
	GModule *(*real)(const gchar *, GModuleFlags);
	char buf[4096];
	const char *p = redirect(file, buf, sizeof buf);

	*(void **)&real = real_fn("libgmodule-2.0.so.0", "g_module_open");
	return real(p ? p : file, flags);
}
