// SPDX-License-Identifier: GPL-2.0
/*
 * Walks that run with every other CPU stopped: a stop_machine() callback, and a debugger
 * command (the .func of a kdbtab_t) with a helper only it calls.
 */
#include <linux/sched/signal.h>
#include <linux/stop_machine.h>
#include <linux/kdb.h>

static int patch_all_tasks(void *data)
{
	struct task_struct *g, *t;

	for_each_process_thread(g, t)
		clear_tsk_thread_flag(t, TIF_PATCH_PENDING);
	return 0;
}

int patch_apply(void)
{
	return stop_machine(patch_all_tasks, NULL, NULL);
}

static void dbg_list_tasks(const char *mask)
{
	struct task_struct *g, *p;

	for_each_process_thread(g, p)
		kdb_printf("%d %s\n", p->pid, p->comm);
}

static int dbg_cmd_tasks(int argc, const char **argv)
{
	dbg_list_tasks(argc ? argv[1] : "");
	return 0;
}

static kdbtab_t dbg_commands[] = {
	{ .name = "tasks", .func = dbg_cmd_tasks, .usage = "[mask]", .help = "List tasks" },
};
