#include <stdio.h>

void h(void)
{
	void (*cb)(void) = h;
	foo();
}
