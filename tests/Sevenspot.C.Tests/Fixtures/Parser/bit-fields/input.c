/* Bit-fields, named and unnamed. */
struct regs {
	unsigned int enable : 1;
	unsigned int mode : 3, level : 4;
	u8 flag : 1;
	int : 0;
	unsigned long reserved : BITS_PER_LONG - 8;
};
