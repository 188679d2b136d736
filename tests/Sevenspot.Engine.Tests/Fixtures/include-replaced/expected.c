#include <linux/kernel.h>
#include <linux/new.h>
int x;
