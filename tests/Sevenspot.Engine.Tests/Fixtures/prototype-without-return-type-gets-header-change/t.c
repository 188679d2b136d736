static dev_open (struct net_device *ndev);
inline dev_stop (long idx);
dev_poll(unsigned int budget);
dev_probe(void);
long dev_close(struct net_device *ndev);
late_initcall(dev_poll);

static dev_open (struct net_device *ndev) {
	return ndev->mtu;
}
inline dev_stop (long idx) {
	return idx + 1;
}
dev_poll (unsigned int budget) {
	return budget;
}
dev_probe (void) {
	return -19;
}
long dev_close(struct net_device *ndev) {
	return 0;
}
