/* Loops written as macros, with and without braces. */
static int count_threads(struct task_struct *p)
{
	struct task_struct *t;
	struct widget *w, *tmp;
	int n = 0;

	for_each_thread(p, t)
		n++;

	for_each_thread(p, t) {
		if (t->flags & PF_EXITING)
			continue;
		n++;
	}

	list_for_each_entry_safe(w, tmp, &widgets, node)
		list_for_each_entry(t, &w->tasks, tasks)
			n += t->weight;

	hlist_for_each_entry_rcu(w, &bucket, hnode) {
	}

	for_each_possible_cpu(cpu)
		*per_cpu_ptr(counts, cpu) = 0;

	return n;
}
