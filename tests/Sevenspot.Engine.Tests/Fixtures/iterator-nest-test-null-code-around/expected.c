static void f(struct rq *rq, int flags)
{
	for_each_sched_entity(se) {
		if (task_sleep && BAD(se) && !g(rq))
			set_next_buddy(se);
	}
	for_each_sched_entity(se) {
		if (BAD(se))
			set_next_buddy(se);
	}
	for_each_sched_entity(se, a) {
		if (task_sleep && BAD(se))
			set_next_buddy(se);
	}
}
