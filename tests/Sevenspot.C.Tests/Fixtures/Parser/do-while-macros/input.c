/* do ... while loops, one ended by a macro. */
void walk(struct task_struct *g, struct task_struct *t)
{
	int i = 0;

	do {
		i++;
	} while (i < 10);

	do {
		if (t->mm)
			count++;
	} while_each_thread(g, t);

	do_each_thread(g, t) {
		count++;
	} while_each_thread(g, t);

	do
		i--;
	while (i);
}
