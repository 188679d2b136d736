#include <stdio.h>

int f(int a);
static void g(void);
int *k(char *s, int);
int (*fp)(int);
int arr[3];

void h(void)
{
	int z;
	void (*cb)(void) = h;
	foo();
}
