int f(int x)
{
	#include <x.h>
	return 0;
}
