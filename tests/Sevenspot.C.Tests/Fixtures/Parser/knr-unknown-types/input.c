/* K&R parameters whose types are names the parser does not know as types. */
int scale(value, factor)
	u32 value;
	fixed_t *factor, count;
{
	return value * *factor;
}

/* A macro call followed by a declaration is not a K&R definition. */
DECLARE_THING(x) name;
static int after(void)
{
	return 0;
}
