// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys/queue.h iterators move their variable to the next element at each turn: removing the
 * current element in the body of a _SAFE iterator removes a different element each time.
 */
#include <sys/queue.h>
#include <stdlib.h>

struct job {
	TAILQ_ENTRY(job) link;
	LIST_ENTRY(job) hash;
	STAILQ_ENTRY(job) done;
	SLIST_ENTRY(job) free;
	int state;
};

TAILQ_HEAD(job_queue, job);
LIST_HEAD(job_hash, job);
STAILQ_HEAD(job_done, job);
SLIST_HEAD(job_free, job);

void jobs_reap(struct job_queue *q)
{
	struct job *j, *tmp;

	TAILQ_FOREACH_SAFE(j, q, link, tmp) {
		if (j->state)
			continue;
		TAILQ_REMOVE(q, j, link);
		free(j);
	}
}

void jobs_unhash(struct job_hash *h)
{
	struct job *j, *tmp;

	LIST_FOREACH_SAFE(j, h, hash, tmp)
		LIST_REMOVE(j, hash);
}

void jobs_retire(struct job_done *d)
{
	struct job *j, *tmp;

	STAILQ_FOREACH_SAFE(j, d, done, tmp)
		STAILQ_REMOVE(d, j, job, done);
}

void jobs_release(struct job_free *f)
{
	struct job *j, *tmp;

	SLIST_FOREACH_SAFE(j, f, free, tmp) {
		SLIST_REMOVE(f, j, job, free);
		free(j);
	}
}
