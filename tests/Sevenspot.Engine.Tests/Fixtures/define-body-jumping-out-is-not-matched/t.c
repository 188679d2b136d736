#define RET_IN_DO(p) do { if (NULL == p) return; } while (0)
#define RET_IN_WHILE(p) while (1) { if (NULL == p) return; }
#define RET_IN_IF(p) if (NULL == p) return;
#define RET_DEEP_IN_DO(p) do {			\
		while (1) {			\
			if (NULL == p)		\
				return;		\
		}				\
	} while (0)
#define BREAK_OUT_OF_DO(p) do { foo(p == NULL); break; } while (0)
#define BREAK_OUT_OF_DO_ONE(p) do { if (NULL == p) break; } while (1)
#define BREAK_IN_INNER_DO(p) do { do { if (NULL == p) break; } while (1); } while (0)
#define BREAK_IN_FOR(p) do { for (;;) { if (NULL == p) break; } } while (0)
#define BREAK_IN_SWITCH(p) do { switch (p) { case 1: break; } foo(p == NULL); } while (0)
#define BREAK_IN_ITERATOR(p) do { list_for_each_entry(p, h, m) { if (NULL == p) break; } } while (0)
#define CONTINUE_IN_SWITCH(p) do { switch (p) { default: if (NULL == p) continue; } } while (0)
#define CONTINUE_IN_WHILE(p) { while (1) { if (NULL == p) continue; } }
#define BREAK_BARE(p) if (NULL == p) break;
#define GOTO_OUT(p) if (NULL == p) goto out;
#define GOTO_IN(p) { if (NULL == p) goto out; out: foo(); }

int f(int *p)
{
	do {
		if (NULL == p)
			break;
	} while (0);
	return 0;
}
