/* SPDX-License-Identifier: BSD-2-Clause */
/* mtx_unlock, sx_xunlock and rw_wunlock release what mtx_lock, sx_xlock and rw_wlock took. */
#include <sys/param.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/sx.h>
#include <sys/rwlock.h>

static struct mtx sc_mtx;
static struct sx sc_sx;
static struct rwlock sc_rw;
static int sc_count;

void
sc_update(void)
{
	mtx_lock(&sc_mtx);
	sc_count = 0;
	mtx_unlock(&sc_mtx);
	mtx_lock(&sc_mtx);
	sc_count++;
	mtx_unlock(&sc_mtx);

	sx_xlock(&sc_sx);
	sc_count++;
	sx_xunlock(&sc_sx);
	sx_slock(&sc_sx);
	sc_count++;
	sx_sunlock(&sc_sx);

	rw_wlock(&sc_rw);
	sc_count++;
	rw_wunlock(&sc_rw);
	rw_wlock(&sc_rw);
	sc_count++;
	rw_unlock(&sc_rw);
}
