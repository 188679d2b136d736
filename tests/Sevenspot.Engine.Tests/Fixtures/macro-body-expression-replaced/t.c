typedef struct rx_desc { long addr; } rx_desc_t;
static rx_desc_t ring[8];
static const rx_desc_t *heads[3];
#define RING_LEN (sizeof(ring)/sizeof(rx_desc_t))
#define HEADS_LEN (sizeof(heads) / sizeof(rx_desc_t *))
int ring_slots(void)
{
	return sizeof(ring)/sizeof(rx_desc_t) + RING_LEN;
}
