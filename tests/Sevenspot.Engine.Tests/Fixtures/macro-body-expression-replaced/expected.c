typedef struct rx_desc { long addr; } rx_desc_t;
static rx_desc_t ring[8];
static const rx_desc_t *heads[3];
#define RING_LEN ARRAY_SIZE(ring)
#define HEADS_LEN ARRAY_SIZE(heads)
int ring_slots(void)
{
	return ARRAY_SIZE(ring) + RING_LEN;
}
