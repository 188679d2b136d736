extern struct dev_stats { long rx; } *stats;
struct dev_cfg { int mtu; } *cfg;
extern long drops;
