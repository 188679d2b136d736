/* SPDX-License-Identifier: BSD-2-Clause */
/* mtx_assert(m, MA_NOTOWNED) says the lock is not held: sleeping there is fine. */
#include <sys/param.h>
#include <sys/lock.h>
#include <sys/mutex.h>

struct softc {
	struct mtx spin;
	int busy;
};

void
sc_wait_idle(struct softc *sc)
{
	mtx_assert(&sc->spin, MA_NOTOWNED);
	while (sc->busy)
		msleep(1);
	mtx_lock_spin(&sc->spin);
	sc->busy = 1;
	mtx_unlock_spin(&sc->spin);
}
