#define RX_LIMIT 64
void rx_fold(unsigned int bits)
{
	unsigned int v = bits;
	v ^ -RX_LIMIT;
	v ^ -(RX_LIMIT);
	v ^ (RX_LIMIT);
	v ^ -(64);
	v ^ ~RX_LIMIT;
	v ^ ~64;
	v ^ +64;
	v ^ - -RX_LIMIT;
	v ^ (long)RX_LIMIT;
	v ^ (long)-64;
	v ^ 'x';
	v ^ -Rx_limit;
	v ^ sizeof(long);
	v ^ -sizeof(long);
}
