int f(int x)
{
	a();
	#include <x.h>
	return 0;
}
