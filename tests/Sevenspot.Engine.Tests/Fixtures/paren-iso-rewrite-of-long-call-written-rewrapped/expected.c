int f(struct cfg *input_config, int a, int b)
{
	int w_padding = 0;

	a = roundup(b, 4);
	if (a) {
		if (b) {
			if (a) {
				w_padding =
				    roundup(input_config->effective_res.width,
					    128) -
				    input_config->effective_res.width;
			}
		}
	}
	return w_padding;
}
