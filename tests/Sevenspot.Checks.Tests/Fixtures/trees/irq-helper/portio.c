// SPDX-License-Identifier: GPL-2.0
/* A port accessor of another folder (an architecture's I/O helper), not exported. */

void port_write(unsigned long port, unsigned char value)
{
	*(volatile unsigned char *)port = value;
}
