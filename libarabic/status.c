/* status.c - status strings, version, result buffers and error details. */
#include "config.h"

#include "private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *ar_strerror(int status)
{
	switch (status) {
	case AR_OK:
		return "success";
	case AR_ENOMEM:
		return "out of memory";
	case AR_EINVAL:
		return "invalid argument";
	case AR_EUTF8:
		return "invalid UTF-8";
	case AR_EIO:
		return "input/output error";
	case AR_EDICT:
		return "dictionary missing, unreadable or malformed";
	case AR_EUSER:
		return "stopped by a callback";
	default:
		return "unknown error";
	}
}

const char *ar_version(void)
{
	return AR_VERSION_STRING;
}

void ar_buf_dispose(ar_buf *buf)
{
	if (!buf)
		return;
	free(buf->ptr);
	buf->ptr = NULL;
	buf->size = buf->asize = 0;
}

int ar_array__grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t n;
	void *q;

	if (need <= *cap)
		return 0;
	n = *cap ? *cap : 16;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -1;
		n *= 2;
	}
	if (elem && n > SIZE_MAX / elem)
		return -1;
	q = realloc(*p, n * elem);
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

/* Make room for `need` more bytes plus a terminating NUL. */
ar_status ar_buf__grow(ar_buf *b, size_t need)
{
	size_t want, n;
	char *p;

	if (need > SIZE_MAX - b->size - 1)
		return AR_ENOMEM;
	want = b->size + need + 1;
	if (want <= b->asize)
		return AR_OK;
	n = b->asize ? b->asize : 64;
	while (n < want)
		n = n > SIZE_MAX / 2 ? want : n * 2;
	p = realloc(b->ptr, n);
	if (!p)
		return AR_ENOMEM;
	b->ptr = p;
	b->asize = n;
	return AR_OK;
}

ar_status ar_buf__put(ar_buf *b, const void *data, size_t len)
{
	ar_status st = ar_buf__grow(b, len);
	if (st != AR_OK)
		return st;
	if (len)
		memcpy(b->ptr + b->size, data, len);
	b->size += len;
	b->ptr[b->size] = '\0';
	return AR_OK;
}

static ar_status file_error(const char *path, int e, const char *why,
                            ar_error *err)
{
	ar_error__set(err, 0, 0, 0, "%s: %s", path, why ? why : strerror(e));
	if (err)
		snprintf(err->source, sizeof err->source, "%s", path);
	/* open() and read() allocate in the kernel: their failure is the
	 * caller's AR_ENOMEM, not a file it can fix */
	return !why && e == ENOMEM ? AR_ENOMEM : AR_EIO;
}

ar_status ar_file__open(const char *path, int *fd, size_t *size, ar_error *err)
{
	struct stat st;
	int e;

	*fd = -1;
	*size = 0;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	*fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (*fd < 0)
		return file_error(path, errno, NULL, err);
	if (fstat(*fd, &st) != 0) {
		e = errno;
		close(*fd);
		*fd = -1;
		return file_error(path, e, NULL, err);
	}
	if (!S_ISREG(st.st_mode) || (uintmax_t)st.st_size > AR_FILE_MAX) {
		close(*fd);
		*fd = -1;
		return file_error(path, 0,
		                  S_ISDIR(st.st_mode) ? "is a directory"
		                  : !S_ISREG(st.st_mode)
		                          ? "not a regular file"
		                          : "too large (over 256 MiB)",
		                  err);
	}
	*size = (size_t)st.st_size;
	return AR_OK;
}

ar_status ar_buf__read_file(ar_buf *b, const char *path, ar_error *err)
{
	size_t size;
	int fd, e;
	ar_status st;

	ar_buf__clear(b);
	st = ar_file__open(path, &fd, &size, err);
	if (st != AR_OK)
		return st;
	/* one more byte than the size: a file that grew since is seen */
	if (ar_buf__grow(b, size + 2) != AR_OK) {
		close(fd);
		return AR_ENOMEM;
	}
	for (;;) {
		ssize_t got;
		if (b->asize - b->size < 4096 + 1) {
			if (b->size >= AR_FILE_MAX) {
				close(fd);
				ar_buf__clear(b);
				return file_error(path, 0,
				                  "too large (over 256 MiB)",
				                  err);
			}
			if (ar_buf__grow(b, 65536) != AR_OK) {
				close(fd);
				return AR_ENOMEM;
			}
		}
		got = read(fd, b->ptr + b->size, b->asize - b->size - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			e = errno;
			close(fd);
			b->ptr[b->size] = '\0';
			if (got == 0)
				return AR_OK;
			ar_buf__clear(b);
			return file_error(path, e, NULL, err);
		}
		b->size += (size_t)got;
		b->ptr[b->size] = '\0';
	}
}

void ar_error__set(ar_error *err, uint64_t line, uint64_t column,
                   uint64_t offset, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	err->line = line;
	err->column = column;
	err->offset = offset;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
}
