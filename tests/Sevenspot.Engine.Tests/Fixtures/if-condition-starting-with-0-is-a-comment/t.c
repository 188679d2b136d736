#if 07
int y;
#endif
#if 1
int y;
#endif
#if 00
int y;
#endif
#if 09
int y;
#endif
#if 0x0
int y;
#endif
#if 0 && X
int y;
#endif
#if (0)
int y;
#endif
#if 2
int y;
#endif
#if 10
int z;
#else
int y;
#endif
#if 1 || X
int z;
#else
int y;
#endif
