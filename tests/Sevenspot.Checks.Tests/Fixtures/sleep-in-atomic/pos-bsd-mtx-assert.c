/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mtx_assert(m, MA_OWNED) says the caller holds m here, as lockdep_assert_held does; m is a
 * spin mutex (the function releases it with mtx_unlock_spin), so nothing may sleep before that.
 */
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
	mtx_assert(&sc->spin, MA_OWNED);
	while (sc->busy)
		msleep(1);	/* BUG: sleeps holding the spin mutex */
	mtx_unlock_spin(&sc->spin);
}
