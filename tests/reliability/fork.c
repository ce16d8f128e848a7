/*
 * tests/reliability/fork.c - a process forked while other threads open
 * spellers and build their first suggestions (which create hunspell
 * handles under the library's lock) must be able to open and use a
 * speller of its own.  Each trial starts the threads, forks after a
 * delay that varies from trial to trial, and gives the child a time limit
 * (a deadline in the parent, which then kills it, and alarm() in the
 * child as a backstop): a child still there after 10 s that has used no
 * CPU time for 3 s (blocked for good: a slow child on a busy machine
 * still makes progress), or still there after 120 s, is a hang.
 *
 * Usage: fork [TRIALS]   (default 12)
 * A hang or failure is a fault "fork hang" / "fork fail"; faults listed
 * in tests/reliability/KNOWN are reported as known and do not fail.
 * Exit status: 0 no new fault, 1 new fault, 77 the dictionaries are
 * missing, 99 harness error.
 */
#define _GNU_SOURCE
#include <arabic.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHILD_LIMIT      10  /* seconds */
#define CHILD_HARD_LIMIT 120 /* seconds */
#define STALL            3   /* seconds without CPU time */
#define BUSY_THREADS     2

static volatile int stop;

/* What the child, and the threads, check: a name typo and an unknown
 * Arabic word (its suggestions need hunspell's handle). */
static int check(void)
{
	static const char *const w[] = { "Telegerm", "بالتطبيقاتت" };
	ar_speller *sp = NULL;
	size_t i;
	int ok = ar_speller_new(&sp, NULL, NULL) == AR_OK;
	for (i = 0; ok && i < 2; i++) {
		ar_spell_findings *fs = NULL;
		ok = ar_spell_word(&fs, sp, w[i], strlen(w[i])) == AR_OK &&
		     ar_spell_findings_count(fs) == 1;
		ar_spell_findings_free(fs);
	}
	ar_speller_free(sp);
	return ok;
}

static void *busy(void *arg)
{
	(void)arg;
	while (!stop)
		check();
	return NULL;
}

static int is_known(const char *kind)
{
	const char *srcdir = getenv("top_srcdir");
	char path[4096], line[512], t[64], k[32];
	FILE *f;
	int found = 0;
	snprintf(path, sizeof path, "%s/tests/reliability/KNOWN",
	         srcdir ? srcdir : ".");
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (!found && fgets(line, sizeof line, f))
		if (line[0] != '#' && sscanf(line, "%63s %31s", t, k) == 2 &&
		    !strcmp(t, "fork") && !strcmp(k, kind))
			found = 1;
	fclose(f);
	return found;
}

/* What a child that did not finish is doing: the system call it waits
 * in (/proc/PID/syscall), where a futex means a lock nobody will release
 * (202 is futex on x86-64). */
static void waiting_on(pid_t pid, char *buf, size_t size)
{
	char path[64];
	long nr = -1;
	FILE *f;
	snprintf(path, sizeof path, "/proc/%ld/syscall", (long)pid);
	f = fopen(path, "r");
	buf[0] = '\0';
	if (f) {
		if (fscanf(f, "%ld", &nr) == 1 && nr >= 0)
			snprintf(buf, size, "system call %ld%s", nr,
#if defined(__x86_64__)
			         nr == 202 ? " (futex: a lock)" : "");
#else
			         "");
#endif
		fclose(f);
	}
}

/* CPU time (clock ticks) a process has used, or -1. */
static long cpu_ticks(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long ut, st;
	FILE *f;
	size_t n;
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')'); /* the name may hold spaces */
	if (!p || sscanf(p + 2,
	                 "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u "
	                 "%lu %lu",
	                 &ut, &st) != 2)
		return -1;
	return (long)(ut + st);
}

/* Wait for the child.  After CHILD_LIMIT seconds, a child that has used
 * no CPU time for STALL seconds is stuck (on a busy machine a slow child
 * still makes progress); after CHILD_HARD_LIMIT seconds any child is.
 * The child's own alarm() is the backstop.  Returns 0 when it finished
 * well, 1 when it failed, 2 when it hung; `what` gets where it waited. */
static int wait_child(pid_t pid, char *what, size_t size)
{
	int ws, tick, still = 0;
	long cpu = -1;
	for (tick = 0;; tick++) {
		pid_t r = waitpid(pid, &ws, WNOHANG);
		if (r == pid) {
			if (WIFSIGNALED(ws) && WTERMSIG(ws) == SIGALRM)
				return 2;
			return WIFEXITED(ws) && WEXITSTATUS(ws) == 0 ? 0 : 1;
		}
		if (r < 0 && errno != EINTR)
			return 1;
		if (tick % 10 == 0) {
			long c = cpu_ticks(pid);
			still = c == cpu ? still + 1 : 0;
			cpu = c;
		}
		if ((tick >= CHILD_LIMIT * 10 && still > STALL) ||
		    tick >= CHILD_HARD_LIMIT * 10)
			break;
		usleep(100000);
	}
	waiting_on(pid, what, size);
	kill(pid, SIGKILL);
	waitpid(pid, &ws, 0);
	return 2;
}

int main(int argc, char **argv)
{
	int trials = argc > 1 ? atoi(argv[1]) : 12, i, j;
	int hangs = 0, fails = 0, nnew = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!check()) {
		printf("fork: SKIP: no speller with suggestions "
		       "(hunspell-ar, hunspell-en-us missing?)\n");
		return 77;
	}
	for (i = 0; i < trials; i++) {
		pthread_t thr[BUSY_THREADS];
		struct timespec d = { 0, 0 };
		pid_t pid;
		char wchan[64] = "";
		long ms;
		int r;

		stop = 0;
		for (j = 0; j < BUSY_THREADS; j++)
			if (pthread_create(&thr[j], NULL, busy, NULL) != 0)
				return 99;
		/* 0 to 1.1 s, in steps of 100 ms, in a scattered order:
		 * during the opening, the loading and the first
		 * suggestions (hunspell's handle) of the threads' spellers */
		ms = (long)(i * 7 % 12) * 100;
		d.tv_sec = ms / 1000;
		d.tv_nsec = ms % 1000 * 1000000L;
		nanosleep(&d, NULL);
		pid = fork();
		if (pid < 0)
			return 99;
		if (pid == 0) {
			alarm(CHILD_HARD_LIMIT + 5);
			_exit(check() ? 0 : 1);
		}
		r = wait_child(pid, wchan, sizeof wchan);
		stop = 1;
		for (j = 0; j < BUSY_THREADS; j++)
			pthread_join(thr[j], NULL);
		printf("fork: trial %d, forked after %ld ms: %s%s%s\n", i + 1,
		       ms,
		       r == 0   ? "ok"
		       : r == 1 ? "the child's speller failed"
		                : "the child is stuck",
		       wchan[0] ? ", waiting in " : "", wchan);
		hangs += r == 2;
		fails += r == 1;
	}
	if (hangs) {
		int k = is_known("hang");
		printf("%s: fork hang: %d of %d children stuck (no CPU time "
		       "for %d s after %d s, or not done in %d s)\n",
		       k ? "known fault, not yet fixed" : "FAULT", hangs,
		       trials, STALL, CHILD_LIMIT, CHILD_HARD_LIMIT);
		nnew += !k;
	}
	if (fails) {
		int k = is_known("fail");
		printf("%s: fork fail: %d of %d children could not use a "
		       "speller\n",
		       k ? "known fault, not yet fixed" : "FAULT", fails,
		       trials);
		nnew += !k;
	}
	printf("fork: %d new fault(s)\n", nnew);
	return nnew ? 1 : 0;
}
