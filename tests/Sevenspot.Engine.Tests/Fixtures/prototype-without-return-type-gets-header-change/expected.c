static dev_open (struct net_device *ndev, unsigned long flags);
inline dev_stop (long idx, unsigned long flags);
dev_poll(unsigned int budget, unsigned long flags);
dev_probe(void, unsigned long flags);
long dev_close(struct net_device *ndev, unsigned long flags);
late_initcall(dev_poll);

static dev_open (struct net_device *ndev, unsigned long flags) {
	return ndev->mtu;
}
inline dev_stop (long idx, unsigned long flags) {
	return idx + 1;
}
dev_poll (unsigned int budget, unsigned long flags) {
	return budget;
}
dev_probe (void, unsigned long flags) {
	return -19;
}
long dev_close(struct net_device *ndev, unsigned long flags) {
	return 0;
}
