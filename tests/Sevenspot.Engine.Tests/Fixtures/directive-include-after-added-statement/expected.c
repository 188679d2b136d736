int f(int x)
{
	new(x);
#include <x.h>
	return 0;
}
