/* A declarer macro followed by a designated initializer: its expansion ends in "= ". */
FIXTURE_VARIANT_ADD(ftruncate, w_w) {
	.handled = 1,
	.allowed = 2,
};

FIXTURE_VARIANT_ADD(bind_wildcard, v4_any)
{
	.family = {AF_INET, AF_INET},
	.addr = {&in4addr_any, &in4addr_loopback},
};

static const struct foo table[] = {
	[0] = { .x = 1 },
};

/* A brace that is not designated is still a function body. */
DEFINE_THING(x)
{
	return 0;
}
