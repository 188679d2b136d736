#define IS_NONE(p) (p == NULL)
#define IS_NONE_REV(p) (NULL == p)
#define BAIL(p) if (p == NULL) return -1;
#define BAIL_LOOP(p) do {		\
		if (NULL == (p))	\
			break;		\
	} while (0)
#define CAST_NONE(p) ((void *)p == NULL)
