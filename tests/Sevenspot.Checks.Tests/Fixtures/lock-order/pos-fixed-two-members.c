// SPDX-License-Identifier: GPL-2.0
/*
 * Two clocks of one codec, each a struct clk_pll initialised by one helper: one lockdep class.
 * The coefficient update takes the first clock's lock, then the second's: two members of one
 * object, named in the code, in one order. lockdep reports recursion (the annotation is
 * missing); the order itself is fixed, no deadlock by itself.
 */
#include <linux/mutex.h>

struct clk_pll {
	struct mutex lock;
	unsigned int rate;
};

struct codec {
	struct clk_pll pll_a;
	struct clk_pll pll_b;
	unsigned int coeff[8];
};

static void clk_pll_setup(struct clk_pll *pll)
{
	mutex_init(&pll->lock);
	pll->rate = 0;
}

void codec_setup(struct codec *c)
{
	clk_pll_setup(&c->pll_a);
	clk_pll_setup(&c->pll_b);
}

void codec_write_coeff(struct codec *c, int i, unsigned int v)
{
	mutex_lock(&c->pll_a.lock);
	mutex_lock(&c->pll_b.lock);	/* recursion to lockdep, fixed order */
	c->coeff[i] = v;
	mutex_unlock(&c->pll_b.lock);
	mutex_unlock(&c->pll_a.lock);
}
