#include <linux/kernel.h>
#include <linux/old.h>
int x;
