int dev_set_mtu(int mtu, struct netlink_ext_ack *extack);
static long dev_get(int idx);
char *dev_name(void);
int dev_set_flags(int flags, struct netlink_ext_ack *extack, int mask);

int dev_set_mtu(int mtu, struct netlink_ext_ack *extack)
{
	return mtu;
}
