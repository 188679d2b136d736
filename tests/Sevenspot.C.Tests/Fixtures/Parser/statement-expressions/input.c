/* GNU statement expressions. */
#define twice(x) ({ typeof(x) _x = (x); _x * 2; })

int scaled(int v)
{
	int r = ({ int _t = v; _t > 10 ? 10 : _t; });

	return ({
		long acc = 0;
		acc += r;
		acc;
	}) + 1;
}
