#define RX_LIMIT 64
void rx_fold(unsigned int bits)
{
	unsigned int v = bits;
	0;
	v ^ -(RX_LIMIT);
	v ^ (RX_LIMIT);
	v ^ -(64);
	v ^ ~RX_LIMIT;
	v ^ ~64;
	v ^ +64;
	0;
	0;
	0;
	0;
	v ^ -Rx_limit;
	0;
	0;
}
