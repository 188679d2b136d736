#define RESET(x) do {		\
		foo(x);		\
		if (x == NULL)	\
			bar(x);	\
	} while (0)

#define RESET_SPACES(x) do {	\
    foo(x);			\
  } while (0)

int main(void)
{
	return 0;
}
