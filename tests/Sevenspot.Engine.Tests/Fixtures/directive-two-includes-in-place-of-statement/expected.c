int f(int x)
{
	a();
	#include <x.h>
#include <y.h>
	return 0;
}
