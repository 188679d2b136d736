
extern int z;
