
extern long drops;
