#define RESET(x) do {		\
		baz(x);
	qux(x);		\
		if (x == NULL)	\
			bar(x);	\
	} while (0)

#define RESET_SPACES(x) do {	\
    baz(x);
	qux(x);			\
  } while (0)

int main(void)
{
	return 0;
}
