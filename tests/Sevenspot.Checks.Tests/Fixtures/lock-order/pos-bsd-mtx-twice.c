/* SPDX-License-Identifier: BSD-2-Clause */
/* A BSD kernel's mtx_lock of a global mutex while it is held: the second waits for itself. */
#include <sys/param.h>
#include <sys/lock.h>
#include <sys/mutex.h>

static struct mtx sc_mtx;
static int sc_count;

void
sc_update(int full)
{
	mtx_lock(&sc_mtx);
	if (full)
		sc_count = 0;
	mtx_lock(&sc_mtx);	/* BUG: sc_mtx taken while held */
	sc_count++;
	mtx_unlock(&sc_mtx);
	mtx_unlock(&sc_mtx);
}
