#include <asm/b.h>
#include <new.h>
#include <new.h>
#include <new.h>
#include "linux/q.h"
int x;
