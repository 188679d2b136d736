static int xfer_start(struct xfer_dev *xd, unsigned int len, void *buf);
static void xfer_kick(int nr);
static void xfer_drain(struct xfer_ctx *ctx, int budget);

static void
xfer_kick(int nr)
{
	ctx->pending |= 1u << nr;
	queue_work(system_wq, &ctx->work);
}
