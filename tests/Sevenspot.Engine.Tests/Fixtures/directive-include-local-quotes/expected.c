#include <asm/b.h>
#include <linux/a.h>
#include <linux/a.h>
#include <linux/z/a.h>
#include <new.h>
int x;
