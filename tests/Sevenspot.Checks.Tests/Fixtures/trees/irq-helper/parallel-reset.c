// SPDX-License-Identifier: GPL-2.0
#include <linux/parport.h>

struct frames;
void frames_receive(struct frames *f);
void port_write(unsigned long port, unsigned char value);

struct pardev {
	struct frames *frames;
	struct pardevice *pdev;
};

static void par_interrupt(void *dev_id)
{
	struct pardev *p = dev_id;

	frames_receive(p->frames);
}

static void dev_reset(struct pardev *p)
{
	port_write(0x37a, 0);
}

int par_attach(struct pardev *p, struct parport *port)
{
	struct pardev_cb cb;

	dev_reset(p);
	port_write(0x378, 0);
	memset(&cb, 0, sizeof(cb));
	cb.irq_func = par_interrupt;
	cb.private = p;
	p->pdev = parport_register_dev_model(port, "par", &cb, 0);
	return p->pdev ? 0 : -ENODEV;
}
