struct dev_state
{
#ifdef CONFIG_DEV_STATS
  long rx_bytes;
#endif
  int mtu;
#if defined(CONFIG_DEV_WIDE)
  long flags;
#else
  short flags;
#endif
} *cur;

struct dev_snapshot {
#ifdef CONFIG_DEV_STATS
	long rx_bytes;
#endif
	int mtu;
#if defined(CONFIG_DEV_WIDE)
	long flags;
#else
	short flags;
#endif
};
struct dev_end { int last; };
