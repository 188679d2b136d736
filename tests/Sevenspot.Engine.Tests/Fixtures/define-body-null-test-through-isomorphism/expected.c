#define IS_NONE(p) (!p)
#define IS_NONE_REV(p) (!p)
#define BAIL(p) if (!p) return -1;
#define BAIL_LOOP(p) do {		\
		if (NULL == (p))	\
			break;		\
	} while (0)
#define CAST_NONE(p) (!((void *)p))
