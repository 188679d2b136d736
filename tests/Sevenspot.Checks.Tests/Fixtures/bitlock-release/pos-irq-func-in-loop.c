// SPDX-License-Identifier: GPL-2.0
/*
 * One parport callback set up in a loop, for every port of the card: each port's interrupt
 * runs the same function, the ports' lines may fire at once on two CPUs, and every run counts
 * into the card-wide state under the bit.
 */
#include <linux/bitops.h>
#include <linux/parport.h>

struct card {
	unsigned long busy;
	unsigned int events;
};

struct port_dev {
	struct card *card;
	struct pardevice *pdev;
};

static void card_port_interrupt(void *private)
{
	struct port_dev *p = private;
	struct card *c = p->card;

	if (test_and_set_bit(0, &c->busy))
		return;
	c->events++;
	clear_bit(0, &c->busy);	/* BUG: no release ordering */
}

int card_attach(struct port_dev *ports, struct parport **pp, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct pardev_cb cb = {
			.irq_func = card_port_interrupt,
			.private = &ports[i],
		};

		ports[i].pdev = parport_register_dev_model(pp[i], "card", &cb, i);
		if (!ports[i].pdev)
			return -ENODEV;
	}
	return 0;
}
